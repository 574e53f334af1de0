package io.hireflow.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestJobs;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * The recruiter's pages for take-home assignments: writing a stage's template (problems beside the fields, what was
 * typed kept), then releasing it from the application's page, where an application waiting for it is flagged.
 */
class AssignmentPagesTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTemplateIsWrittenOnTheJobsPageAndTheAssignmentReleasedFromTheApplicationsPage() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "SRE", "employmentType", "FULL_TIME"));
        String jobId = job.text("id");
        String stage = TestJobs.stage(job.json(), "ASSIGNMENT");
        WebSession staff = new WebSession(port);
        staff.signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);
        String page = "/jobs/" + jobId + "/assignments";
        assertThat(staff.get(page + "?lang=en").body()).contains("Take-home assignments").contains("name=\"rubric\"");

        var refused = staff.post(page + "?lang=en", List.of(Map.entry("stageId", stage),
                Map.entry("title", "Kafka lag drill"), Map.entry("instructions", "Find why the consumers lag."),
                Map.entry("durationHours", "72"), Map.entry("submission", "LINK"), Map.entry("latePolicy", "REFUSE"),
                Map.entry("rubric", "Diagnosis | lots")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Kafka lag drill").contains("must be 1 to 100 points");
        assertThat(recruiter.get("/api/v1/jobs/" + jobId + "/assignment-templates").json()).isEmpty();

        var saved = staff.post(page + "?lang=en", List.of(Map.entry("stageId", stage),
                Map.entry("title", "Kafka lag drill"), Map.entry("instructions", "Find why the consumers lag."),
                Map.entry("resourceUrl", "https://github.com/moveon/lag-drill"), Map.entry("durationHours", "72"),
                Map.entry("submission", "LINK"), Map.entry("latePolicy", "ACCEPT_MARKED_LATE"),
                Map.entry("rubric", "Diagnosis | 5 | finds the cause\nFix | 5")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        JsonNode template = recruiter.get("/api/v1/jobs/" + jobId + "/assignment-templates").json().get(0);
        assertThat(template.path("criteria")).hasSize(2);
        assertThat(template.path("criteria").get(0).path("description").asString()).isEqualTo("finds the cause");
        assertThat(template.path("latePolicy").asString()).isEqualTo("ACCEPT_MARKED_LATE");

        // an application entering the stage is flagged until the recruiter releases its assignment from its page
        String application = AssignmentFixtures.inAssignmentStage(recruiter, jobId, "Release Me",
                "release-" + UUID.randomUUID() + "@example.com");
        assertThat(staff.get("/jobs/" + jobId + "?lang=en").body()).contains("Assignment to release");
        String panel = staff.get("/applications/" + application + "/assignment?lang=en").body();
        assertThat(panel).contains("Release the assignment").contains("name=\"releaseAt\"");
        var later = staff.post("/applications/" + application + "/assignment/release?lang=en",
                Map.of("when", "later"));
        assertThat(later.statusCode()).isEqualTo(302);
        assertThat(recruiter.get("/api/v1/applications/" + application + "/assignment").status()).isEqualTo(404);
        assertThat(staff.post("/applications/" + application + "/assignment/release", Map.of("when", "now"))
                .statusCode()).isEqualTo(302);
        JsonNode released = recruiter.get("/api/v1/applications/" + application + "/assignment").json();
        assertThat(released.path("title").asString()).isEqualTo("Kafka lag drill");
        assertThat(jdbc.sql("select count(*) from outbound_message where id = ? and event = 'ASSIGNMENT_RELEASED'")
                .param(UUID.fromString(released.path("messageId").asString())).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(staff.get("/jobs/" + jobId + "?lang=en").body()).doesNotContain("Assignment to release");
    }
}
