package io.hireflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations.Tenant;
import tools.jackson.databind.JsonNode;

/** Many applications move in one action; the answer counts them and says why each left-over one could not move. */
class BulkTransitionApiTests extends ApiTest {

    @Test
    void advancesAWholeStageAndExplainsEachOneThatCouldNotMove() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "DevOps Engineer", "employmentType", "FULL_TIME"));
        JsonNode stages = job.json().path("stages");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(recruiter.post("/api/v1/applications", Map.of("jobId", job.text("id"), "candidate",
                    Map.of("name", "Candidate " + i, "email", "c" + i + "@example.com"))).text("id"));
        }
        recruiter.post("/api/v1/applications/" + ids.get(0) + "/transitions",
                Map.of("action", "REJECT", "reasonCode", "EXPERIENCE", "version", 0));

        var whole = recruiter.post("/api/v1/applications/bulk-transitions", Map.of("action", "ADVANCE",
                "jobId", job.text("id"), "stageId", stages.get(0).path("id").asString()));
        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
        assertThat(whole.json().path("requested").asInt()).isEqualTo(11);
        assertThat(whole.json().path("moved").asInt()).isEqualTo(11);
        assertThat(whole.json().path("failures").size()).isZero();

        var board = recruiter.get("/api/v1/jobs/" + job.text("id") + "/board").json().path("columns");
        assertThat(board.get(0).path("count").asLong()).isZero();
        assertThat(board.get(1).path("count").asLong()).isEqualTo(11);
        JsonNode timeline = recruiter.get("/api/v1/applications/" + ids.get(5)).json().path("timeline");
        assertThat(timeline.get(1).path("type").asString()).isEqualTo("ADVANCED");
        assertThat(timeline.get(1).path("toStageId").asString()).isEqualTo(stages.get(1).path("id").asString());

        // move four to the offer stage, then advance a mixed selection
        var moved = recruiter.post("/api/v1/applications/bulk-transitions", Map.of("action", "MOVE",
                "applicationIds", ids.subList(1, 5), "toStageId", stages.get(4).path("id").asString(),
                "reason", "Fast track"));
        assertThat(moved.json().path("moved").asInt()).isEqualTo(4);
        List<String> mixed = new ArrayList<>(ids.subList(0, 8));
        mixed.add(java.util.UUID.randomUUID().toString());
        var advanced = recruiter.post("/api/v1/applications/bulk-transitions", Map.of("action", "ADVANCE",
                "applicationIds", mixed));
        assertThat(advanced.json().path("requested").asInt()).isEqualTo(9);
        assertThat(advanced.json().path("moved").asInt()).isEqualTo(3);
        assertThat(advanced.json().path("failed").asInt()).isEqualTo(6);
        Map<String, String> reasons = new java.util.HashMap<>();
        advanced.json().path("failures").forEach(failure ->
                reasons.put(failure.path("applicationId").asString(), failure.path("reason").asString()));
        assertThat(reasons.get(ids.get(0))).contains("REJECTED");
        assertThat(reasons.get(ids.get(1))).contains("Use Hire");
        assertThat(reasons.get(mixed.get(8))).contains("does not exist");
    }

    @Test
    void rejectsInBulkWithTheReasonOnEachTimeline() {
        Tenant tenant = organizations.create();
        ApiClient hiringManager = tenant.user("HIRING_MANAGER");
        ApiClient recruiter = tenant.user("RECRUITER");
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "SRE", "employmentType", "FULL_TIME"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(recruiter.post("/api/v1/applications", Map.of("jobId", job.text("id"), "candidate",
                    Map.of("name", "R" + i, "email", "r" + i + "@example.com"))).text("id"));
        }
        var noReason = hiringManager.post("/api/v1/applications/bulk-transitions", Map.of("action", "REJECT",
                "applicationIds", ids));
        assertThat(noReason.status()).isEqualTo(400);

        var rejected = hiringManager.post("/api/v1/applications/bulk-transitions", Map.of("action", "REJECT",
                "applicationIds", ids, "reasonCode", "POSITION_FILLED", "reason", "Both seats taken"));
        assertThat(rejected.json().path("moved").asInt()).isEqualTo(3);
        for (String id : ids) {
            JsonNode application = recruiter.get("/api/v1/applications/" + id).json();
            assertThat(application.path("status").asString()).isEqualTo("REJECTED");
            JsonNode last = application.path("timeline").get(1);
            assertThat(last.path("type").asString()).isEqualTo("REJECTED");
            assertThat(last.path("reasonCode").asString()).isEqualTo("POSITION_FILLED");
            assertThat(last.path("reason").asString()).isEqualTo("Both seats taken");
            assertThat(application.path("version").asLong()).isEqualTo(1);
        }

        var interviewer = tenant.user("INTERVIEWER");
        var forbidden = interviewer.post("/api/v1/applications/bulk-transitions", Map.of("action", "ADVANCE",
                "applicationIds", ids));
        assertThat(forbidden.status()).isEqualTo(403);
    }
}
