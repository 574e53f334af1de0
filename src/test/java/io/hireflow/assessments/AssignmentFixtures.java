package io.hireflow.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.TestJobs;
import io.hireflow.WebSession;
import tools.jackson.databind.JsonNode;

/** Jobs with an assignment, applications whose assignment was released, candidates signed in to the portal. */
final class AssignmentFixtures {


    private AssignmentFixtures() {
    }

    /** A rubric of two lines: Diagnosis out of 5, Operability out of 10. */
    static final List<Map<String, Object>> RUBRIC = List.of(
            Map.of("name", "Diagnosis", "description", "Finds the cause", "maxScore", 5),
            Map.of("name", "Operability", "maxScore", 10));

    /** A new job whose assignment stage has a template; answers the job's id. */
    static String job(ApiClient recruiter, String title, String submission, String latePolicy,
            List<String> reviewerIds) {
        var job = recruiter.post("/api/v1/jobs", Map.of("title", title, "employmentType", "FULL_TIME"));
        assertThat(job.status()).as(job.body()).isEqualTo(201);
        var template = recruiter.post("/api/v1/jobs/" + job.text("id") + "/assignment-templates", Map.of(
                "stageId", TestJobs.stage(job.json(), "ASSIGNMENT"), "title", title + " drill", "instructions",
                "Find the lag.", "resourceUrl", "https://github.com/moveon/lag-drill", "durationHours", 48,
                "submission", submission, "latePolicy", latePolicy, "reviewerIds", reviewerIds, "criteria", RUBRIC));
        assertThat(template.status()).as(template.body()).isEqualTo(201);
        return job.text("id");
    }

    /** A new application to the job, moved on to its assignment stage; answers its id. */
    static String inAssignmentStage(ApiClient recruiter, String jobId, String name, String email) {
        return TestJobs.advanced(recruiter, jobId, Map.of("name", name, "email", email));
    }

    /** An application in the job's assignment stage whose assignment was released (its message sent). */
    static String released(ApiClient recruiter, JdbcClient jdbc, String jobId, String name, String email) {
        String id = inAssignmentStage(recruiter, jobId, name, email);
        var scheduled = recruiter.post("/api/v1/applications/" + id + "/assignment", Map.of());
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        jdbc.sql("update outbound_message set status = 'SENT', sent_at = now() where id = ?")
                .param(UUID.fromString(scheduled.json().path("messageId").asString())).update();
        return id;
    }

    /** The candidate signed in to the portal through the link emailed to them, on the portal's page. */
    static WebSession portal(int port, JdbcClient jdbc, String email) {
        WebSession browser = WebSession.portal(port, jdbc, email);
        browser.get("/portal");
        return browser;
    }

    static JsonNode assignment(ApiClient staff, String applicationId) {
        var answer = staff.get("/api/v1/applications/" + applicationId + "/assignment");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
