package io.hireflow.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.StaffUserView;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;

/**
 * Job openings, their pipelines and hiring teams. Every read and write is scoped to the caller's organization; a job
 * of another organization is not found.
 */
@Service
public class JobManagement {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PipelineTemplates templates;
    private final IdentityManagement identity;
    private final ApplicationCounts applications;
    private final ApplicationEventPublisher events;

    JobManagement(JdbcClient jdbc, Clock clock, PipelineTemplates templates, IdentityManagement identity,
            ApplicationCounts applications, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.templates = templates;
        this.identity = identity;
        this.applications = applications;
        this.events = events;
    }

    /** A job's details or pipeline changed (in the same transaction; the careers site follows). */
    record JobChanged(OrganizationId organization, JobId jobId) {
    }

    /** Opens a job with its pipeline: the stages given, or a copy of a template (the default one if none is named). */
    @Transactional
    public Job createJob(Actor actor, CreateJob command) {
        List<StagePlan> stages = command.stages() != null && !command.stages().isEmpty()
                ? PipelineRules.check(command.stages())
                : (command.templateId() != null ? templates.template(actor.organizationId(), command.templateId())
                        : templates.defaultTemplate(actor.organizationId())).stages();
        if (stages.stream().anyMatch(stage -> stage.id() != null)) {
            throw new InvalidInputException("stages", "validation.pipeline.newJobIds");
        }
        JobId id = new JobId(Ids.newId());
        Timestamp now = now();
        jdbc.sql("""
                insert into job (id, organization_id, title, team, locations, employment_type, description, headcount,
                                 status, created_at, updated_at)
                values (:id, :org, :title, :team, :locations, :type, :description, :headcount, :status, :now, :now)""")
                .param("id", id.value()).param("org", actor.organizationId().value())
                .param("title", command.title().strip()).param("team", strip(command.team()))
                .param("locations", locations(command.locations())).param("type", command.employmentType().name())
                .param("description", command.description() == null ? "" : command.description())
                .param("headcount", command.headcount() == null ? 1 : command.headcount())
                .param("status", (command.status() == null ? JobStatus.OPEN : command.status()).name())
                .param("now", now)
                .update();
        for (int i = 0; i < stages.size(); i++) {
            insertStage(actor.organizationId(), id, i + 1, stages.get(i));
        }
        return job(actor.organizationId(), id);
    }

    @Transactional(readOnly = true)
    public Job job(OrganizationId organization, JobId id) {
        Job job = jdbc.sql("select * from job where id = ? and organization_id = ?")
                .param(id.value()).param(organization.value())
                .query((rs, row) -> jobRow(rs, List.of(), List.of())).optional()
                .orElseThrow(() -> new NotFoundException("job"));
        List<Stage> stages = jdbc.sql("select * from job_stage where job_id = ? order by position")
                .param(id.value()).query(JobManagement::stageRow).list();
        List<HiringTeamMember> team = jdbc.sql("""
                select m.user_id, u.display_name, m.role from job_member m join staff_user u on u.id = m.user_id
                where m.job_id = ? order by m.role, u.display_name""")
                .param(id.value())
                .query((rs, row) -> new HiringTeamMember(rs.getObject("user_id", UUID.class),
                        rs.getString("display_name"), TeamRole.valueOf(rs.getString("role"))))
                .list();
        return new Job(job.id(), job.organizationId(), job.title(), job.team(), job.locations(), job.employmentType(),
                job.description(), job.headcount(), job.status(), job.createdAt(), job.updatedAt(), job.version(),
                stages, team);
    }

