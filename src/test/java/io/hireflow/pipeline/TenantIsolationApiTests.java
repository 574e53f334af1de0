package io.hireflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hireflow.ApiClient;
import io.hireflow.ApiClient.Response;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations.Tenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user of one organization cannot see or touch another organization's jobs, applications or candidates: every
 * operation answers exactly as it does for an id that does not exist, and nothing changes.
 */
class TenantIsolationApiTests extends ApiTest {

    @Test
    void anotherOrganizationsRecordsAnswerExactlyLikeMissingOnes() {
        Tenant owner = organizations.create();
        Tenant intruder = organizations.create();
        ApiClient ownerRecruiter = owner.user("RECRUITER");
        ApiClient other = intruder.admin();

        var job = ownerRecruiter.post("/api/v1/jobs", Map.of("title", "DevOps Engineer", "employmentType", "FULL_TIME"));
        String jobId = job.text("id");
        String stageId = job.json().path("stages").get(0).path("id").asString();
        var application = ownerRecruiter.post("/api/v1/applications", Map.of("jobId", jobId,
                "candidate", Map.of("name", "Owner Candidate", "email", "owned@example.com")));
        String applicationId = application.text("id");
        String candidateId = application.text("candidateId");
        var intruderJob = other.post("/api/v1/jobs", Map.of("title", "Intruder job", "employmentType", "FULL_TIME"));
        String before = ownerRecruiter.get("/api/v1/applications/" + applicationId).body();
        String jobBefore = ownerRecruiter.get("/api/v1/jobs/" + jobId).body();

        String missing = UUID.randomUUID().toString();
        Map<String, Object> jobUpdate = Map.of("title", "Taken over", "employmentType", "FULL_TIME", "headcount", 1,
                "status", "OPEN", "version", 0);
        Map<String, Object> pipeline = Map.of("stages", List.of(Map.of("name", "Only", "kind", "REVIEW"),
                Map.of("name", "Hired", "kind", "HIRED")));
        Map<String, Object> move = Map.of("action", "ADVANCE", "version", 0);
        Map<String, Object> candidateUpdate = Map.of("candidate", Map.of("name", "Renamed", "email", "x@example.com"),
                "version", 0);
        String cursor = "MTc5MzI2MTYwNy4wOjAxYTIxMjBkLThmNjQtNzAwMS04N2MxLTk2MDgyYWQ0Y2ZiMQ";

        assertSameAsMissing(other, "GET", "/api/v1/jobs/%s", jobId, missing, null);
        assertSameAsMissing(other, "PUT", "/api/v1/jobs/%s", jobId, missing, jobUpdate);
        assertSameAsMissing(other, "PUT", "/api/v1/jobs/%s/pipeline", jobId, missing, pipeline);
        assertSameAsMissing(other, "PUT", "/api/v1/jobs/%s/team", jobId, missing, Map.of());
        assertSameAsMissing(other, "GET", "/api/v1/jobs/%s/board", jobId, missing, null);
        assertSameAsMissing(other, "GET", "/api/v1/jobs/%s/board/" + stageId + "?cursor=" + cursor, jobId, missing,
                null);
        assertSameAsMissing(other, "GET", "/api/v1/applications/%s", applicationId, missing, null);
        assertSameAsMissing(other, "POST", "/api/v1/applications/%s/transitions", applicationId, missing, move);
        assertSameAsMissing(other, "GET", "/api/v1/candidates/%s", candidateId, missing, null);
        assertSameAsMissing(other, "PUT", "/api/v1/candidates/%s", candidateId, missing, candidateUpdate);

        var addToForeignJob = other.post("/api/v1/applications", Map.of("jobId", jobId,
                "candidate", Map.of("name", "Sneaky", "email", "sneaky@example.com")));
        var addToMissingJob = other.post("/api/v1/applications", Map.of("jobId", missing,
                "candidate", Map.of("name", "Sneaky", "email", "sneaky@example.com")));
        assertThat(addToForeignJob.status()).isEqualTo(404);
        assertThat(withoutInstance(addToForeignJob)).isEqualTo(withoutInstance(addToMissingJob));
        assertThat(other.get("/api/v1/candidates?q=sneaky").json().path("items").size())
                .as("a refused application leaves no candidate behind").isZero();

        var foreignCandidate = other.post("/api/v1/applications", Map.of("jobId", intruderJob.text("id"),
                "candidateId", candidateId));
        var missingCandidate = other.post("/api/v1/applications", Map.of("jobId", intruderJob.text("id"),
                "candidateId", missing));
        assertThat(foreignCandidate.status()).isEqualTo(404);
        assertThat(withoutInstance(foreignCandidate)).isEqualTo(withoutInstance(missingCandidate));

        assertThat(other.get("/api/v1/applications?jobId=" + jobId).json().path("items").size()).isZero();
        assertThat(other.get("/api/v1/applications?candidateId=" + candidateId).json().path("items").size()).isZero();
        assertThat(other.get("/api/v1/candidates?q=owned").json().path("items").size()).isZero();
        assertThat(other.get("/api/v1/jobs").body()).doesNotContain(jobId);

        var bulkForeign = other.post("/api/v1/applications/bulk-transitions", Map.of("action", "REJECT",
                "reason", "x", "applicationIds", List.of(applicationId)));
        var bulkMissing = other.post("/api/v1/applications/bulk-transitions", Map.of("action", "REJECT",
                "reason", "x", "applicationIds", List.of(missing)));
        assertThat(bulkForeign.json().path("moved").asInt()).isZero();
        assertThat(bulkForeign.json().path("failures").get(0).path("reason").asString())
                .isEqualTo(bulkMissing.json().path("failures").get(0).path("reason").asString());
        var bulkForeignJob = other.post("/api/v1/applications/bulk-transitions", Map.of("action", "ADVANCE",
                "jobId", jobId));
        assertThat(bulkForeignJob.status()).isEqualTo(404);

        assertThat(ownerRecruiter.get("/api/v1/applications/" + applicationId).body()).isEqualTo(before);
        assertThat(ownerRecruiter.get("/api/v1/jobs/" + jobId).body()).isEqualTo(jobBefore);
    }

    private static void assertSameAsMissing(ApiClient client, String method, String pathTemplate, String foreignId,
            String missingId, Object body) {
        Response foreign = client.send(method, pathTemplate.formatted(foreignId), body);
        Response missing = client.send(method, pathTemplate.formatted(missingId), body);
        assertThat(foreign.status()).as(method + " " + pathTemplate + ": " + foreign).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(withoutInstance(foreign)).as(method + " " + pathTemplate).isEqualTo(withoutInstance(missing));
    }

    private static JsonNode withoutInstance(Response response) {
        JsonNode json = response.json();
        if (json instanceof ObjectNode object) {
            object.remove("instance");
        }
        return json;
    }
}
