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

/** Stages are added, renamed, reordered and removed; a stage that holds applications stays. */
class PipelineEditingApiTests extends ApiTest {

    @Test
    void editsThePipelineWhileNoApplicationSitsInTheRemovedStage() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "DevOps Engineer", "employmentType", "FULL_TIME"));
        String jobPath = "/api/v1/jobs/" + job.text("id");
        List<Map<String, Object>> stages = stages(job.json());
        recruiter.post("/api/v1/applications", Map.of("jobId", job.text("id"),
                "candidate", Map.of("name", "Kim", "email", "kim@example.com")));

        // rename the assignment, add an online test before it, drop the culture-fit interview, swap the interviews
        List<Map<String, Object>> edited = new ArrayList<>();
        edited.add(stages.get(0));
        edited.add(Map.of("name", "Online test", "kind", "ONLINE_TEST", "candidateNameKo", "온라인 테스트",
                "candidateNameEn", "Online test", "deadlineDays", 5));
        Map<String, Object> assignment = new HashMap<>(stages.get(1));
        assignment.put("name", "Take-home assignment");
        edited.add(assignment);
        edited.add(stages.get(2));
        edited.add(stages.get(4));
        edited.add(stages.get(5));
        var saved = recruiter.put(jobPath + "/pipeline", Map.of("stages", edited, "version", job.json().path("version")));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        List<Object> names = new ArrayList<>();
        saved.json().path("stages").forEach(stage -> names.add(stage.path("name").asString()));
        assertThat(names).containsExactly(stages.get(0).get("name"), "Online test", "Take-home assignment",
                stages.get(2).get("name"), stages.get(4).get("name"), stages.get(5).get("name"));
        assertThat(saved.json().path("stages").get(2).path("id").asString()).isEqualTo(stages.get(1).get("id"));

        var stale = recruiter.put(jobPath + "/pipeline", Map.of("stages", edited, "version", 0));
        assertThat(stale.status()).isEqualTo(409);

        // the first stage holds the application: it cannot go, nor change its kind
        List<Map<String, Object>> withoutFirst = stages(saved.json()).subList(1, 6);
        var removeOccupied = recruiter.put(jobPath + "/pipeline", Map.of("stages", withoutFirst));
        assertThat(removeOccupied.status()).isEqualTo(409);
        assertThat(removeOccupied.text("detail")).contains("holds 1 application");
        List<Map<String, Object>> kindChanged = new ArrayList<>(stages(saved.json()));
        Map<String, Object> first = new HashMap<>(kindChanged.get(0));
        first.put("kind", "INTERVIEW");
        kindChanged.set(0, first);
        assertThat(recruiter.put(jobPath + "/pipeline", Map.of("stages", kindChanged)).status()).isEqualTo(409);
        assertThat(recruiter.get(jobPath).json().path("stages").size()).isEqualTo(6);

        var hiringManager = tenant.user("HIRING_MANAGER");
        assertThat(hiringManager.put(jobPath + "/pipeline", Map.of("stages", edited)).status()).isEqualTo(403);
    }

    private static List<Map<String, Object>> stages(JsonNode job) {
        List<Map<String, Object>> stages = new ArrayList<>();
        job.path("stages").forEach(stage -> {
            Map<String, Object> plan = new HashMap<>();
            plan.put("id", stage.path("id").asString());
            plan.put("name", stage.path("name").asString());
            plan.put("kind", stage.path("kind").asString());
            plan.put("candidateNameKo", stage.path("candidateNameKo").asString());
            plan.put("candidateNameEn", stage.path("candidateNameEn").asString());
            stages.add(plan);
        });
        return stages;
    }
}
