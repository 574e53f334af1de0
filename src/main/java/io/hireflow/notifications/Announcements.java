package io.hireflow.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.hireflow.jobs.JobId;
import io.hireflow.jobs.StageId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.pipeline.StageResult;
import io.hireflow.shared.Minutes;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.HireflowException;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;

/**
 * Bulk result announcements: the results of one stage of a job told to every candidate at once, those who passed
 * with the pass template and those rejected in it with the fail template. The messages are written in chunks of a
 * thousand, one statement and one transaction each; the dispatcher sends them. A candidate already told this stage's
 * result (by a message of the decision itself or an earlier announcement) is not told again.
 */
@Service
public class Announcements {

    private static final Logger log = LoggerFactory.getLogger(Announcements.class);

    /** How many messages one transaction writes: the senders start on the first while the rest are written. */
    static final int CHUNK = 1_000;
    /** How long a node writing an announcement may go without finishing a chunk before another node takes over. */
    static final Duration WRITING_LEASE = Duration.ofMinutes(2);

    static final Set<MessageEvent> PASS_EVENTS = Set.of(MessageEvent.STAGE_PASSED, MessageEvent.FREE_FORM);
    static final Set<MessageEvent> FAIL_EVENTS = Set.of(MessageEvent.REJECTED, MessageEvent.FREE_FORM);

