package io.hireflow.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records every staff view and change of candidate data: who, when, from where, which candidates, what was done.
 * The table only grows; a trigger refuses any change or deletion.
 */
@Component
public class AccessLog {

    /** What was done with candidate data. */
    public enum Action {
        VIEW_APPLICATION, VIEW_CANDIDATE, LIST_APPLICATIONS, LIST_CANDIDATES, VIEW_BOARD, ADD_APPLICATION,
        MOVE_APPLICATION, BULK_MOVE, EDIT_CANDIDATE, VIEW_MESSAGES, SEND_MESSAGE, VIEW_PROMISES, DOWNLOAD_DOCUMENT,
        REVIEW_ASSIGNMENT
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an access to the given candidates; {@code subject} says what was looked at or changed. */
    public void candidates(Actor actor, Action action, String subject, Collection<UUID> candidateIds) {
        jdbc.sql("""
                insert into access_log (organization_id, actor_id, actor_name, remote_address, at, action, subject,
                                        candidate_ids)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(actor.organizationId().value(), actor.userId(), actor.name(), actor.remoteAddress(),
                        Timestamp.from(clock.instant()), action.name(), subject, candidateIds.toArray(UUID[]::new))
                .update();
    }

    /** Records an access to the candidates of the given applications (resolved in the database). */
    public void applications(Actor actor, Action action, String subject, Collection<UUID> applicationIds) {
        jdbc.sql("""
                insert into access_log (organization_id, actor_id, actor_name, remote_address, at, action, subject,
                                        candidate_ids)
                select :org, :actor, :name, :address, :at, :action, :subject,
                       coalesce(array_agg(candidate_id), '{}')
                from job_application where organization_id = :org and id = any(:ids)""")
                .param("org", actor.organizationId().value()).param("actor", actor.userId())
                .param("name", actor.name()).param("address", actor.remoteAddress())
                .param("at", Timestamp.from(clock.instant())).param("action", action.name())
                .param("subject", subject).param("ids", applicationIds.toArray(UUID[]::new))
                .update();
    }
}
