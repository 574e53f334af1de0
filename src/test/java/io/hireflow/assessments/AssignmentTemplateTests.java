package io.hireflow.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestJobs;
import io.hireflow.TestOrganizations.Tenant;
import tools.jackson.databind.JsonNode;

/** A job's take-home assignment: one per assignment stage, checked whole, changed only from its latest version. */
class AssignmentTemplateTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAssignmentStageGetsItsTemplateCheckedWhole() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "DevOps Engineer", "employmentType",
                "FULL_TIME"));
        String jobId = job.text("id");
        String assignment = TestJobs.stage(job.json(), "ASSIGNMENT");
        String review = TestJobs.stage(job.json(), "REVIEW");
        String reviewer = tenant.userId(tenant.userEmail("INTERVIEWER"));
        String path = "/api/v1/jobs/" + jobId + "/assignment-templates";

        Map<String, Object> template = new HashMap<>(Map.of("stageId", assignment, "title", "Kafka 파이프라인 과제",
                "instructions", "## 과제\n\n소비 지연(consumer lag)을 줄이는 구성을 제안하세요.", "resourceUrl",
                "https://github.com/moveon/devops-assignment", "durationHours", 72, "submission", "LINK_AND_FILES",
                "latePolicy", "ACCEPT_MARKED_LATE", "reviewerIds", List.of(reviewer), "criteria", List.of(
                        Map.of("name", "Correctness", "description", "Does it run and do what it says?",
                                "maxScore", 5),
                        Map.of("name", "Operability", "maxScore", 5))));
        var created = recruiter.post(path, template);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("durationHours").asInt()).isEqualTo(72);
        assertThat(created.json().path("criteria")).hasSize(2);
        assertThat(created.json().path("reviewerIds").get(0).asString()).isEqualTo(reviewer);
        assertThat(recruiter.post(path, template).status()).as("one template per stage").isEqualTo(409);

        // each refused with its field named, and nothing more stored
        refused(recruiter, path, template, "stageId", review, "is the stage");
        refused(recruiter, path, template, "stageId", UUID.randomUUID().toString(), "is not a stage of this job");
        refused(recruiter, path, template, "durationHours", 0, "must be 1 to 720 hours");
        refused(recruiter, path, template, "resourceUrl", "github.com/x y", "must be a web address");
        refused(recruiter, path, template, "submission", "EMAIL", "must be one of LINK, FILES, LINK_AND_FILES");
        refused(recruiter, path, template, "criteria", List.of(), "needs 1 to 10 rubric lines");
        refused(recruiter, path, template, "criteria", List.of(Map.of("name", "Style", "maxScore", 0)),
                "must be 1 to 100 points");
        Tenant other = organizations.create();
        refused(recruiter, path, template, "reviewerIds", List.of(other.userId(other.adminEmail())),
                "is not an active member");
        refused(recruiter, path, template, "title", " ", "is required");
        assertThat(jdbc.sql("select count(*) from assignment_template where job_id = ?")
                .param(UUID.fromString(jobId)).query(Integer.class).single()).isEqualTo(1);

        // changed from its latest version only
        String id = created.text("id");
        Map<String, Object> change = new HashMap<>(template);
        change.put("durationHours", 48);
        change.put("version", 0);
        var changed = recruiter.put("/api/v1/assignment-templates/" + id, change);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("durationHours").asInt()).isEqualTo(48);
        assertThat(changed.json().path("version").asLong()).isEqualTo(1);
        assertThat(recruiter.put("/api/v1/assignment-templates/" + id, change).status()).isEqualTo(409);

        // the hiring team reads it; an interviewer does not set it; another organization does not see it
        ApiClient interviewer = tenant.user("INTERVIEWER");
        JsonNode listed = interviewer.get(path).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("title").asString()).isEqualTo("Kafka 파이프라인 과제");
        assertThat(interviewer.post(path, template).status()).isEqualTo(403);
        assertThat(other.admin().get(path).status()).isEqualTo(404);
        assertThat(other.admin().put("/api/v1/assignment-templates/" + id, change).status()).isEqualTo(404);
    }

    private static void refused(ApiClient client, String path, Map<String, Object> valid, String field, Object value,
            String message) {
        Map<String, Object> body = new HashMap<>(valid);
        body.put(field, value);
        var answer = client.post(path, body);
        // 400, not 409: each field is checked before the stage's existing template is found
        assertThat(answer.status()).as(field + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains(message);
    }
}
