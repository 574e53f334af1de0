package io.hireflow.candidates;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.shared.Actor;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;

/**
 * The files candidates send. A file is accepted only as what its bytes say it is (PDF or DOCX, checked by {@link
 * DocumentTypes}), stored in the database under a generated key, and served only to staff of its organization (and,
 * through the portal, to the candidate). The name it came with is metadata, never a path.
 */
@Service
public class CandidateDocuments {

    /** The largest file accepted (the web layer refuses a larger body before reading it). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final AccessLog accessLog;
    private final Clock clock;

    CandidateDocuments(JdbcClient jdbc, AccessLog accessLog, Clock clock) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** A file's content with what to serve it as. */
    public record Content(CandidateDocument document, byte[] bytes) {
    }

    /** A file whose size and real type were checked: only {@link #check} makes one, so it is checked once. */
    public static final class Checked {

        private final DocumentType type;
        private final byte[] bytes;

        private Checked(DocumentType type, byte[] bytes) {
            this.type = type;
            this.bytes = bytes;
        }

        public DocumentType type() {
            return type;
        }
    }

    /**
     * Checks a file as {@code field} of a form: its size and its real type. Answers the checked file; refuses (400,
     * beside the field) an empty, oversized, unknown or unsafe file.
     */
    public static Checked check(String field, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(field, "validation.file.size", MAX_BYTES / (1024 * 1024));
        }
        return new Checked(DocumentTypes.detect(field, bytes), bytes);
    }

    /** Stores a checked file for a candidate (and the application it came with). */
    @Transactional
    public CandidateDocument store(OrganizationId organization, CandidateId candidate, UUID application,
            DocumentKind kind, String originalName, Checked file) {
        DocumentType type = file.type;
        byte[] bytes = file.bytes;
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into candidate_document (id, organization_id, candidate_id, application_id, kind,
                    original_name, media_type, size_bytes, sha256, content, created_at)
                values (:id, :org, :candidate, :application, :kind, :name, :type, :size, :sha, :content, :now)""")
                .param("id", id).param("org", organization.value()).param("candidate", candidate.value())
                .param("application", application).param("kind", kind.name())
                .param("name", safeName(originalName, type)).param("type", type.mediaType())
                .param("size", bytes.length).param("sha", sha256(bytes)).param("content", bytes)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return document(organization, id);
    }

    @Transactional(readOnly = true)
    public List<CandidateDocument> documentsOf(OrganizationId organization, CandidateId candidate) {
        return jdbc.sql("""
                select id, candidate_id, application_id, kind, original_name, media_type, size_bytes, sha256,
                    text_status, created_at
                from candidate_document where organization_id = ? and candidate_id = ? order by created_at""")
                .params(organization.value(), candidate.value()).query(CandidateDocuments::row).list();
    }

    /** A candidate's file for a member of staff to download; the download is recorded in the access log. */
    @Transactional
    public Content download(Actor actor, CandidateId candidate, UUID id) {
        CandidateDocument document = document(actor.organizationId(), id);
        if (!document.candidateId().equals(candidate)) {
            throw new NotFoundException("document");
        }
        byte[] bytes = jdbc.sql("select content from candidate_document where id = ?").param(id)
                .query(byte[].class).single();
        accessLog.candidates(actor, AccessLog.Action.DOWNLOAD_DOCUMENT, "document " + id,
                List.of(document.candidateId().value()));
        return new Content(document, bytes);
    }

    /**
     * A file the candidate sent with one of their applications, for the candidate themselves (through the portal, which
     * has checked that the application is theirs): not a staff access, so not in the access log. Another candidate's
     * file, or one of another application, is not found.
     */
    @Transactional(readOnly = true)
    public Content ownFile(OrganizationId organization, CandidateId candidate, UUID application, UUID id) {
        CandidateDocument document = document(organization, id);
        if (!document.candidateId().equals(candidate) || !application.equals(document.applicationId())) {
            throw new NotFoundException("document");
        }
        byte[] bytes = jdbc.sql("select content from candidate_document where id = ?").param(id)
                .query(byte[].class).single();
        return new Content(document, bytes);
    }

    private CandidateDocument document(OrganizationId organization, UUID id) {
        return jdbc.sql("""
                select id, candidate_id, application_id, kind, original_name, media_type, size_bytes, sha256,
                    text_status, created_at
                from candidate_document where organization_id = ? and id = ?""")
                .params(organization.value(), id).query(CandidateDocuments::row).optional()
                .orElseThrow(() -> new NotFoundException("document"));
    }

    /**
     * The name to keep: the last part of what the browser sent (never a path), without control characters, at most
     * 150 characters, ending in the extension of its real type.
     */
    static String safeName(String original, DocumentType type) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "").strip();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        if (stem.isBlank() || stem.matches("\\.+")) {
            stem = "document";
        }
        if (stem.length() > 140) {
            stem = stem.substring(0, 140);
        }
        return stem + "." + type.extension();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CandidateDocument row(ResultSet rs, int row) throws SQLException {
        return new CandidateDocument(rs.getObject("id", UUID.class),
                new CandidateId(rs.getObject("candidate_id", UUID.class)), rs.getObject("application_id", UUID.class),
                DocumentKind.valueOf(rs.getString("kind")), rs.getString("original_name"),
                rs.getString("media_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                rs.getString("text_status"), rs.getTimestamp("created_at").toInstant());
    }
}
