package io.hireflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations.Tenant;
import tools.jackson.databind.JsonNode;

/** One application walks the story's process through the API, from document screening to hired. */
class ApplicationLifecycleApiTests extends ApiTest {

    @Test
    void walksFromDocumentScreeningToHiredWithTheAssignmentSkipped() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        ApiClient hiringManager = tenant.user("HIRING_MANAGER");

        var job = recruiter.post("/api/v1/jobs", Map.of("title", "DevOps Engineer", "team", "Platform",
                "location", "Seoul", "employmentType", "FULL_TIME"));
        assertThat(job.status()).as(job.toString()).isEqualTo(201);
        List<String> stages = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (JsonNode stage : job.json().path("stages")) {
            stages.add(stage.path("id").asString());
            kinds.add(stage.path("kind").asString());
            assertThat(stage.path("name").asString()).isNotBlank();
            assertThat(stage.path("position").asInt()).isEqualTo(stages.size());
        }
        assertThat(kinds).containsExactly("REVIEW", "ASSIGNMENT", "INTERVIEW", "INTERVIEW", "OFFER", "HIRED");

        var application = recruiter.post("/api/v1/applications", Map.of("jobId", job.text("id"),
                "candidate", Map.of("name", "정우진", "email", "woojin@example.com")));
        assertThat(application.status()).as(application.toString()).isEqualTo(201);
        assertThat(application.text("stageId")).isEqualTo(stages.get(0));
        assertThat(application.text("status")).isEqualTo("ACTIVE");
        assertThat(application.json().path("version").asLong()).isZero();
        String id = application.text("id");
        String path = "/api/v1/applications/" + id + "/transitions";

        var screened = hiringManager.post(path, move("ADVANCE", 0));
        assertThat(screened.status()).as(screened.toString()).isEqualTo(200);
        assertThat(screened.text("stageId")).isEqualTo(stages.get(1));

        var skipWithoutReason = hiringManager.post(path, move("SKIP", 1));
        assertThat(skipWithoutReason.status()).isEqualTo(400);
        assertThat(skipWithoutReason.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");

        var skipped = hiringManager.post(path, withReason(move("SKIP", 1), "Strong portfolio: assignment waived"));
        assertThat(skipped.status()).as(skipped.toString()).isEqualTo(200);
        assertThat(skipped.text("stageId")).isEqualTo(stages.get(2));

        var stale = hiringManager.post(path, move("ADVANCE", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.text("detail")).contains("changed");

        var technical = hiringManager.post(path, move("ADVANCE", 2));
        var cultureFit = hiringManager.post(path, move("ADVANCE", 3));
        assertThat(cultureFit.text("stageId")).as(technical + " " + cultureFit).isEqualTo(stages.get(4));

        var advanceIntoHired = hiringManager.post(path, move("ADVANCE", 4));
        assertThat(advanceIntoHired.status()).isEqualTo(409);
        assertThat(advanceIntoHired.text("detail")).contains("Hire");
        assertThat(hiringManager.get("/api/v1/applications/" + id).json().path("version").asLong()).isEqualTo(4);

        var hired = hiringManager.post(path, move("HIRE", 4));
        assertThat(hired.status()).as(hired.toString()).isEqualTo(200);
        assertThat(hired.text("status")).isEqualTo("HIRED");
        assertThat(hired.text("stageId")).isEqualTo(stages.get(5));

        var afterHire = hiringManager.post(path, withReason(move("REJECT", 5), "too late"));
        assertThat(afterHire.status()).isEqualTo(409);

        JsonNode timeline = recruiter.get("/api/v1/applications/" + id).json().path("timeline");
        List<String> types = new ArrayList<>();
        timeline.forEach(entry -> types.add(entry.path("type").asString()));
        assertThat(types).containsExactly("APPLIED", "ADVANCED", "SKIPPED", "ADVANCED", "ADVANCED", "HIRED");
        JsonNode skip = timeline.get(2);
        assertThat(skip.path("fromStageId").asString()).isEqualTo(stages.get(1));
        assertThat(skip.path("toStageId").asString()).isEqualTo(stages.get(2));
        assertThat(skip.path("reason").asString()).isEqualTo("Strong portfolio: assignment waived");
        assertThat(skip.path("actor").asString()).isEqualTo("User HIRING_MANAGER");
        assertThat(skip.path("at").asString()).isNotBlank();
        assertThat(timeline.get(0).path("actor").asString()).isEqualTo("User RECRUITER");
    }

    @Test
    void refusesIllegalMovesWithTheReason() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "SRE", "employmentType", "FULL_TIME"));
        String hiredStage = job.json().path("stages").get(5).path("id").asString();
        var application = recruiter.post("/api/v1/applications", Map.of("jobId", job.text("id"),
                "candidate", Map.of("name", "Kim", "email", "kim@example.com")));
        String path = "/api/v1/applications/" + application.text("id") + "/transitions";

        var hireFromScreening = recruiter.post(path, move("HIRE", 0));
        assertThat(hireFromScreening.status()).isEqualTo(409);
        assertThat(hireFromScreening.text("detail")).contains("only be hired from the last stage");

        var moveIntoHired = recruiter.post(path, Map.of("action", "MOVE", "toStageId", hiredStage, "version", 0));
        assertThat(moveIntoHired.status()).isEqualTo(409);

        var rejectWithoutReason = recruiter.post(path, move("REJECT", 0));
        assertThat(rejectWithoutReason.status()).isEqualTo(400);
        assertThat(rejectWithoutReason.json().path("errors").get(0).path("field").asString()).isEqualTo("reasonCode");

        var unknownReason = recruiter.post(path, Map.of("action", "REJECT", "reasonCode", "NOPE", "version", 0));
        assertThat(unknownReason.status()).isEqualTo(400);

        var rejected = recruiter.post(path, Map.of("action", "REJECT", "reasonCode", "EXPERIENCE",
                "reason", "Needs more Kubernetes", "version", 0));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");

        var advanceRejected = recruiter.post(path, move("ADVANCE", 1));
        assertThat(advanceRejected.status()).isEqualTo(409);
        assertThat(advanceRejected.text("detail")).contains("REJECTED");

        var reopened = recruiter.post(path, move("REOPEN", 1));
        assertThat(reopened.text("status")).isEqualTo("ACTIVE");
        var held = recruiter.post(path, move("HOLD", 2));
        assertThat(held.text("status")).isEqualTo("ON_HOLD");
        var withdrawn = recruiter.post(path, move("WITHDRAW", 3));
        assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");

        var duplicate = recruiter.post("/api/v1/applications", Map.of("jobId", job.text("id"),
                "candidate", Map.of("name", "Kim", "email", "KIM@example.com")));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("detail")).contains("already applied");
        var closed = recruiter.put("/api/v1/jobs/" + job.text("id"), Map.of("title", "SRE", "employmentType",
                "FULL_TIME", "headcount", 1, "status", "CLOSED", "version", job.json().path("version").asLong()));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        var toClosedJob = recruiter.post("/api/v1/applications", Map.of("jobId", job.text("id"),
                "candidate", Map.of("name", "Late", "email", "late@example.com")));
        assertThat(toClosedJob.status()).isEqualTo(409);
        assertThat(toClosedJob.text("detail")).contains("closed");
        assertThat(recruiter.get("/api/v1/candidates?q=late@").json().path("items").size()).isZero();

    }

    private static Map<String, Object> move(String action, long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("version", version);
        return body;
    }

    private static Map<String, Object> withReason(Map<String, Object> move, String reason) {
        move.put("reason", reason);
        return move;
    }
}
