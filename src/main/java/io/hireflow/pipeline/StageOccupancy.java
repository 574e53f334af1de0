package io.hireflow.pipeline;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.jobs.ApplicationCounts;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.StageId;

/** Tells the jobs module how many applications sit in its stages and jobs, from the counts the database keeps. */
@Component
class StageOccupancy implements ApplicationCounts {

    private final JdbcClient jdbc;

    StageOccupancy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<StageId, Long> inStages(Collection<StageId> stages) {
        Map<StageId, Long> counts = new HashMap<>();
        jdbc.sql("select stage_id, sum(n) from stage_count where stage_id in (:ids) group by stage_id having sum(n) > 0")
                .param("ids", stages.stream().map(StageId::value).toList())
                .query(rs -> {
                    counts.put(new StageId(rs.getObject(1, UUID.class)), rs.getLong(2));
                });
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<JobId, Long> activeInJobs(Collection<JobId> jobs) {
        Map<JobId, Long> counts = new HashMap<>();
        jdbc.sql("""
                select s.job_id, sum(c.n) from stage_count c join job_stage s on s.id = c.stage_id
                where s.job_id in (:ids) and c.status in ('ACTIVE', 'ON_HOLD') group by s.job_id""")
                .param("ids", jobs.stream().map(JobId::value).toList())
                .query(rs -> {
                    counts.put(new JobId(rs.getObject(1, UUID.class)), rs.getLong(2));
                });
        return counts;
    }
}
