package io.hireflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.WebSession;

/** Every staff view and change of a candidate's data is recorded: who, when, from where, what; for good. */
class AccessLogTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsViewsAndChangesOfCandidateDataThroughTheApiAndThePages() {
        Tenant tenant = organizations.create();
        String recruiterEmail = tenant.userEmail("RECRUITER");
        ApiClient recruiter = organizations.signIn(recruiterEmail, TestOrganizations.PASSWORD);
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "Logged", "employmentType", "FULL_TIME"));
        var application = recruiter.post("/api/v1/applications", Map.of("jobId", job.text("id"),
                "candidate", Map.of("name", "Logged Candidate", "email", "logged@example.com")));
        UUID candidate = UUID.fromString(application.text("candidateId"));
        recruiter.get("/api/v1/applications/" + application.text("id"));
        recruiter.post("/api/v1/applications/" + application.text("id") + "/transitions",
                Map.of("action", "ADVANCE", "version", 0));
        recruiter.get("/api/v1/jobs/" + job.text("id") + "/board");
        WebSession page = new WebSession(port);
        page.signIn(recruiterEmail, TestOrganizations.PASSWORD);
        page.get("/candidates/" + candidate);

        List<String> actions = jdbc.sql("""
                select action from access_log where ? = any(candidate_ids) and actor_name = 'User RECRUITER'
                  and remote_address is not null order by id""")
                .param(candidate).query(String.class).list();
        assertThat(actions).containsExactly("ADD_APPLICATION", "VIEW_APPLICATION", "MOVE_APPLICATION", "VIEW_BOARD",
                "VIEW_CANDIDATE");
        assertThatThrownBy(() -> jdbc.sql("delete from access_log where ? = any(candidate_ids)").param(candidate)
                .update()).hasMessageContaining("cannot be changed or deleted");
        assertThatThrownBy(() -> jdbc.sql("update access_log set actor_name = 'someone else' where ? = any(candidate_ids)")
                .param(candidate).update()).hasMessageContaining("cannot be changed or deleted");
    }
}
