package io.hireflow.candidates;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.shared.Ids;
import io.hireflow.shared.OrganizationId;

/**
 * What a candidate was shown and agreed to (or declined), each purpose on its own, with the version and language of
 * the text, when, and from where: the record the Personal Information Protection Act asks for.
 */
@Service
public class Consents {

    /** What a consent is for. */
    public enum Purpose {
        /** Processing the application itself (required to apply). */
        APPLICATION,
        /** Keeping the profile for later openings after the process ends (optional). */
        TALENT_POOL
    }

    /** One consent as it was asked: the text shown, its version and language, and until when data may be kept. */
    public record Asked(Purpose purpose, String version, String language, String shownText, boolean agreed,
            LocalDate keepUntil) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Consents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void record(OrganizationId organization, CandidateId candidate, UUID application, Asked asked,
            String remoteAddress) {
        jdbc.sql("""
                insert into consent_record (id, organization_id, candidate_id, application_id, purpose, version,
                    language, shown_text, agreed, keep_until, remote_address, at)
                values (:id, :org, :candidate, :application, :purpose, :version, :language, :text, :agreed, :until,
                    :address, :now)""")
                .param("id", Ids.newId()).param("org", organization.value()).param("candidate", candidate.value())
                .param("application", application).param("purpose", asked.purpose().name())
                .param("version", asked.version()).param("language", asked.language())
                .param("text", asked.shownText()).param("agreed", asked.agreed())
                .param("until", asked.keepUntil() == null ? null : Date.valueOf(asked.keepUntil()))
                .param("address", remoteAddress).param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
