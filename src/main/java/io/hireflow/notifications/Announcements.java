package io.hireflow.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.jobs.JobId;
import io.hireflow.jobs.StageId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.pipeline.StageResult;
import io.hireflow.shared.Minutes;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;

/**
 * Bulk result announcements: the results of one stage of a job told to every candidate at once, those who passed
 * with the pass template and those rejected in it with the fail template. All messages are written in one statement
 * and one transaction; the dispatcher sends them. A candidate already told this stage's result (by a message of the
 * decision itself or an earlier announcement) is not told again.
 */
@Service
public class Announcements {

    static final Set<MessageEvent> PASS_EVENTS = Set.of(MessageEvent.STAGE_PASSED, MessageEvent.FREE_FORM);
    static final Set<MessageEvent> FAIL_EVENTS = Set.of(MessageEvent.REJECTED, MessageEvent.FREE_FORM);

    private final JdbcClient jdbc;
    private final PipelineManagement pipeline;
    private final MessageTemplates templates;
    private final MessageContext context;
    private final Outbox outbox;
    private final AccessLog accessLog;
    private final Clock clock;

    Announcements(JdbcClient jdbc, PipelineManagement pipeline, MessageTemplates templates, MessageContext context,
            Outbox outbox, AccessLog accessLog, Clock clock) {
        this.jdbc = jdbc;
        this.pipeline = pipeline;
        this.templates = templates;
        this.context = context;
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** What to announce: a job's stage, the template for those who passed and for those who did not, and when. */
    public record StartAnnouncement(UUID jobId, UUID stageId, MessageEvent passEvent, MessageEvent failEvent,
            Instant sendAt) {
    }

    /** One message of each kind as it will read, for the first candidate of each; null where there is none. */
    public record Preview(int passing, int failing, int alreadyTold, String passTo, TemplateText.Rendered pass,
            String failTo, TemplateText.Rendered fail) {
    }

    @Transactional(readOnly = true)
    public Preview preview(Actor actor, StartAnnouncement command) {
        Plan plan = plan(actor.organizationId(), command);
        StageResult firstPass = plan.pending.stream().filter(StageResult::passed).findFirst().orElse(null);
        StageResult firstFail = plan.pending.stream().filter(result -> !result.passed()).findFirst().orElse(null);
        return new Preview((int) plan.pending.stream().filter(StageResult::passed).count(),
                (int) plan.pending.stream().filter(result -> !result.passed()).count(), plan.alreadyTold,
                firstPass == null ? null : firstPass.candidateEmail(),
                firstPass == null ? null : plan.render(firstPass),
                firstFail == null ? null : firstFail.candidateEmail(),
                firstFail == null ? null : plan.render(firstFail));
    }

    /** Writes every message of the announcement and answers it with its progress. */
    @Transactional
    public Announcement start(Actor actor, StartAnnouncement command) {
        Plan plan = plan(actor.organizationId(), command);
        Instant now = clock.instant();
        Instant sendAt = command.sendAt() == null ? now : Minutes.notPast(command.sendAt(), now, "sendAt");
        UUID id = Ids.newId();
        List<Outbox.Envelope> envelopes = new ArrayList<>(plan.pending.size());
        for (StageResult result : plan.pending) {
            UUID application = result.applicationId().value();
            MessageEvent event = result.passed() ? command.passEvent() : command.failEvent();
            envelopes.add(new Outbox.Envelope(actor.organizationId(), application, result.candidateId().value(),
                    command.stageId(), event, plan.job.language(), result.candidateEmail(), result.candidateName(),
                    plan.render(result), resultKey(command.stageId(), application), sendAt, actor, null));
        }
        jdbc.sql("""
                insert into announcement (id, organization_id, job_id, stage_id, pass_event, fail_event, send_at,
                    total, passed, failed, skipped, created_at, created_by, created_by_name)
                values (:id, :org, :job, :stage, :pass, :fail, :sendAt, 0, 0, 0, :skipped, :now, :by, :byName)""")
                .param("id", id).param("org", actor.organizationId().value()).param("job", command.jobId())
                .param("stage", command.stageId())
                .param("pass", command.passEvent() == null ? null : command.passEvent().name())
                .param("fail", command.failEvent() == null ? null : command.failEvent().name())
                .param("sendAt", Timestamp.from(sendAt)).param("skipped", plan.alreadyTold)
                .param("now", Timestamp.from(now)).param("by", actor.userId()).param("byName", actor.name())
                .update();
        List<MessageEvent> written = outbox.writeAll(envelopes, id, now);
        long passed = command.passEvent() == null ? 0
                : written.stream().filter(event -> event == command.passEvent()).count();
        int total = written.size();
        // two announcements started at once: the later one skips what the first already wrote
        jdbc.sql("""
                update announcement set total = :total, passed = :passed, failed = :failed, skipped = :skipped
                where id = :id""")
                .param("total", total).param("passed", (int) passed).param("failed", total - (int) passed)
                .param("skipped", plan.alreadyTold + envelopes.size() - total).param("id", id).update();
        accessLog.candidates(actor, AccessLog.Action.SEND_MESSAGE, "announcement " + id,
                plan.pending.stream().map(result -> result.candidateId().value()).distinct().toList());
        return announcement(actor, id);
    }

    @Transactional(readOnly = true)
    public Announcement announcement(Actor actor, UUID id) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select status, count(*) from outbound_message where announcement_id = ? group by status")
                .param(id).query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        Announcement.Progress progress = new Announcement.Progress(
                counts.getOrDefault("QUEUED", 0) + counts.getOrDefault("SENDING", 0), counts.getOrDefault("SENT", 0),
                counts.getOrDefault("DEFERRED", 0), counts.getOrDefault("DEAD", 0),
                counts.getOrDefault("CANCELLED", 0));
        return jdbc.sql("select * from announcement where id = ? and organization_id = ?")
                .params(id, actor.organizationId().value())
                .query((rs, row) -> new Announcement(id, rs.getObject("job_id", UUID.class),
                        rs.getObject("stage_id", UUID.class), event(rs.getString("pass_event")),
                        event(rs.getString("fail_event")), rs.getTimestamp("send_at").toInstant(), rs.getInt("total"),
                        rs.getInt("passed"), rs.getInt("failed"), rs.getInt("skipped"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by_name"), progress))
                .optional().orElseThrow(() -> new NotFoundException("announcement"));
    }

    /** The key that makes one stage's result go to one application once, whichever way it is sent. */
    static String resultKey(UUID stageId, UUID applicationId) {
        return "result/" + stageId + "/" + applicationId;
    }

    private static MessageEvent event(String name) {
        return name == null ? null : MessageEvent.valueOf(name);
    }

    /** Who gets which message: the stage's results less those already told, with the templates ready to fill. */
    private final class Plan {
        final MessageContext.JobValues job;
        final List<StageResult> pending = new ArrayList<>();
        final StageId stage;
        int alreadyTold;
        TemplateText.Compiled pass;
        TemplateText.Compiled fail;

        Plan(MessageContext.JobValues job, StageId stage) {
            this.job = job;
            this.stage = stage;
        }

        TemplateText.Rendered render(StageResult result) {
            return (result.passed() ? pass : fail).render(job.forApplication(result.candidateName(), stage,
                    result.passed() ? result.currentStageId() : null, result.currentStageId(),
                    result.enteredCurrentStage()));
        }
    }

    private Plan plan(OrganizationId organization, StartAnnouncement command) {
        if (command.jobId() == null) {
            throw new InvalidInputException("jobId", "validation.required");
        }
        if (command.stageId() == null) {
            throw new InvalidInputException("stageId", "validation.required");
        }
        if (command.passEvent() == null && command.failEvent() == null) {
            throw new InvalidInputException("passEvent", "validation.announcement.nothing");
        }
        if (command.passEvent() != null && !PASS_EVENTS.contains(command.passEvent())) {
            throw new InvalidInputException("passEvent", "validation.oneOf", "STAGE_PASSED, FREE_FORM");
        }
        if (command.failEvent() != null && !FAIL_EVENTS.contains(command.failEvent())) {
            throw new InvalidInputException("failEvent", "validation.oneOf", "REJECTED, FREE_FORM");
        }
        JobId jobId = new JobId(command.jobId());
        StageId stageId = new StageId(command.stageId());
        List<StageResult> results = pipeline.stageResults(organization, jobId, stageId);
        Set<UUID> told = Set.copyOf(jdbc.sql("""
                select application_id from outbound_message
                where organization_id = :org and stage_id = :stage
                  and event in ('STAGE_PASSED', 'STAGE_SKIPPED', 'REJECTED', 'FREE_FORM')
                  and status not in ('CANCELLED', 'WITHHELD')
                  and (announcement_id is not null or event <> 'FREE_FORM')""")
                .param("org", organization.value()).param("stage", stageId.value())
                .query(UUID.class).list());
        Plan plan = new Plan(context.forJob(organization, jobId), stageId);
        for (StageResult result : results) {
            boolean wanted = result.passed() ? command.passEvent() != null : command.failEvent() != null;
            if (!wanted) {
                continue;
            }
            if (told.contains(result.applicationId().value())) {
                plan.alreadyTold++;
            } else {
                plan.pending.add(result);
            }
        }
        if (command.passEvent() != null) {
            plan.pass = templates.text(organization, command.passEvent(), plan.job.language()).compile();
        }
        if (command.failEvent() != null) {
            plan.fail = templates.text(organization, command.failEvent(), plan.job.language()).compile();
        }
        return plan;
    }
}
