package io.hireflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hireflow.ApiClient;
import io.hireflow.ApiClient.Response;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations.Tenant;

/** Bad input is refused with 400, every bad field is named, and nothing changes. */
class InputValidationApiTests extends ApiTest {

    @Test
    void aBadJobNamesEveryBadFieldAndCreatesNothing() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        Map<String, Object> job = new HashMap<>();
        job.put("title", " ");
        job.put("employmentType", "SOMETIMES");
        job.put("headcount", 0);
        Response refused = recruiter.post("/api/v1/jobs", job);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused)).containsExactlyInAnyOrder("title", "employmentType", "headcount");
        assertThat(refused.text("detail")).contains("title", "employmentType", "headcount", "FULL_TIME");
        assertThat(recruiter.get("/api/v1/jobs").json().size()).isZero();
    }

    @Test
    void aBadPipelineNamesTheStageAndChangesNothing() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "SRE", "employmentType", "full-time"));
        assertThat(job.status()).isEqualTo(201);
        String before = recruiter.get("/api/v1/jobs/" + job.text("id")).body();

        Response hiredFirst = recruiter.put("/api/v1/jobs/" + job.text("id") + "/pipeline", Map.of("stages", List.of(
                Map.of("name", "Hired", "kind", "HIRED"), Map.of("name", "Screening", "kind", "REVIEW"))));
        assertThat(hiredFirst.status()).isEqualTo(400);
        assertThat(fields(hiredFirst)).contains("stages[0].kind", "stages[1].kind");

        Response unknownKind = recruiter.put("/api/v1/jobs/" + job.text("id") + "/pipeline", Map.of("stages", List.of(
                Map.of("name", "Screening", "kind", "CHAT"), Map.of("name", "Hired", "kind", "HIRED"))));
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(fields(unknownKind)).containsExactly("stages[0].kind");

        Response blankName = recruiter.put("/api/v1/jobs/" + job.text("id") + "/pipeline", Map.of("stages", List.of(
                Map.of("name", "", "kind", "REVIEW"), Map.of("name", "Hired", "kind", "HIRED"))));
        assertThat(blankName.status()).isEqualTo(400);
        assertThat(fields(blankName)).containsExactly("stages[0].name");

        assertThat(recruiter.get("/api/v1/jobs/" + job.text("id")).body()).isEqualTo(before);
    }

    @Test
    void aBadApplicationOrMoveIsRefusedWithTheFieldNamed() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "SRE", "employmentType", "FULL_TIME"));

        Response badCandidate = recruiter.post("/api/v1/applications", Map.of("jobId", job.text("id"),
                "candidate", Map.of("name", "", "email", "not-an-email", "githubUrl", "javascript:alert(1)")));
        assertThat(badCandidate.status()).isEqualTo(400);
        assertThat(fields(badCandidate)).containsExactlyInAnyOrder("candidate.name", "candidate.email",
                "candidate.githubUrl");

        Response noJob = recruiter.post("/api/v1/applications", Map.of("candidate",
                Map.of("name", "Kim", "email", "kim@example.com")));
        assertThat(fields(noJob)).containsExactly("jobId");

        Response badJson = recruiter.post("/api/v1/applications", "{\"jobId\": ");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(fields(badJson)).containsExactly("body");

        Response badId = recruiter.post("/api/v1/applications", Map.of("jobId", "not-a-uuid",
                "candidate", Map.of("name", "Kim", "email", "kim@example.com")));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(fields(badId)).containsExactly("jobId");
        assertThat(recruiter.get("/api/v1/applications?jobId=" + job.text("id")).json().path("items").size()).isZero();

        var application = recruiter.post("/api/v1/applications", Map.of("jobId", job.text("id"),
                "candidate", Map.of("name", "Kim", "email", "kim@example.com")));
        String transitions = "/api/v1/applications/" + application.text("id") + "/transitions";
        Response noVersion = recruiter.post(transitions, Map.of("action", "ADVANCE"));
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(fields(noVersion)).containsExactly("version");
        Response badAction = recruiter.post(transitions, Map.of("action", "FLY", "version", 0));
        assertThat(badAction.status()).isEqualTo(400);
        assertThat(fields(badAction)).containsExactly("action");
        Response foreignStage = recruiter.post(transitions, Map.of("action", "MOVE", "version", 0,
                "toStageId", java.util.UUID.randomUUID().toString()));
        assertThat(foreignStage.status()).isEqualTo(400);
        assertThat(fields(foreignStage)).containsExactly("toStageId");
        assertThat(recruiter.get("/api/v1/applications/" + application.text("id")).json().path("version").asLong())
                .isZero();
    }

    @Test
    void answersInTheCallersLanguage() {
        Tenant tenant = organizations.create();
        Response refused = tenant.admin().inLanguage("ko").post("/api/v1/jobs", Map.of("employmentType", "NOPE"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("detail")).contains("입력을 받아들일 수 없습니다", "다음 중 하나여야 합니다");
    }

    static List<String> fields(Response response) {
        return response.json().path("errors").valueStream().map(error -> error.path("field").asString()).toList();
    }
}
