package io.hireflow.candidates;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.shared.Ids;
import io.hireflow.shared.OrganizationId;

/**
 * What candidates ask of an organization about their data, each with its legal deadline: their documents back
 * within 14 days (Fair Hiring Procedure Act Art. 11), or their data deleted without delay (Personal Information
 * Protection Act; read as within 5 days). The organization sees each open request with its deadline.
 */
@Service
public class DataRequests {

    /** What is asked, and how long the organization has. */
    public enum Kind {
        RETURN_DOCUMENTS(Duration.ofDays(14)), DELETE_DATA(Duration.ofDays(5));

        private final Duration deadline;

        Kind(Duration deadline) {
            this.deadline = deadline;
        }

        public Duration deadline() {
            return deadline;
        }
    }

    public record DataRequest(UUID id, OrganizationId organizationId, CandidateId candidateId, Kind kind, String note,
            Instant requestedAt, Instant dueAt, Instant doneAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DataRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a candidate's request; an open request of the same kind is not asked twice. */
    @Transactional
    public DataRequest ask(OrganizationId organization, CandidateId candidate, Kind kind, String note) {
        Instant now = clock.instant();
        List<DataRequest> open = of(organization, candidate).stream()
                .filter(request -> request.kind() == kind && request.doneAt() == null).toList();
        if (!open.isEmpty()) {
            return open.get(0);
        }
        UUID id = Ids.newId();
        String text = note == null || note.isBlank() ? null : note.strip();
        jdbc.sql("""
                insert into data_request (id, organization_id, candidate_id, kind, note, requested_at, due_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organization.value(), candidate.value(), kind.name(),
                        text == null ? null : text.substring(0, Math.min(500, text.length())), Timestamp.from(now),
                        Timestamp.from(now.plus(kind.deadline())))
                .update();
        return of(organization, candidate).stream().filter(request -> request.id().equals(id)).findFirst()
                .orElseThrow();
    }

    /** A candidate's requests to the organization, oldest first. */
    @Transactional(readOnly = true)
    public List<DataRequest> of(OrganizationId organization, CandidateId candidate) {
        return jdbc.sql("""
                select * from data_request where organization_id = ? and candidate_id = ? order by requested_at""")
                .params(organization.value(), candidate.value())
                .query((rs, row) -> new DataRequest(rs.getObject("id", UUID.class), organization, candidate,
                        Kind.valueOf(rs.getString("kind")), rs.getString("note"),
                        rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
                        rs.getTimestamp("done_at") == null ? null : rs.getTimestamp("done_at").toInstant()))
                .list();
    }
}
