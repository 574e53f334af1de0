package io.hireflow.pipeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.candidates.CandidateDetails;
import io.hireflow.candidates.CandidateId;
import io.hireflow.candidates.CandidateManagement;
import io.hireflow.jobs.Job;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.JobStatus;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageId;
import io.hireflow.pipeline.JobApplication.Move;
import io.hireflow.shared.Minutes;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.HireflowException;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;

/**
 * Applications and their moves through a job's pipeline. Every read and write is scoped to the caller's
 * organization; another organization's application, job or candidate is not found. Every change appends an
 * immutable entry to the application's timeline in the same transaction.
 */
@Service
public class PipelineManagement {

    /** The most applications one bulk move may select. */
    public static final int BULK_LIMIT = 50_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JobManagement jobs;
    private final CandidateManagement candidates;
    private final RejectionReasons reasons;
    private final AccessLog accessLog;
    private final ApplicationEventPublisher events;

    PipelineManagement(JdbcClient jdbc, Clock clock, JobManagement jobs, CandidateManagement candidates,
            RejectionReasons reasons, AccessLog accessLog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.jobs = jobs;
        this.candidates = candidates;
        this.reasons = reasons;
        this.accessLog = accessLog;
        this.events = events;
    }

    // --- adding candidates to jobs -------------------------------------------------------------------------------

    /**
     * Adds a candidate (found by email, or created) to a job's first stage. Refuses a closed job, and a candidate who
     * already has an application for the job (409); a job of another organization is not found.
     */
    @Transactional
    public ApplicationView createApplication(Actor actor, JobId jobId, CandidateDetails candidate) {
        return insertApplication(actor, jobId, candidates.findOrCreate(actor.organizationId(), candidate));
    }

    /** Adds an existing candidate of the organization to a job's first stage. */
    @Transactional
    public ApplicationView createApplication(Actor actor, JobId jobId, CandidateId candidateId) {
        candidates.candidate(actor.organizationId(), candidateId);
        return insertApplication(actor, jobId, candidateId);
    }

    /**
     * One statement finds the job's first stage, inserts the application and its first timeline entry. When it
     * inserts nothing, the job is missing, closed, or already has the candidate; the transaction then rolls back
     * whatever the call did before (a candidate it created).
     */
    private ApplicationView insertApplication(Actor actor, JobId jobId, CandidateId candidateId) {
        Timestamp now = now();
        UUID id = Ids.newId();
        var outcome = jdbc.sql("""
                with first_stage as (
                    select s.id, j.status from job j join job_stage s on s.job_id = j.id
                    where j.id = :job and j.organization_id = :org order by s.position limit 1),
                application as (
                    insert into job_application (id, organization_id, job_id, candidate_id, candidate_name, stage_id,
                                                 status, applied_at, stage_entered_at, updated_at)
                    select :id, :org, :job, :candidate, (select name from candidate where id = :candidate), id,
                           'ACTIVE', :now, :now, :now
                    from first_stage where status <> 'CLOSED'
                    on conflict (job_id, candidate_id) do nothing
                    returning id, stage_id),
                timeline as (
                    insert into application_event (organization_id, application_id, type, to_stage_id, actor_id,
                                                   actor_name, at)
                    select :org, id, 'APPLIED', stage_id, :actor, :actorName, :now from application)
                select (select status from first_stage) as job_status, (select id from first_stage) as stage_id,
                       (select id from application) as id, c.name, c.email, c.language
                from candidate c where c.id = :candidate""")
                .param("id", id).param("org", actor.organizationId().value()).param("job", jobId.value())
                .param("candidate", candidateId.value()).param("now", now)
                .param("actor", actor.userId()).param("actorName", actor.name())
                .query((rs, row) -> new Object[] {rs.getString("job_status"), rs.getObject("stage_id", UUID.class),
                        rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"),
                        rs.getString("language")})
                .single();
        if (outcome[0] == null) {
            throw new NotFoundException("job");
        }
        if (JobStatus.CLOSED.name().equals(outcome[0])) {
            throw new ConflictException("error.application.jobClosed");
        }
        if (outcome[2] == null) {
            UUID existing = jdbc.sql("select id from job_application where job_id = ? and candidate_id = ?")
                    .params(jobId.value(), candidateId.value()).query(UUID.class).single();
            throw new ConflictException("error.application.duplicate", existing);
        }
        accessLog.candidates(actor, AccessLog.Action.ADD_APPLICATION, "job " + jobId, List.of(candidateId.value()));
        Instant at = now.toInstant();
        events.publishEvent(new ApplicationReceived(actor.organizationId(), new JobApplicationId(id), jobId,
                candidateId, (String) outcome[3], (String) outcome[4], (String) outcome[5],
                new StageId((UUID) outcome[1]), at));
        return new ApplicationView(new JobApplicationId(id), jobId, candidateId, null, null,
                new StageId((UUID) outcome[1]), ApplicationStatus.ACTIVE, 0, at, at, at, List.of());
    }

