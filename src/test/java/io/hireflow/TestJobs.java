package io.hireflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Jobs and applications for tests, made through the API as a recruiter would make them. */
public final class TestJobs {

    /** The pipeline most interview tests use: screening, a technical interview, the offer, hired. */
    public static final String[] INTERVIEW_PIPELINE = {"Screening:REVIEW", "Technical interview:INTERVIEW",
        "Offer:OFFER", "Hired:HIRED"};

    private TestJobs() {
    }

    /** A full-time job whose pipeline has these stages in order, each written {@code name:KIND}; the API's answer. */
    public static JsonNode job(ApiClient recruiter, String title, String... stages) {
        List<Map<String, String>> plan = new ArrayList<>();
        for (String stage : stages) {
            int colon = stage.lastIndexOf(':');
            plan.add(Map.of("name", stage.substring(0, colon), "kind", stage.substring(colon + 1)));
        }
        var job = recruiter.post("/api/v1/jobs", Map.of("title", title, "employmentType", "FULL_TIME",
                "stages", plan));
        assertThat(job.status()).as(job.body()).isEqualTo(201);
        return job.json();
    }

    /** The id of the job's first stage of that kind. */
    public static String stage(JsonNode job, String kind) {
        for (JsonNode stage : job.path("stages")) {
            if (stage.path("kind").asString().equals(kind)) {
                return stage.path("id").asString();
            }
        }
        throw new AssertionError("no " + kind + " stage");
    }

    /** A new application to the job for this candidate (name, email, …), moved on to its second stage; its id. */
    public static String advanced(ApiClient recruiter, String jobId, Map<String, Object> candidate) {
        var created = recruiter.post("/api/v1/applications", Map.of("jobId", jobId, "candidate", candidate));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        var moved = recruiter.post("/api/v1/applications/" + id + "/transitions", Map.of("action", "ADVANCE",
                "version", 0));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        return id;
    }
}
