package io.hireflow.candidates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.shared.Languages;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.Ids;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;

/**
 * Candidates of an organization. The same email (ignoring case) within an organization is the same person; every
 * read and write is scoped to the organization, so another organization's candidate is not found.
 *
 * <p>Publishes {@link CandidateRenamed} inside the transaction that changes a candidate's name.
 */
@Service
public class CandidateManagement {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccessLog accessLog;
    private final ApplicationEventPublisher events;

    CandidateManagement(JdbcClient jdbc, Clock clock, AccessLog accessLog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accessLog = accessLog;
        this.events = events;
    }

    /**
     * The organization's candidate with this email, created if new. Details the existing record lacks are filled in;
     * what it already has is kept. Safe under concurrent calls for the same email.
     */
    @Transactional
    public CandidateId findOrCreate(OrganizationId organization, CandidateDetails details) {
        return findOrCreate(organization, details, null);
    }

    /**
     * The same, for a candidate who writes in {@code language} ({@code ko} or {@code en}, as they applied): it becomes
     * the language they are written to.
     */
    @Transactional
    public CandidateId findOrCreate(OrganizationId organization, CandidateDetails details, String language) {
        if (language != null && !Languages.ALL.contains(language)) {
            throw new IllegalArgumentException("not a language candidates are written to: " + language);
        }
        Timestamp now = Timestamp.from(clock.instant());
        UUID id = jdbc.sql("""
                insert into candidate as c (id, organization_id, name, email, phone, region, github_url, portfolio_url,
                                            source, tags, language, created_at, updated_at)
                values (:id, :org, :name, :email, :phone, :region, :github, :portfolio, :source, :tags, :language,
                        :now, :now)
                on conflict (organization_id, lower(email)) do update set
                    language = coalesce(excluded.language, c.language),
                    phone = coalesce(c.phone, excluded.phone),
                    region = coalesce(c.region, excluded.region),
                    github_url = coalesce(c.github_url, excluded.github_url),
                    portfolio_url = coalesce(c.portfolio_url, excluded.portfolio_url),
                    source = coalesce(c.source, excluded.source),
                    tags = array(select distinct unnest(c.tags || excluded.tags))
                returning id""")
                .param("id", Ids.newId()).param("org", organization.value()).param("name", details.name().strip())
                .param("email", details.email().strip()).param("phone", blankToNull(details.phone()))
                .param("region", blankToNull(details.region())).param("github", blankToNull(details.githubUrl()))
                .param("portfolio", blankToNull(details.portfolioUrl()))
                .param("source", blankToNull(details.source())).param("tags", tags(details.tags()))
                .param("language", language).param("now", now)
                .query(UUID.class).single();
        return new CandidateId(id);
    }

    /**
     * The person with this email in every organization (the candidate portal's view of one person across the
     * platform; no member of any organization's staff sees this).
     */
    @Transactional(readOnly = true)
    public List<Candidate> everywhere(String email) {
        return jdbc.sql("select * from candidate where lower(email) = lower(?) order by created_at")
                .param(email.strip()).query(CandidateManagement::row).list();
    }

    /** The contact details a candidate may change themselves (the portal): phone, region and links. */
    public record Contact(
            @Size(max = 30) @Pattern(regexp = "^[0-9+()\\- ]*$", message = "{validation.phone}") String phone,
            @Size(max = 100) String region,
            @Size(max = 500) @Pattern(regexp = "^(https?://\\S+)?$", message = "{validation.url}") String githubUrl,
            @Size(max = 500) @Pattern(regexp = "^(https?://\\S+)?$", message = "{validation.url}")
            String portfolioUrl) {
    }