    // --- reading ---------------------------------------------------------------------------------------------------

    /** One application with its timeline. */
    @Transactional(readOnly = true)
    public ApplicationView application(OrganizationId organization, JobApplicationId id) {
        ApplicationView application = jdbc.sql(APPLICATION_QUERY + " where a.id = ? and a.organization_id = ?")
                .params(id.value(), organization.value())
                .query(PipelineManagement::applicationRow).optional()
                .orElseThrow(() -> new NotFoundException("application"));
        List<TimelineEntry> timeline = jdbc.sql("select * from application_event where application_id = ? order by id")
                .param(id.value()).query(PipelineManagement::timelineRow).list();
        return withTimeline(application, timeline);
    }

    /** A keyset page of applications in the order they were made, filtered. */
    @Transactional(readOnly = true)
    public ApplicationPage applications(OrganizationId organization, ApplicationFilter filter, String cursor,
            int limit) {
        UUID after = cursor == null || cursor.isBlank() ? null : Cursors.id(cursor);
        List<ApplicationView> rows = jdbc.sql(APPLICATION_QUERY + """
                 where a.organization_id = :org
                   and (cast(:job as uuid) is null or a.job_id = :job)
                   and (cast(:stage as uuid) is null or a.stage_id = :stage)
                   and (cast(:status as text) is null or a.status = :status)
                   and (cast(:candidate as uuid) is null or a.candidate_id = :candidate)
                   and (cast(:after as uuid) is null or a.id > :after)
                 order by a.id limit :limit""")
                .param("org", organization.value())
                .param("job", filter.jobId() == null ? null : filter.jobId().value())
                .param("stage", filter.stageId() == null ? null : filter.stageId().value())
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("candidate", filter.candidateId() == null ? null : filter.candidateId().value())
                .param("after", after).param("limit", limit + 1)
                .query(PipelineManagement::applicationRow).list();
        boolean more = rows.size() > limit;
        List<ApplicationView> page = more ? rows.subList(0, limit) : rows;
        return new ApplicationPage(List.copyOf(page), more ? Cursors.ofId(page.get(limit - 1).id().value()) : null);
    }

    /** Every application of one candidate, newest first. */
    @Transactional(readOnly = true)
    public List<ApplicationView> applicationsOf(OrganizationId organization, CandidateId candidate) {
        return jdbc.sql(APPLICATION_QUERY + " where a.organization_id = ? and a.candidate_id = ? order by a.id desc")
                .params(organization.value(), candidate.value())
                .query(PipelineManagement::applicationRow).list();
    }

