package io.hireflow.assessments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.assessments.AssignmentTemplate.LatePolicy;
import io.hireflow.notifications.MessageEvent;
import io.hireflow.notifications.MessageStatus;
import io.hireflow.notifications.NotificationManagement;
import io.hireflow.notifications.OutboundMessage;
import io.hireflow.pipeline.ApplicationMoved;
import io.hireflow.pipeline.ApplicationStatus;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.pipeline.TimelineEventType;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.Minutes;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;

/**
 * Applications' take-home assignments. Scheduling one writes the message that releases it (the template's
 * instructions, link and deadline, in the candidate's language) to the outbox for the chosen minute: the outbox sends
 * it once, at that minute, whichever node is up, after any restart; and as a scheduled message it is a promise, so
 * the minute watch alerts the job's recruiters when it has not gone a minute after its time. Skipping the stage
 * (the pipeline's skip move) waives the assignment in the same transaction: a release not yet gone is cancelled, and
 * the candidate is told of the skip by the move's own notice.
 */
@Service
public class Assignments {

    private final JdbcClient jdbc;
    private final AssignmentTemplates templates;
    private final PipelineManagement pipeline;
    private final NotificationManagement notifications;
    private final Clock clock;

    Assignments(JdbcClient jdbc, AssignmentTemplates templates, PipelineManagement pipeline,
            NotificationManagement notifications, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.pipeline = pipeline;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Where an application's assignment stands. */
    public enum State {
        /** Its release is set for a minute still to come (or just come). */
        SCHEDULED,
        /** The candidate has the instructions; the deadline is to come. */
        RELEASED,
        /** Released, and its deadline has passed with nothing handed in. */
        EXPIRED,
        /** The candidate handed it in. */
        SUBMITTED,
        /** Its stage was skipped. */
        WAIVED,
        /** Its release was cancelled by hand, or could not be delivered. */
        NOT_RELEASED
    }

    /**
     * An application's assignment: its template, when it is (or was) released, when it is due, its state, and what
     * the candidate handed in (the link, when, whether late).
     */
    public record Assignment(UUID id, UUID applicationId, UUID templateId, String title, String resourceUrl,
            Instant releaseAt, Instant dueAt, State state, Instant waivedAt, UUID messageId, String submissionLink,
            Instant submittedAt, boolean submittedLate, boolean lateAccepted) {

        Assignment withState(State state) {
            return new Assignment(id, applicationId, templateId, title, resourceUrl, releaseAt, dueAt, state, waivedAt,
                    messageId, submissionLink, submittedAt, submittedLate, lateAccepted);
        }

        /** Whether the candidate can hand it in now. */
        public boolean open() {
            return state == State.RELEASED || state == State.EXPIRED && lateAccepted;
        }
    }

    /**
     * Schedules the release of the assignment of the stage the application is in, at {@code releaseAt} (dropped to
     * its minute; null is now). Refused when the application is not active in a stage with an assignment (409), when
     * it has this assignment already (409), or for a minute that has passed (400).
     */
    @Transactional
    public Assignment schedule(Actor actor, UUID applicationId, Instant releaseAt) {
        OrganizationId organization = actor.organizationId();
        ApplicationView application = pipeline.application(organization, new JobApplicationId(applicationId));
        Instant now = clock.instant();
        Instant release = releaseAt == null ? now.truncatedTo(ChronoUnit.MINUTES)
                : Minutes.notPast(releaseAt, now, "releaseAt");
        if (application.status() != ApplicationStatus.ACTIVE) {
            throw new ConflictException("error.assignment.notActive");
        }
        AssignmentTemplate template = templates.forStage(organization, application.stageId().value())
                .orElseThrow(() -> new ConflictException("error.assignment.noneInStage"));
        Instant due = release.plus(Duration.ofHours(template.durationHours()));
        // the message's key makes a second scheduling find the first's message, and the row's key refuses it
        OutboundMessage message = notifications.promise(actor, application, MessageEvent.ASSIGNMENT_RELEASED,
                Map.of("assignmentTitle", template.title(), "assignmentLink",
                        template.resourceUrl() == null ? "" : template.resourceUrl()),
                Map.of("submissionDeadline", due), release.isAfter(now) ? release : null,
                "assignment/" + applicationId + "/" + template.id());
        int added = jdbc.sql("""
                insert into assignment (id, organization_id, application_id, template_id, stage_id, release_at,
                                        due_at, message_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (application_id, template_id) do nothing""")
                .params(Ids.newId(), organization.value(), applicationId, template.id(),
                        application.stageId().value(), Timestamp.from(release), Timestamp.from(due), message.id(),
                        Timestamp.from(now))
                .update();
        if (added == 0) {
            throw new ConflictException("error.assignment.scheduled");
        }
        return assignment(organization, applicationId).orElseThrow();
    }

    /** The application's latest assignment, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Assignment> assignment(OrganizationId organization, UUID applicationId) {
        return jdbc.sql("""
                select a.*, t.title, t.resource_url, t.late_policy from assignment a
                join assignment_template t on t.id = a.template_id
                where a.organization_id = ? and a.application_id = ? order by a.created_at desc limit 1""")
                .params(organization.value(), applicationId)
                .query((rs, row) -> new Assignment(rs.getObject("id", UUID.class), applicationId,
                        rs.getObject("template_id", UUID.class), rs.getString("title"), rs.getString("resource_url"),
                        instant(rs.getTimestamp("release_at")), instant(rs.getTimestamp("due_at")), null,
                        instant(rs.getTimestamp("waived_at")), rs.getObject("message_id", UUID.class),
                        rs.getString("submission_link"), instant(rs.getTimestamp("submitted_at")),
                        rs.getBoolean("submitted_late"),
                        LatePolicy.ACCEPT_MARKED_LATE.name().equals(rs.getString("late_policy"))))
                .optional()
                .map(found -> found.withState(state(organization, found)));
    }

    /**
     * The candidate hands the released assignment in: a link to a repository or pull request. After the deadline it
     * is refused (409) or taken and marked late, as the template says; it is handed in once.
     */
    @Transactional
    public Assignment submit(OrganizationId organization, UUID applicationId, String link) {
        Assignment assignment = assignment(organization, applicationId)
                .orElseThrow(() -> new NotFoundException("assignment"));
        String url = link == null ? null : link.strip();
        if (url == null || url.isEmpty()) {
            throw new InvalidInputException("link", "validation.required");
        }
        if (url.length() > AssignmentTemplates.MAX_URL || !AssignmentTemplates.isWebAddress(url)) {
            throw new InvalidInputException("link", "validation.url");
        }
        if (assignment.state() == State.SUBMITTED) {
            throw new ConflictException("error.assignment.submitted");
        }
        if (!assignment.open()) {
            throw new ConflictException(assignment.state() == State.EXPIRED ? "error.assignment.late"
                    : "error.assignment.notOpen");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                update assignment set submission_link = ?, submitted_at = ?, submitted_late = ?
                where id = ? and submitted_at is null""")
                .params(url, Timestamp.from(now), now.isAfter(assignment.dueAt()), assignment.id()).update();
        return assignment(organization, applicationId).orElseThrow();
    }

    // waived and handed in are the assignment's own; released or not is its message's
    private State state(OrganizationId organization, Assignment assignment) {
        if (assignment.waivedAt() != null) {
            return State.WAIVED;
        }
        if (assignment.submittedAt() != null) {
            return State.SUBMITTED;
        }
        MessageStatus status = notifications.status(organization, assignment.messageId())
                .orElse(MessageStatus.CANCELLED);
        return switch (status) {
            case SENT -> clock.instant().isAfter(assignment.dueAt()) ? State.EXPIRED : State.RELEASED;
            case CANCELLED, DEAD, WITHHELD -> State.NOT_RELEASED;
            default -> State.SCHEDULED;
        };
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Skipping an assignment's stage waives it; a release that has not gone is cancelled with the move. */
    @EventListener
    void on(ApplicationMoved moved) {
        if (moved.type() != TimelineEventType.SKIPPED) {
            return;
        }
        jdbc.sql("""
                update assignment set waived_at = ?
                where organization_id = ? and application_id = ? and stage_id = ? and waived_at is null
                returning message_id""")
                .params(Timestamp.from(moved.at()), moved.organizationId().value(), moved.applicationId().value(),
                        moved.fromStageId().value())
                .query(UUID.class).list()
                .forEach(message -> notifications.cancelIfNotGone(moved.organizationId(), message));
    }
}
