package io.hireflow.pipeline;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.hireflow.candidates.CandidateRenamed;

/** Keeps the candidate's name on their applications (the board cards) when the candidate is renamed. */
@Component
class CandidateNames {

    private final JdbcClient jdbc;

    CandidateNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CandidateRenamed renamed) {
        jdbc.sql("update job_application set candidate_name = ? where organization_id = ? and candidate_id = ?")
                .params(renamed.name(), renamed.organizationId().value(), renamed.candidateId().value()).update();
    }
}