    /**
     * The board of a job: per stage, the number of applications with the given status and the first cards, longest
     * waiting first. Cards past their stage's decision deadline are marked overdue.
     */
    @Transactional(readOnly = true)
    public Board board(OrganizationId organization, JobId jobId, ApplicationStatus status, int cardsPerColumn) {
        Job job = jobs.job(organization, jobId);
        Map<UUID, Long> counts = new HashMap<>();
        jdbc.sql("""
                select c.stage_id, sum(c.n) from stage_count c join job_stage s on s.id = c.stage_id
                where s.job_id = ? and c.status = ? group by c.stage_id""")
                .params(jobId.value(), status.name())
                .query(rs -> {
                    counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        Map<UUID, List<BoardCard>> cards = new HashMap<>();
        Instant now = clock.instant();
        Map<UUID, Stage> stages = new HashMap<>();
        job.stages().forEach(stage -> stages.put(stage.id().value(), stage));
        jdbc.sql("""
                select s.id as column_id, c.* from job_stage s cross join lateral (
                    select a.id, a.candidate_id, a.candidate_name, a.status, a.stage_entered_at, a.version
                    from job_application a
                    where a.stage_id = s.id and a.status = :status
                    order by a.stage_entered_at, a.id limit :limit) c
                where s.job_id = :job""")
                .param("status", status.name()).param("limit", cardsPerColumn).param("job", jobId.value())
                .query(rs -> {
                    UUID column = rs.getObject("column_id", UUID.class);
                    cards.computeIfAbsent(column, key -> new ArrayList<>()).add(card(rs, stages.get(column), now));
                });
        List<BoardColumn> columns = new ArrayList<>();
        for (Stage stage : job.stages()) {
            List<BoardCard> column = cards.getOrDefault(stage.id().value(), List.of());
            long count = counts.getOrDefault(stage.id().value(), 0L);
            columns.add(new BoardColumn(stage, count, column, nextCardCursor(column, count, cardsPerColumn)));
        }
        return new Board(job, status, columns);
    }

    /** The next cards of one board column, after a cursor from {@link BoardColumn#nextCursor()}. */
    @Transactional(readOnly = true)
    public BoardColumn column(OrganizationId organization, JobId jobId, StageId stageId, ApplicationStatus status,
            String cursor, int limit) {
        Job job = jobs.job(organization, jobId);
        Stage stage = job.stage(stageId).orElseThrow(() -> new NotFoundException("stage"));
        Cursors.CardPosition after = Cursors.card(cursor);
        Instant now = clock.instant();
        List<BoardCard> cards = jdbc.sql("""
                select a.id, a.candidate_id, a.candidate_name, a.status, a.stage_entered_at, a.version
                from job_application a
                where a.stage_id = :stage and a.status = :status and (a.stage_entered_at, a.id) > (:enteredAt, :id)
                order by a.stage_entered_at, a.id limit :limit""")
                .param("stage", stageId.value()).param("status", status.name())
                .param("enteredAt", Timestamp.from(after.enteredAt())).param("id", after.id())
                .param("limit", limit + 1)
                .query((rs, row) -> card(rs, stage, now)).list();
        boolean more = cards.size() > limit;
        List<BoardCard> page = more ? cards.subList(0, limit) : cards;
        String next = more ? Cursors.ofCard(page.get(limit - 1).stageEnteredAt(), page.get(limit - 1).id().value())
                : null;
        return new BoardColumn(stage, -1, List.copyOf(page), next);
    }

    /**
     * The results of a job's stage: every application that went on past it (passed or skipped it, and is still
     * active, on hold or hired) and every one rejected in it. For announcing the results in bulk.
     */
    @Transactional(readOnly = true)
    public List<StageResult> stageResults(OrganizationId organization, JobId jobId, StageId stageId) {
        Job job = jobs.job(organization, jobId);
        Stage decided = job.stage(stageId).orElseThrow(() -> new NotFoundException("stage"));
        return jdbc.sql("""
                select a.id, a.candidate_id, a.candidate_name, p.email, p.language, a.status, a.stage_id,
                       a.stage_entered_at
                from job_application a join candidate p on p.id = a.candidate_id
                join job_stage s on s.id = a.stage_id
                where a.organization_id = :org and a.job_id = :job
                  and ((a.status = 'REJECTED' and a.stage_id = :stage)
                    or (a.status in ('ACTIVE', 'ON_HOLD', 'HIRED') and s.position > :position))
                order by a.id""")
                .param("org", organization.value()).param("job", jobId.value()).param("stage", stageId.value())
                .param("position", decided.position())
                .query((rs, row) -> new StageResult(new JobApplicationId(rs.getObject("id", UUID.class)),
                        new CandidateId(rs.getObject("candidate_id", UUID.class)), rs.getString("candidate_name"),
                        rs.getString("email"), rs.getString("language"), !"REJECTED".equals(rs.getString("status")),
                        new StageId(rs.getObject("stage_id", UUID.class)),
                        rs.getTimestamp("stage_entered_at").toInstant()))
                .list();
    }

    /** The candidate names of the given applications (for saying which ones a bulk move left behind). */
    @Transactional(readOnly = true)
    public Map<JobApplicationId, String> candidateNames(OrganizationId organization,
            java.util.Collection<JobApplicationId> ids) {
        Map<JobApplicationId, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                select id, candidate_name from job_application where organization_id = :org and id = any(:ids)""")
                .param("org", organization.value())
                .param("ids", ids.stream().map(JobApplicationId::value).toArray(UUID[]::new))
                .query(rs -> {
                    names.put(new JobApplicationId(rs.getObject(1, UUID.class)), rs.getString(2));
                });
        return names;
    }

    // --- moves -----------------------------------------------------------------------------------------------------

    /**
     * Moves one application. Refuses an illegal move or a stale version with 409 and a missing reason or target with
     * 400; a successful move appends its timeline entry.
     */
    @Transactional
    public ApplicationView transition(Actor actor, JobApplicationId id, Transition transition) {
        return transition(actor, id, transition, CandidateNotice.DEFAULT);
    }

    /**
     * Moves one application and says how the candidate is told: as the stage's default, now, at a minute in the
     * future, or not at all (with a reason). The choice travels with {@link ApplicationMoved}.
     */
    @Transactional
    public ApplicationView transition(Actor actor, JobApplicationId id, Transition transition,
            CandidateNotice notice) {
        notice = checkNotice(notice);
        var current = jdbc.sql("""
                select id, stage_id, status, version, job_id, candidate_id from job_application
                where id = ? and organization_id = ?""")
                .params(id.value(), actor.organizationId().value())
                .query((rs, row) -> new Current(applicationState(rs), new JobId(rs.getObject("job_id", UUID.class)),
                        new CandidateId(rs.getObject("candidate_id", UUID.class))))
                .optional().orElseThrow(() -> new NotFoundException("application"));
        if (transition.version() == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        JobApplication application = current.application();
        if (transition.version() != application.version()) {
            throw new ConflictException("error.stale");
        }
        Job job = jobs.job(actor.organizationId(), current.jobId());
        Move move = applyMove(actor, application, job, transition);
        boolean forward = job.stage(move.toStageId()).orElseThrow().position()
                > job.stage(move.fromStageId()).orElseThrow().position();
        events.publishEvent(new ApplicationMoved(actor.organizationId(), id, current.jobId(), current.candidateId(),
                move.type(), move.fromStageId(), move.toStageId(), forward, move.status(),
                application.version() + 1, clock.instant(), notice));
        accessLog.applications(actor, AccessLog.Action.MOVE_APPLICATION, transition.action() + " application " + id,
                List.of(id.value()));
        return application(actor.organizationId(), id);
    }

    private record Current(JobApplication application, JobId jobId, CandidateId candidateId) {
    }

    /** The notice as it may be kept: a chosen time dropped to its minute; refused when incomplete or past. */
    private CandidateNotice checkNotice(CandidateNotice notice) {
        if (notice.mode() == CandidateNotice.Mode.AT) {
            if (notice.sendAt() == null) {
                throw new InvalidInputException("notice.sendAt", "validation.required");
            }
            notice = new CandidateNotice(notice.mode(), Minutes.notPast(notice.sendAt(), clock.instant(),
                    "notice.sendAt"), notice.reason());
        }
        if (notice.mode() == CandidateNotice.Mode.NONE && notice.reason() == null) {
            throw new InvalidInputException("notice.reason", "validation.notice.reasonRequired");
        }
        if (notice.reason() != null && notice.reason().length() > 500) {
            throw new InvalidInputException("notice.reason", "validation.tooLong", 500);
        }
        return notice;
    }

    private Move applyMove(Actor actor, JobApplication application, Job job, Transition transition) {
        Move move = application.decide(transition, job, code -> reasons.isActive(actor.organizationId(), code));
        Timestamp now = now();
        int updated = jdbc.sql("""
                update job_application set stage_id = :stage, status = :status, updated_at = :now,
                    stage_entered_at = case when :changesStage then :now else stage_entered_at end,
                    version = version + 1
                where id = :id and version = :version""")
                .param("stage", move.toStageId().value()).param("status", move.status().name()).param("now", now)
                .param("changesStage", move.changesStage()).param("id", application.id().value())
                .param("version", application.version())
                .update();
        if (updated == 0) {
            throw new ConflictException("error.stale");
        }
        jdbc.sql("""
                insert into application_event (organization_id, application_id, type, from_stage_id, to_stage_id,
                                               actor_id, actor_name, at, reason_code, reason)
                values (:org, :id, :type, :from, :to, :actor, :actorName, :now, :code, :reason)""")
                .param("org", actor.organizationId().value()).param("id", application.id().value())
                .param("type", move.type().name()).param("from", move.fromStageId().value())
                .param("to", move.toStageId().value()).param("actor", actor.userId())
                .param("actorName", actor.name()).param("now", now).param("code", move.reasonCode())
                .param("reason", move.reason())
                .update();
        return move;
    }

    /**
     * Moves many applications at once with a few set-based statements (one update, one insert of all timeline
     * entries). Applications that cannot move are listed with the same reason a single move would give.
     */
    @Transactional
    public BulkResult bulkTransition(Actor actor, BulkTransition bulk) {
        TransitionAction action = bulk.action();
        if (action == null) {
            throw new InvalidInputException("action", "validation.required");
        }
        if (action != TransitionAction.ADVANCE && action != TransitionAction.MOVE
                && action != TransitionAction.REJECT) {
            throw new InvalidInputException("action", "validation.bulk.action");
        }
        Transition transition = new Transition(action, bulk.toStageId(), bulk.reasonCode(), bulk.reason(), null);
        if (action == TransitionAction.MOVE && bulk.toStageId() == null) {
            throw new InvalidInputException("toStageId", "validation.required");
        }
        if (action == TransitionAction.REJECT) {
            if (blank(bulk.reasonCode()) && blank(bulk.reason())) {
                throw new InvalidInputException("reasonCode", "validation.move.rejectReasonRequired");
            }
            if (!blank(bulk.reasonCode()) && !reasons.isActive(actor.organizationId(), bulk.reasonCode().strip())) {
                throw new InvalidInputException("reasonCode", "validation.move.unknownReason", bulk.reasonCode());
            }
        }
        List<UUID> selected = select(actor.organizationId(), bulk);
        if (selected.isEmpty()) {
            return new BulkResult(0, 0, List.of());
        }
        Set<UUID> moved = new HashSet<>(jdbc.sql(bulkStatement(action))
                .param("org", actor.organizationId().value()).param("ids", selected.toArray(UUID[]::new))
                .param("to", bulk.toStageId()).param("now", now()).param("actor", actor.userId())
                .param("actorName", actor.name())
                .param("code", blank(bulk.reasonCode()) ? null : bulk.reasonCode().strip())
                .param("reason", blank(bulk.reason()) ? null : bulk.reason().strip())
                .query(UUID.class).list());
        accessLog.applications(actor, AccessLog.Action.BULK_MOVE, action + " " + moved.size() + " applications",
                moved);
        List<UUID> notMoved = selected.stream().filter(id -> !moved.contains(id)).toList();
        return new BulkResult(selected.size(), moved.size(), explain(actor.organizationId(), notMoved, transition));
    }

    private List<UUID> select(OrganizationId organization, BulkTransition bulk) {
        if (bulk.applicationIds() != null && !bulk.applicationIds().isEmpty()) {
            if (bulk.applicationIds().size() > BULK_LIMIT) {
                throw new InvalidInputException("applicationIds", "validation.bulk.tooMany", BULK_LIMIT);
            }
            return List.copyOf(new LinkedHashSet<>(bulk.applicationIds()));
        }
        if (bulk.jobId() == null) {
            throw new InvalidInputException("applicationIds", "validation.bulk.selection");
        }
        jobs.job(organization, new JobId(bulk.jobId()));
        List<UUID> ids = jdbc.sql("""
                select id from job_application
                where organization_id = :org and job_id = :job and status = :status
                  and (cast(:stage as uuid) is null or stage_id = :stage)
                order by id limit :limit""")
                .param("org", organization.value()).param("job", bulk.jobId())
                .param("status", (bulk.status() == null ? ApplicationStatus.ACTIVE : bulk.status()).name())
                .param("stage", bulk.stageId()).param("limit", BULK_LIMIT + 1)
                .query(UUID.class).list();
        if (ids.size() > BULK_LIMIT) {
            throw new InvalidInputException("applicationIds", "validation.bulk.tooMany", BULK_LIMIT);
        }
        return ids;
    }

    private static String bulkStatement(TransitionAction action) {
        String target = switch (action) {
            case ADVANCE -> """
                    select a.id, a.stage_id as from_stage, next.id as to_stage, 'ACTIVE' as new_status
                    from job_application a
                    join job_stage s on s.id = a.stage_id
                    join job_stage next on next.job_id = s.job_id and next.position = s.position + 1
                    where a.organization_id = :org and a.id = any(:ids) and a.status = 'ACTIVE'
                      and next.kind <> 'HIRED'""";
            case MOVE -> """
                    select a.id, a.stage_id as from_stage, target.id as to_stage, 'ACTIVE' as new_status
                    from job_application a
                    join job_stage target on target.id = :to and target.job_id = a.job_id
                    where a.organization_id = :org and a.id = any(:ids) and a.status = 'ACTIVE'
                      and a.stage_id <> target.id and target.kind <> 'HIRED'""";
            case REJECT -> """
                    select a.id, a.stage_id as from_stage, a.stage_id as to_stage, 'REJECTED' as new_status
                    from job_application a
                    where a.organization_id = :org and a.id = any(:ids) and a.status in ('ACTIVE', 'ON_HOLD')""";
            default -> throw new IllegalArgumentException(action.name());
        };
        return """
                with target as (%s
                    for update of a),
                moved as (
                    update job_application a set stage_id = t.to_stage, status = t.new_status, updated_at = :now,
                        stage_entered_at = case when t.to_stage <> t.from_stage then :now else a.stage_entered_at end,
                        version = a.version + 1
                    from target t where a.id = t.id
                    returning a.id, t.from_stage, t.to_stage),
                logged as (
                    insert into application_event (organization_id, application_id, type, from_stage_id, to_stage_id,
                                                   actor_id, actor_name, at, reason_code, reason)
                    select :org, id, '%s', from_stage, to_stage, :actor, :actorName, :now, :code, :reason from moved)
                select id from moved""".formatted(target, TimelineEventType.of(action).name());
    }

    /** Why each application did not move: the single-move rules applied to its current state. */
    private List<BulkResult.Failure> explain(OrganizationId organization, List<UUID> notMoved, Transition transition) {
        if (notMoved.isEmpty()) {
            return List.of();
        }
        Map<UUID, Map.Entry<JobApplication, JobId>> states = new LinkedHashMap<>();
        jdbc.sql("select id, stage_id, status, version, job_id from job_application "
                        + "where organization_id = :org and id = any(:ids)")
                .param("org", organization.value()).param("ids", notMoved.toArray(UUID[]::new))
                .query(rs -> {
                    states.put(rs.getObject("id", UUID.class), Map.entry(applicationState(rs),
                            new JobId(rs.getObject("job_id", UUID.class))));
                });
        Map<JobId, Job> jobCache = new HashMap<>();
        List<BulkResult.Failure> failures = new ArrayList<>();
        for (UUID id : notMoved) {
            var state = states.get(id);
            JobApplicationId applicationId = new JobApplicationId(id);
            if (state == null) {
                failures.add(new BulkResult.Failure(applicationId, "error.notFound.application", new Object[0]));
                continue;
            }
            Job job = jobCache.computeIfAbsent(state.getValue(), jobId -> jobs.job(organization, jobId));
            try {
                state.getKey().decide(transition, job, code -> true);
                failures.add(new BulkResult.Failure(applicationId, "error.stale", new Object[0]));
            } catch (InvalidInputException invalid) {
                var problem = invalid.problems().get(0);
                failures.add(new BulkResult.Failure(applicationId, problem.code(), problem.arguments()));
            } catch (HireflowException refusal) {
                failures.add(new BulkResult.Failure(applicationId, refusal.code(), refusal.arguments()));
            }
        }
        return failures;
    }

    // --- rows ------------------------------------------------------------------------------------------------------

    private static final String APPLICATION_QUERY = """
            select a.*, p.email as candidate_email
            from job_application a join candidate p on p.id = a.candidate_id
            """;

    private static JobApplication applicationState(ResultSet rs) throws SQLException {
        return new JobApplication(new JobApplicationId(rs.getObject("id", UUID.class)),
                new StageId(rs.getObject("stage_id", UUID.class)), ApplicationStatus.valueOf(rs.getString("status")),
                rs.getLong("version"));
    }

    private static ApplicationView applicationRow(ResultSet rs, int row) throws SQLException {
        return new ApplicationView(new JobApplicationId(rs.getObject("id", UUID.class)),
                new JobId(rs.getObject("job_id", UUID.class)), new CandidateId(rs.getObject("candidate_id", UUID.class)),
                rs.getString("candidate_name"), rs.getString("candidate_email"),
                new StageId(rs.getObject("stage_id", UUID.class)), ApplicationStatus.valueOf(rs.getString("status")),
                rs.getLong("version"), rs.getTimestamp("applied_at").toInstant(),
                rs.getTimestamp("stage_entered_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), List.of());
    }

    private static ApplicationView withTimeline(ApplicationView view, List<TimelineEntry> timeline) {
        return new ApplicationView(view.id(), view.jobId(), view.candidateId(), view.candidateName(),
                view.candidateEmail(), view.stageId(), view.status(), view.version(), view.appliedAt(),
                view.stageEnteredAt(), view.updatedAt(), List.copyOf(timeline));
    }

    private static TimelineEntry timelineRow(ResultSet rs, int row) throws SQLException {
        UUID from = rs.getObject("from_stage_id", UUID.class);
        UUID to = rs.getObject("to_stage_id", UUID.class);
        return new TimelineEntry(rs.getLong("id"), TimelineEventType.valueOf(rs.getString("type")),
                from == null ? null : new StageId(from), to == null ? null : new StageId(to),
                rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getTimestamp("at").toInstant(),
                rs.getString("reason_code"), rs.getString("reason"));
    }

    private static BoardCard card(ResultSet rs, Stage stage, Instant now) throws SQLException {
        return BoardCards.of(new JobApplicationId(rs.getObject("id", UUID.class)),
                new CandidateId(rs.getObject("candidate_id", UUID.class)), rs.getString("candidate_name"),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getTimestamp("stage_entered_at").toInstant(),
                rs.getLong("version"), stage, now);
    }

    private static String nextCardCursor(List<BoardCard> cards, long count, int limit) {
        if (cards.size() < limit || count <= limit) {
            return null;
        }
        BoardCard last = cards.get(cards.size() - 1);
        return Cursors.ofCard(last.stageEnteredAt(), last.id().value());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
