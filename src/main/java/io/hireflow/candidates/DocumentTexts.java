package io.hireflow.candidates;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.shared.OrganizationId;

/**
 * The text read out of candidates' documents, for features that work with words rather than files (search, matching,
 * a reviewer's quick look). Documents are read in the background after they are stored, so a document has text only
 * once its reading has finished; one that is still waiting, or that could not be read (broken, encrypted, unsafe),
 * has none. Callers that show the text to staff record the view in the access log, as for a download.
 */
@Service
public class DocumentTexts {

    private final JdbcClient jdbc;

    DocumentTexts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The text of a document of this organization, once it has been read; empty while it waits to be read, when it
     * could not be read, and for a document that does not exist or belongs to another organization (alike).
     */
    @Transactional(readOnly = true)
    public Optional<String> text(OrganizationId organization, UUID documentId) {
        return jdbc.sql("""
                select coalesce(text, '') from candidate_document
                where organization_id = ? and id = ? and text_status = 'DONE'""")
                .params(organization.value(), documentId).query(String.class).optional();
    }
}