    /** The candidate changes their own contact details, in every organization they applied to. */
    @Transactional
    public void updateContact(String email, Contact contact) {
        jdbc.sql("""
                update candidate set phone = :phone, region = :region, github_url = :github,
                    portfolio_url = :portfolio, updated_at = :now, version = version + 1
                where lower(email) = lower(:email)""")
                .param("phone", blankToNull(contact.phone())).param("region", blankToNull(contact.region()))
                .param("github", blankToNull(contact.githubUrl()))
                .param("portfolio", blankToNull(contact.portfolioUrl()))
                .param("now", Timestamp.from(clock.instant())).param("email", email.strip())
                .update();
    }

    @Transactional(readOnly = true)
    public Candidate candidate(OrganizationId organization, CandidateId id) {
        return jdbc.sql("select * from candidate where id = ? and organization_id = ?")
                .param(id.value()).param(organization.value())
                .query(CandidateManagement::row).optional()
                .orElseThrow(() -> new NotFoundException("candidate"));
    }

    /**
     * Candidates whose name or email contains the query, in name order; a page of at most {@code limit} after the
     * given candidate (keyset).
     */
    @Transactional(readOnly = true)
    public List<Candidate> search(OrganizationId organization, String query, CandidateId after, int limit) {
        String pattern = query == null || query.isBlank() ? null : "%" + query.strip().toLowerCase()
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select * from candidate
                where organization_id = :org
                  and (cast(:pattern as text) is null or lower(name) like :pattern or lower(email) like :pattern)
                  and (cast(:after as uuid) is null or id > :after)
                order by id limit :limit""")
                .param("org", organization.value()).param("pattern", pattern)
                .param("after", after == null ? null : after.value()).param("limit", limit)
                .query(CandidateManagement::row).list();
    }

    /** Replaces a candidate's details; refuses a stale version, or an email another candidate has, with 409. */
    @Transactional
    public Candidate update(Actor actor, CandidateId id, CandidateDetails details, long version) {
        OrganizationId organization = actor.organizationId();
        Candidate before = candidate(organization, id);
        boolean taken = jdbc.sql("""
                select exists(select 1 from candidate
                              where organization_id = ? and lower(email) = lower(?) and id <> ?)""")
                .params(organization.value(), details.email().strip(), id.value()).query(Boolean.class).single();
        if (taken) {
            throw new ConflictException("error.candidate.emailTaken", details.email());
        }
        int updated = jdbc.sql("""
                update candidate set name = :name, email = :email, phone = :phone, region = :region,
                    github_url = :github, portfolio_url = :portfolio, source = :source, tags = :tags,
                    updated_at = :now, version = version + 1
                where id = :id and organization_id = :org and version = :version""")
                .param("name", details.name().strip()).param("email", details.email().strip())
                .param("phone", blankToNull(details.phone())).param("region", blankToNull(details.region()))
                .param("github", blankToNull(details.githubUrl()))
                .param("portfolio", blankToNull(details.portfolioUrl()))
                .param("source", blankToNull(details.source())).param("tags", tags(details.tags()))
                .param("now", Timestamp.from(clock.instant())).param("id", id.value())
                .param("org", organization.value()).param("version", version)
                .update();
        if (updated == 0) {
            throw new ConflictException("error.stale");
        }
        accessLog.candidates(actor, AccessLog.Action.EDIT_CANDIDATE, "candidate " + id, List.of(id.value()));
        Candidate after = candidate(organization, id);
        if (!after.name().equals(before.name())) {
            events.publishEvent(new CandidateRenamed(organization, id, after.name()));
        }
        return after;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String[] tags(List<String> tags) {
        return tags == null ? new String[0]
                : tags.stream().filter(tag -> tag != null && !tag.isBlank()).map(String::strip).distinct()
                        .toArray(String[]::new);
    }

    private static Candidate row(ResultSet rs, int row) throws SQLException {
        return new Candidate(new CandidateId(rs.getObject("id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("region"), rs.getString("github_url"),
                rs.getString("portfolio_url"), rs.getString("source"),
                Arrays.asList((String[]) rs.getArray("tags").getArray()), rs.getString("language"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