    private final JdbcClient jdbc;
    private final PipelineManagement pipeline;
    private final MessageTemplates templates;
    private final MessageContext context;
    private final Outbox outbox;
    private final AccessLog accessLog;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Announcements(JdbcClient jdbc, PipelineManagement pipeline, MessageTemplates templates, MessageContext context,
            Outbox outbox, AccessLog accessLog, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.pipeline = pipeline;
        this.templates = templates;
        this.context = context;
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.transactions = transactions;
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

    /**
     * Writes every message of the announcement and answers it with its progress. The messages are written a chunk
     * at a time, each chunk in its own transaction, so the first are on their way while the rest are written; the
     * announcement holds a lease on its writing, and should this node die before it is finished, {@link
     * #resumeStalled()} on any node finishes it.
     */
    public Announcement start(Actor actor, StartAnnouncement command) {
        Instant now = clock.instant();
        Instant sendAt = command.sendAt() == null ? now : Minutes.notPast(command.sendAt(), now, "sendAt");
        UUID id = Ids.newId();
        Plan plan = transactions.execute(status -> {
            Plan planned = plan(actor.organizationId(), command);
            int passing = (int) planned.pending.stream().filter(StageResult::passed).count();
            jdbc.sql("""
                    insert into announcement (id, organization_id, job_id, stage_id, pass_event, fail_event, send_at,
                        total, passed, failed, skipped, created_at, created_by, created_by_name, writing_until)
                    values (:id, :org, :job, :stage, :pass, :fail, :sendAt, :total, :passed, :failed, :skipped, :now,
                        :by, :byName, :lease)""")
                    .param("id", id).param("org", actor.organizationId().value()).param("job", command.jobId())
                    .param("stage", command.stageId())
                    .param("pass", command.passEvent() == null ? null : command.passEvent().name())
                    .param("fail", command.failEvent() == null ? null : command.failEvent().name())
                    .param("sendAt", Timestamp.from(sendAt)).param("total", planned.pending.size())
                    .param("passed", passing).param("failed", planned.pending.size() - passing)
                    .param("skipped", planned.alreadyTold).param("now", Timestamp.from(now))
                    .param("by", actor.userId()).param("byName", actor.name())
                    .param("lease", Timestamp.from(now.plus(WRITING_LEASE)))
                    .update();
            accessLog.candidates(actor, AccessLog.Action.SEND_MESSAGE, "announcement " + id,
                    planned.pending.stream().map(result -> result.candidateId().value()).distinct().toList());
            return planned;
        });
        write(id, plan, command, sendAt, actor);
        return transactions.execute(status -> announcement(actor, id));
    }

    /**
     * Finishes the announcements whose writing stopped (the node writing them died): each is taken by one node, its
     * stage planned again (those already told, including by the chunks written before, are left out) and the rest
     * written.
     */
    void resumeStalled() {
        Instant now = clock.instant();
        List<Stalled> stalled = transactions.execute(status -> jdbc.sql("""
                update announcement set writing_until = :lease
                where written_at is null and writing_until < :now
                returning id, organization_id, job_id, stage_id, pass_event, fail_event, send_at, created_by,
                    created_by_name""")
                .param("lease", Timestamp.from(now.plus(WRITING_LEASE))).param("now", Timestamp.from(now))
                .query((rs, row) -> {
                    OrganizationId organization = new OrganizationId(rs.getObject("organization_id", UUID.class));
                    return new Stalled(rs.getObject("id", UUID.class), new StartAnnouncement(
                            rs.getObject("job_id", UUID.class), rs.getObject("stage_id", UUID.class),
                            event(rs.getString("pass_event")), event(rs.getString("fail_event")),
                            rs.getTimestamp("send_at").toInstant()),
                            new Actor(rs.getObject("created_by", UUID.class), organization,
                                    rs.getString("created_by_name"), Set.of(), ZoneOffset.UTC));
                })
                .list());
        for (Stalled announcement : stalled) {
            log.info("Finishing the writing of announcement {}, which stopped", announcement.id());
            try {
                Plan plan = transactions.execute(status -> plan(announcement.author().organizationId(),
                        announcement.command()));
                write(announcement.id(), plan, announcement.command(), announcement.command().sendAt(),
                        announcement.author());
            } catch (HireflowException e) {
                // the job or stage is gone: what was written stands
                log.warn("Announcement {} cannot be planned again ({}); keeping what was written",
                        announcement.id(), e.getMessage());
                transactions.executeWithoutResult(status -> finish(announcement.id()));
            }
        }
    }

    private record Stalled(UUID id, StartAnnouncement command, Actor author) {
    }

    /** Writes the planned messages a chunk per transaction, renewing the lease with each, then finishes. */
    private void write(UUID id, Plan plan, StartAnnouncement command, Instant sendAt, Actor author) {
        for (int from = 0; from < plan.pending.size(); from += CHUNK) {
            List<StageResult> chunk = plan.pending.subList(from, Math.min(from + CHUNK, plan.pending.size()));
            transactions.executeWithoutResult(status -> {
                Instant now = clock.instant();
                List<Outbox.Envelope> envelopes = new ArrayList<>(chunk.size());
                Set<UUID> passing = new HashSet<>();
                for (StageResult result : chunk) {
                    UUID application = result.applicationId().value();
                    if (result.passed()) {
                        passing.add(application);
                    }
                    MessageEvent event = result.passed() ? command.passEvent() : command.failEvent();
                    envelopes.add(new Outbox.Envelope(author.organizationId(), application,
                            result.candidateId().value(), command.stageId(), event, plan.language(result),
                            result.candidateEmail(), result.candidateName(), plan.render(result),
                            resultKey(command.stageId(), application), sendAt, author, null));
                }
                // another announcement of the same stage may have told some of them first: those are not counted
                List<UUID> written = outbox.writeAll(envelopes, id, now);
                jdbc.sql("""
                        update announcement set written = written + :written, written_passed = written_passed + :passed,
                            writing_until = :lease
                        where id = :id""")
                        .param("written", written.size())
                        .param("passed", (int) written.stream().filter(passing::contains).count())
                        .param("lease", Timestamp.from(now.plus(WRITING_LEASE))).param("id", id).update();
            });
        }
        transactions.executeWithoutResult(status -> finish(id));
    }

    /** The final counts: what was written, and as skipped whatever was planned but had been told meanwhile. */
    private void finish(UUID id) {
        jdbc.sql("""
                update announcement set skipped = greatest(0, skipped + total - written), total = written,
                    passed = written_passed,
                    failed = written - written_passed, written_at = :now, writing_until = null
                where id = :id and written_at is null""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
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
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by_name"),
                        rs.getTimestamp("written_at") == null, progress))
                .optional().orElseThrow(() -> new NotFoundException("announcement"));
    }

    /** The key that makes one stage's result go to one application once, whichever way it is sent. */
    static String resultKey(UUID stageId, UUID applicationId) {
        return "result/" + stageId + "/" + applicationId;
    }

    private static MessageEvent event(String name) {
        return name == null ? null : MessageEvent.valueOf(name);
    }

    /**
     * Who gets which message: the stage's results less those already told, with the templates, each compiled once per
     * language the candidates are written to.
     */
    private final class Plan {
        final OrganizationId organization;
        final MessageContext.JobValues job;
        final List<StageResult> pending = new ArrayList<>();
        final StageId stage;
        final MessageEvent passEvent;
        final MessageEvent failEvent;
        final Map<String, TemplateText.Compiled> compiled = new HashMap<>();
        int alreadyTold;

        Plan(OrganizationId organization, MessageContext.JobValues job, StageId stage, MessageEvent passEvent,
                MessageEvent failEvent) {
            this.organization = organization;
            this.job = job;
            this.stage = stage;
            this.passEvent = passEvent;
            this.failEvent = failEvent;
        }

        String language(StageResult result) {
            return job.languageFor(result.candidateLanguage());
        }

        TemplateText.Compiled template(StageResult result) {
            String language = language(result);
            MessageEvent event = result.passed() ? passEvent : failEvent;
            return compiled.computeIfAbsent(event + "/" + language,
                    key -> templates.text(organization, event, language).compiled());
        }

        TemplateText.Rendered render(StageResult result) {
            return template(result).render(job.forApplication(result.candidateName(), language(result), stage,
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
        Plan plan = new Plan(organization, context.forJob(organization, jobId), stageId, command.passEvent(),
                command.failEvent());
        for (StageResult result : results) {
            boolean wanted = result.passed() ? command.passEvent() != null : command.failEvent() != null;
            if (!wanted) {
                continue;
            }
            if (told.contains(result.applicationId().value())) {
                plan.alreadyTold++;
            } else {
                plan.pending.add(result);
                // the templates are ready before anything is written
                plan.template(result);
            }
        }
        return plan;
    }
}
