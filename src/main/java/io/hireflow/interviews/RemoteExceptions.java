package io.hireflow.interviews;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.TeamRole;
import io.hireflow.notifications.MessageEvent;
import io.hireflow.notifications.NotificationManagement;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.EnumNames;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;

/**
 * The in-person policy and its exceptions. Interviews are held in person unless their kind is one the organization
 * lets be remote; scheduling any other remote is refused, saying so. A candidate may ask, from the portal, for an
 * interview held in person to be by video or phone, with a reason (one request waiting at a time); the job's
 * recruiters are emailed. A recruiter approves it (the interview changes format, its sequence rises and its invites go
 * again) or declines it with a note; the candidate is told either way.
 */
@Service
public class RemoteExceptions {

    static final int MAX_TEXT = 1_000;

    private final JdbcClient jdbc;
    private final Interviews interviews;
    private final InterviewInvites invites;
    private final PipelineManagement pipeline;
    private final JobManagement jobs;
    private final NotificationManagement notifications;
    private final Clock clock;

    RemoteExceptions(JdbcClient jdbc, Interviews interviews, InterviewInvites invites, PipelineManagement pipeline,
            JobManagement jobs, NotificationManagement notifications, Clock clock) {
        this.jdbc = jdbc;
        this.interviews = interviews;
        this.invites = invites;
        this.pipeline = pipeline;
        this.jobs = jobs;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The organization's policy: the kinds of interview that may be remote (none, by default). */
    public record Policy(Set<InterviewKind> remoteKinds) {
    }

    @Transactional(readOnly = true)
    public Policy policy(OrganizationId organization) {
        return jdbc.sql("select remote_kinds from interview_policy where organization_id = ?")
                .param(organization.value())
                .query((rs, row) -> kinds((String[]) rs.getArray(1).getArray())).optional()
                .map(Policy::new).orElse(new Policy(Set.of()));
    }

    /** Sets which kinds may be remote; an unknown kind is refused (400). */
    @Transactional
    public Policy updatePolicy(Actor actor, Collection<String> remoteKinds) {
        Set<InterviewKind> kinds = EnumSet.noneOf(InterviewKind.class);
        for (String name : remoteKinds == null ? List.<String>of() : remoteKinds) {
            InterviewKind kind = name == null ? null : EnumNames.parse(InterviewKind.class, name.strip());
            if (kind == null) {
                throw new InvalidInputException("remoteKinds", "validation.oneOf", String.join(", ",
                        Arrays.stream(InterviewKind.values()).map(Enum::name).toList()));
            }
            kinds.add(kind);
        }
        jdbc.sql("""
                insert into interview_policy (organization_id, remote_kinds, updated_at) values (?, ?, ?)
                on conflict (organization_id) do update set remote_kinds = excluded.remote_kinds,
                                                            updated_at = excluded.updated_at""")
                .params(actor.organizationId().value(), kinds.stream().map(Enum::name).toArray(String[]::new),
                        Timestamp.from(clock.instant())).update();
        return policy(actor.organizationId());
    }

    private static Set<InterviewKind> kinds(String[] names) {
        Set<InterviewKind> kinds = EnumSet.noneOf(InterviewKind.class);
        for (String name : names) {
            kinds.add(InterviewKind.valueOf(name));
        }
        return kinds;
    }

    /** Where a request stands. */
    public enum Status { PENDING, APPROVED, DECLINED }

    /** A candidate's request for an interview held in person to be remote, and its answer. */
    public record RemoteException(UUID id, UUID interviewId, UUID applicationId, String candidateName,
            String interviewTitle, Instant startsAt, InterviewFormat format, String reason, Instant requestedAt,
            Status status, Instant decidedAt, String decidedByName, String note) {
    }

    private static final String SELECT = """
            select r.*, i.application_id, i.title, i.starts_at, a.candidate_name from remote_exception r
            join interview i on i.id = r.interview_id join job_application a on a.id = i.application_id
            """;

    /**
     * The candidate asks for their interview to be by video or phone, with a reason. Refused (409) for an interview
     * not scheduled in person or already past, or one with a request waiting; (400) without a reason.
     */
    @Transactional
    public RemoteException request(String email, UUID interviewId, String format, String reason) {
        OrganizationId organization = interviews.organizationOf(email, interviewId);
        Interview interview = interviews.interview(organization, interviewId);
        InterviewFormat wanted = format == null ? null : EnumNames.parse(InterviewFormat.class, format.strip());
        if (wanted == null || wanted == InterviewFormat.IN_PERSON) {
            throw new InvalidInputException("format", "validation.interview.remoteFormat");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "validation.required");
        }
        if (why.length() > MAX_TEXT) {
            throw new InvalidInputException("reason", "validation.tooLong", MAX_TEXT);
        }
        if (interview.status() != InterviewStatus.SCHEDULED || interview.format() != InterviewFormat.IN_PERSON
                || !interview.startsAt().isAfter(clock.instant())) {
            throw new ConflictException("error.interview.remoteNotOpen");
        }
        UUID id = Ids.newId();
        try {
            jdbc.sql("""
                    insert into remote_exception (id, organization_id, interview_id, format, reason, requested_at,
                                                  status)
                    values (?, ?, ?, ?, ?, ?, 'PENDING')""")
                    .params(id, organization.value(), interviewId, wanted.name(), why, Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException waiting) {
            throw new ConflictException("error.interview.remotePending");
        }
        ApplicationView application = pipeline.application(organization,
                new JobApplicationId(interview.applicationId()));
        List<UUID> recruiters = jobs.job(organization, application.jobId()).team(TeamRole.RECRUITER).stream()
                .map(member -> member.userId()).toList();
        notifications.tellStaff(organization, application, MessageEvent.REMOTE_REQUESTED, recruiters,
                Map.of("interviewTitle", interview.title(), "requestedFormat", wanted.name(), "requestReason", why),
                Map.of("interviewTime", interview.startsAt()), "remote-exception/" + id);
        return exception(organization, id);
    }

    /**
     * A recruiter answers a waiting request. Approving makes the interview a video interview (with its https link,
     * required) or a phone interview, raises its sequence and sends its invites again; declining needs a note. The
     * candidate is told either way. Refused (409) for a request answered already.
     */
    @Transactional
    public RemoteException decide(Actor actor, UUID exceptionId, Boolean approve, String note, String videoLink,
            String baseUrl) {
        RemoteException request = exception(actor.organizationId(), exceptionId);
        if (approve == null) {
            throw new InvalidInputException("approve", "validation.required");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("note", "validation.tooLong", MAX_TEXT);
        }
        if (!approve && text.isEmpty()) {
            throw new InvalidInputException("note", "validation.interview.declineNote");
        }
        String link = videoLink == null ? "" : videoLink.strip();
        if (approve && request.format() == InterviewFormat.VIDEO && !link.matches("^https://\\S{1,490}$")) {
            throw new InvalidInputException("videoLink", "validation.interview.videoLink");
        }
        Instant now = clock.instant();
        int decided = jdbc.sql("""
                update remote_exception set status = ?, decided_at = ?, decided_by = ?, decided_by_name = ?, note = ?
                where id = ? and organization_id = ? and status = 'PENDING'""")
                .params(approve ? "APPROVED" : "DECLINED", Timestamp.from(now), actor.userId(), actor.name(),
                        text.isEmpty() ? null : text, exceptionId, actor.organizationId().value()).update();
        if (decided == 0) {
            throw new ConflictException("error.interview.remoteAnswered");
        }
        Interview interview = interviews.interview(actor.organizationId(), request.interviewId());
        if (approve) {
            jdbc.sql("""
                    update interview set format = ?, video_link = ?, location = null, sequence = sequence + 1,
                                         updated_at = ?, version = version + 1
                    where id = ?""")
                    .params(request.format().name(), request.format() == InterviewFormat.VIDEO ? link : null,
                            Timestamp.from(now), interview.id()).update();
            interview = interviews.interview(actor.organizationId(), interview.id());
            invites.send(actor, interview, InterviewInvites.Change.MOVED, baseUrl);
        }
        ApplicationView application = pipeline.application(actor.organizationId(),
                new JobApplicationId(interview.applicationId()));
        String decision = approve ? "APPROVED" : "DECLINED";
        notifications.tellCandidate(actor, application, MessageEvent.REMOTE_ANSWERED,
                language -> Map.of("interviewTitle", request.interviewTitle(), "decision",
                        invites.decision(decision, request.format(), language), "decisionNote", text),
                Map.of("interviewTime", request.startsAt()), null, "remote-exception/" + exceptionId + "/answer",
                language -> null);
        return exception(actor.organizationId(), exceptionId);
    }

    @Transactional(readOnly = true)
    public RemoteException exception(OrganizationId organization, UUID id) {
        return jdbc.sql(SELECT + " where r.id = ? and r.organization_id = ?").params(id, organization.value())
                .query(RemoteExceptions::row).optional().orElseThrow(() -> new NotFoundException("remoteException"));
    }

    /** The organization's requests, those waiting first and then the newest; optionally of one status. */
    @Transactional(readOnly = true)
    public List<RemoteException> list(OrganizationId organization, String status) {
        Status only = status == null || status.isBlank() ? null : EnumNames.parse(Status.class, status.strip());
        if (status != null && !status.isBlank() && only == null) {
            throw new InvalidInputException("status", "validation.oneOf", "PENDING, APPROVED, DECLINED");
        }
        return jdbc.sql(SELECT + """
                 where r.organization_id = ? and (cast(? as text) is null or r.status = ?)
                order by r.status = 'PENDING' desc, r.requested_at desc limit 200""")
                .params(organization.value(), only == null ? null : only.name(), only == null ? null : only.name())
                .query(RemoteExceptions::row).list();
    }

    /** The latest request of each of these interviews, for the candidate's portal. */
    @Transactional(readOnly = true)
    public Map<UUID, RemoteException> latest(OrganizationId organization, Collection<UUID> interviewIds) {
        Map<UUID, RemoteException> latest = new HashMap<>();
        List<RemoteException> found = new ArrayList<>(jdbc.sql(SELECT + """
                 where r.organization_id = ? and r.interview_id = any(?) order by r.requested_at""")
                .params(organization.value(), interviewIds.toArray(UUID[]::new)).query(RemoteExceptions::row)
                .list());
        found.forEach(request -> latest.put(request.interviewId(), request));
        return latest;
    }

    private static RemoteException row(ResultSet rs, int row) throws SQLException {
        return new RemoteException(rs.getObject("id", UUID.class), rs.getObject("interview_id", UUID.class),
                rs.getObject("application_id", UUID.class), rs.getString("candidate_name"), rs.getString("title"),
                rs.getTimestamp("starts_at") == null ? null : rs.getTimestamp("starts_at").toInstant(),
                InterviewFormat.valueOf(rs.getString("format")), rs.getString("reason"),
                rs.getTimestamp("requested_at").toInstant(), Status.valueOf(rs.getString("status")),
                rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
                rs.getString("decided_by_name"), rs.getString("note"));
    }
}