    /** The organization's jobs, newest first, optionally of one status, with their active application counts. */
    @Transactional(readOnly = true)
    public List<JobSummary> jobs(OrganizationId organization, JobStatus status) {
        List<Job> jobs = jdbc.sql("""
                select * from job where organization_id = :org and (cast(:status as text) is null or status = :status)
                order by case status when 'OPEN' then 0 when 'DRAFT' then 1 else 2 end, created_at desc""")
                .param("org", organization.value()).param("status", status == null ? null : status.name())
                .query((rs, row) -> jobRow(rs, List.of(), List.of())).list();
        Map<JobId, Long> active = jobs.isEmpty() ? Map.of()
                : applications.activeInJobs(jobs.stream().map(Job::id).toList());
        return jobs.stream().map(job -> new JobSummary(job.id(), job.title(), job.team(), job.locations(),
                        job.employmentType(), job.status(), job.headcount(), job.createdAt(),
                        active.getOrDefault(job.id(), 0L)))
                .toList();
    }

    /** Changes a job's details; refuses a stale version with 409. */
    @Transactional
    public Job updateJob(Actor actor, JobId id, UpdateJob command, long version) {
        job(actor.organizationId(), id);
        int updated = jdbc.sql("""
                update job set title = :title, team = :team, locations = :locations, employment_type = :type,
                               description = :description, headcount = :headcount, status = :status,
                               updated_at = :now, version = version + 1
                where id = :id and organization_id = :org and version = :version""")
                .param("title", command.title().strip()).param("team", strip(command.team()))
                .param("locations", locations(command.locations())).param("type", command.employmentType().name())
                .param("description", command.description() == null ? "" : command.description())
                .param("headcount", command.headcount()).param("status", command.status().name())
                .param("now", now()).param("id", id.value()).param("org", actor.organizationId().value())
                .param("version", version)
                .update();
        if (updated == 0) {
            throw new ConflictException("error.stale");
        }
        events.publishEvent(new JobChanged(actor.organizationId(), id));
        return job(actor.organizationId(), id);
    }

    /**
     * Replaces the pipeline with the given stages, in order. Stages named by id are kept (renamed, moved); stages
     * without an id are added; stages left out are removed. A stage that holds applications cannot be removed or
     * change its kind (409). With a version, a stale one is refused (409).
     */
    @Transactional
    public Job updatePipeline(Actor actor, JobId id, List<StagePlan> plans, Long version) {
        Job job = job(actor.organizationId(), id);
        if (version != null && version != job.version()) {
            throw new ConflictException("error.stale");
        }
        List<StagePlan> checked = PipelineRules.check(plans);
        Map<UUID, Stage> existing = job.stages().stream()
                .collect(Collectors.toMap(stage -> stage.id().value(), stage -> stage));
        Set<StageId> needEmpty = new HashSet<>();
        Set<UUID> kept = new HashSet<>();
        for (int i = 0; i < checked.size(); i++) {
            StagePlan plan = checked.get(i);
            if (plan.id() == null) {
                continue;
            }
            Stage stage = existing.get(plan.id());
            if (stage == null) {
                throw new InvalidInputException("stages[" + i + "].id", "validation.pipeline.unknownStage");
            }
            kept.add(plan.id());
            if (stage.kind() != plan.kind()) {
                needEmpty.add(stage.id());
            }
        }
        List<Stage> removed = job.stages().stream().filter(stage -> !kept.contains(stage.id().value())).toList();
        removed.forEach(stage -> needEmpty.add(stage.id()));
        if (!needEmpty.isEmpty()) {
            Map<StageId, Long> occupied = applications.inStages(needEmpty);
            for (Stage stage : job.stages()) {
                Long count = occupied.get(stage.id());
                if (count != null && count > 0) {
                    throw new ConflictException(removed.contains(stage) ? "error.pipeline.removeOccupied"
                            : "error.pipeline.kindOccupied", stage.name(), count);
                }
            }
        }
        for (Stage stage : removed) {
            jdbc.sql("delete from job_stage where id = ?").param(stage.id().value()).update();
        }
        for (int i = 0; i < checked.size(); i++) {
            StagePlan plan = checked.get(i);
            if (plan.id() == null) {
                insertStage(actor.organizationId(), id, i + 1, plan);
            } else {
                jdbc.sql("""
                        update job_stage set position = ?, kind = ?, name = ?, candidate_name_ko = ?,
                                             candidate_name_en = ?, deadline_days = ?
                        where id = ?""")
                        .params(i + 1, plan.kind().name(), plan.name(), plan.candidateNameKo(), plan.candidateNameEn(),
                                plan.deadlineDays(), plan.id())
                        .update();
            }
        }
        touch(id);
        events.publishEvent(new JobChanged(actor.organizationId(), id));
        return job(actor.organizationId(), id);
    }

