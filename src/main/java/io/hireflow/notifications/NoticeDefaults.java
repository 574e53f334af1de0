package io.hireflow.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.jobs.Job;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageId;
import io.hireflow.shared.Actor;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.OrganizationId;

/**
 * Per stage of a job, whether a decision there (passed, skipped, rejected) tells the candidate when the person
 * deciding does not choose otherwise. Every stage does unless the organization turns it off.
 */
@Service
public class NoticeDefaults {

    private final JdbcClient jdbc;
    private final JobManagement jobs;
    private final Clock clock;

    NoticeDefaults(JdbcClient jdbc, JobManagement jobs, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Each stage of the job, in pipeline order, with whether it tells candidates by default. */
    @Transactional(readOnly = true)
    public Map<Stage, Boolean> defaults(OrganizationId organization, JobId jobId) {
        Job job = jobs.job(organization, jobId);
        Set<UUID> silent = jdbc.sql("""
                select n.stage_id from stage_notice n join job_stage s on s.id = n.stage_id
                where s.job_id = ? and n.organization_id = ? and not n.notify""")
                .params(jobId.value(), organization.value()).query(UUID.class).set();
        Map<Stage, Boolean> defaults = new LinkedHashMap<>();
        job.stages().forEach(stage -> defaults.put(stage, !silent.contains(stage.id().value())));
        return defaults;
    }

    /** Sets the defaults of the named stages; a stage of another job is refused (400). */
    @Transactional
    public Map<Stage, Boolean> update(Actor actor, JobId jobId, Map<StageId, Boolean> changes) {
        Job job = jobs.job(actor.organizationId(), jobId);
        Set<StageId> own = job.stages().stream().map(Stage::id).collect(Collectors.toSet());
        for (var change : changes.entrySet()) {
            if (!own.contains(change.getKey())) {
                throw new InvalidInputException("stages", "validation.pipeline.unknownStage");
            }
            if (change.getValue() == null) {
                throw new InvalidInputException("stages", "validation.required");
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (var change : changes.entrySet()) {
            jdbc.sql("""
                    insert into stage_notice (stage_id, organization_id, notify, updated_at, updated_by)
                    values (?, ?, ?, ?, ?)
                    on conflict (stage_id) do update set notify = excluded.notify, updated_at = excluded.updated_at,
                        updated_by = excluded.updated_by""")
                    .params(change.getKey().value(), actor.organizationId().value(), change.getValue(), now,
                            actor.userId())
                    .update();
        }
        return defaults(actor.organizationId(), jobId);
    }

    boolean notifies(StageId stage) {
        return jdbc.sql("select notify from stage_notice where stage_id = ?").param(stage.value())
                .query(Boolean.class).optional().orElse(true);
    }
}