    /** Sets the hiring team: each member a user of the organization, in a role on this job. */
    @Transactional
    public Job setHiringTeam(Actor actor, JobId id, Map<TeamRole, ? extends Collection<UUID>> members) {
        job(actor.organizationId(), id);
        Set<UUID> users = identity.users(actor.organizationId()).stream().filter(StaffUserView::enabled)
                .map(StaffUserView::id).collect(Collectors.toSet());
        jdbc.sql("delete from job_member where job_id = ?").param(id.value()).update();
        for (var entry : members.entrySet()) {
            for (UUID user : new HashSet<>(entry.getValue())) {
                if (!users.contains(user)) {
                    throw new InvalidInputException(entry.getKey().name().toLowerCase(), "validation.team.unknownUser");
                }
                jdbc.sql("insert into job_member (job_id, user_id, role) values (?, ?, ?)")
                        .params(id.value(), user, entry.getKey().name()).update();
            }
        }
        touch(id);
        return job(actor.organizationId(), id);
    }

    /** The stages of several jobs at once, for pages that show applications of many jobs. */
    @Transactional(readOnly = true)
    public Map<StageId, Stage> stages(OrganizationId organization, Collection<StageId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<StageId, Stage> stages = new HashMap<>();
        jdbc.sql("select * from job_stage where organization_id = :org and id in (:ids)")
                .param("org", organization.value()).param("ids", ids.stream().map(StageId::value).toList())
                .query(JobManagement::stageRow).list()
                .forEach(stage -> stages.put(stage.id(), stage));
        return stages;
    }

    /** Job titles by id, for pages that list applications of many jobs. */
    @Transactional(readOnly = true)
    public Map<JobId, String> titles(OrganizationId organization, Collection<JobId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<JobId, String> titles = new HashMap<>();
        jdbc.sql("select id, title from job where organization_id = :org and id in (:ids)")
                .param("org", organization.value()).param("ids", ids.stream().map(JobId::value).toList())
                .query(rs -> {
                    titles.put(new JobId(rs.getObject("id", UUID.class)), rs.getString("title"));
                });
        return titles;
    }

    private void insertStage(OrganizationId organization, JobId job, int position, StagePlan plan) {
        jdbc.sql("""
                insert into job_stage (id, organization_id, job_id, position, kind, name, candidate_name_ko,
                                       candidate_name_en, deadline_days)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.newId(), organization.value(), job.value(), position, plan.kind().name(), plan.name(),
                        plan.candidateNameKo(), plan.candidateNameEn(), plan.deadlineDays())
                .update();
    }

    private void touch(JobId id) {
        jdbc.sql("update job set updated_at = ?, version = version + 1 where id = ?").params(now(), id.value())
                .update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String[] locations(List<String> locations) {
        if (locations == null) {
            return new String[0];
        }
        return locations.stream().filter(location -> location != null && !location.isBlank()).map(String::strip)
                .distinct().toArray(String[]::new);
    }

    private static Job jobRow(ResultSet rs, List<Stage> stages, List<HiringTeamMember> team) throws SQLException {
        return new Job(new JobId(rs.getObject("id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("title"),
                rs.getString("team"), new ArrayList<>(Arrays.asList((String[]) rs.getArray("locations").getArray())),
                EmploymentType.valueOf(rs.getString("employment_type")), rs.getString("description"),
                rs.getInt("headcount"), JobStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"), stages, team);
    }

    static Stage stageRow(ResultSet rs, int row) throws SQLException {
        return new Stage(new StageId(rs.getObject("id", UUID.class)), rs.getInt("position"),
                StageKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("candidate_name_ko"),
                rs.getString("candidate_name_en"), (Integer) rs.getObject("deadline_days"));
    }
}
