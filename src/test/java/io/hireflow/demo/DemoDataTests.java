package io.hireflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations;
import tools.jackson.databind.JsonNode;

/** The first start's demo: two companies, staff in every role, a DevOps job each, and candidates everywhere. */
class DemoDataTests extends ApiTest {

    @Test
    void bothCompaniesRunTheStorysProcessWithCandidatesInEveryStageAndStatus() {
        ApiClient mobility = organizations.operator();
        ApiClient bank = organizations.signIn("admin@hanbit.example", TestOrganizations.OPERATOR_PASSWORD);
        assertThat(mobility.get("/api/v1/organizations").body()).contains("\"moveon\"", "\"hanbit-bank\"");
        for (ApiClient company : new ApiClient[] {mobility, bank}) {
            JsonNode job = null;
            for (JsonNode each : company.get("/api/v1/jobs").json()) {
                job = each.path("title").asString().equals("DevOps Engineer") ? each : job;
            }
            assertThat(job).isNotNull();
            assertThat(job.path("status").asString()).isEqualTo("OPEN");
            JsonNode applications = company.get("/api/v1/applications?limit=200&jobId=" + job.path("id").asString())
                    .json().path("items");
            assertThat(applications.size()).isGreaterThanOrEqualTo(40);
            Set<String> stages = new HashSet<>();
            Set<String> statuses = new HashSet<>();
            applications.forEach(application -> {
                stages.add(application.path("stage").path("kind").asString() + application.path("stageId").asString());
                statuses.add(application.path("status").asString());
            });
            assertThat(stages).hasSize(6);
            assertThat(statuses).containsExactlyInAnyOrder("ACTIVE", "ON_HOLD", "REJECTED", "WITHDRAWN", "HIRED");
            Set<String> roles = new HashSet<>();
            company.get("/api/v1/users").json().forEach(user -> user.path("roles")
                    .forEach(role -> roles.add(role.asString())));
            assertThat(roles).contains("ADMIN", "RECRUITER", "HIRING_MANAGER", "INTERVIEWER");
            assertThat(company.get("/api/v1/candidates?q=woojin.jung").json().path("items").size()).isEqualTo(1);
        }
        JsonNode story = mobility.get("/api/v1/applications?limit=1&candidateId="
                + mobility.get("/api/v1/candidates?q=woojin.jung").json().path("items").get(0).path("id").asString())
                .json().path("items").get(0);
        JsonNode timeline = mobility.get("/api/v1/applications/" + story.path("id").asString()).json().path("timeline");
        assertThat(timeline.get(2).path("type").asString()).isEqualTo("SKIPPED");
        assertThat(timeline.get(2).path("reason").asString()).isNotBlank();
        // and their offer: sent, countered, and the recruiter's answer above the band waiting for approval
        JsonNode offer = mobility.get("/api/v1/applications/" + story.path("id").asString() + "/offers").json().get(0);
        assertThat(offer.path("status").asString()).isEqualTo("OPEN");
        assertThat(offer.path("versions")).hasSize(3);
        assertThat(offer.path("versions").get(1).path("proposedBy").asString()).isEqualTo("CANDIDATE");
        assertThat(offer.path("versions").get(2).path("approval").asString()).isEqualTo("PENDING");

        // the mobility company's candidates in interview stages have their in-person interviews with the story's panels
        JsonNode interviewing = mobility.get("/api/v1/applications?limit=200&status=ACTIVE&jobId="
                + mobility.get("/api/v1/jobs").json().get(0).path("id").asString()).json().path("items");
        int scheduled = 0;
        for (JsonNode application : interviewing) {
            for (JsonNode interview : mobility.get("/api/v1/applications/" + application.path("id").asString()
                    + "/interviews").json()) {
                assertThat(interview.path("format").asString()).isEqualTo("IN_PERSON");
                assertThat(interview.path("panel")).hasSize(2);
                scheduled++;
            }
        }
        assertThat(scheduled).isGreaterThan(0);

        // the bank's new-graduate job: its online test taken last week, graded, waiting for a pass mark
        JsonNode testJob = null;
        for (JsonNode each : bank.get("/api/v1/jobs").json()) {
            testJob = each.path("title").asString().startsWith("클라우드 엔지니어") ? each : testJob;
        }
        assertThat(testJob).isNotNull();
        JsonNode test = bank.get("/api/v1/jobs/" + testJob.path("id").asString() + "/online-tests").json().get(0);
        JsonNode results = bank.get("/api/v1/online-tests/" + test.path("id").asString() + "/results").json();
        assertThat(results.path("invited").asInt()).isEqualTo(24);
        assertThat(results.path("finished").asInt()).isEqualTo(24);
        assertThat(results.path("graded").asInt()).isEqualTo(22);
        Set<String> states = new HashSet<>();
        results.path("results").forEach(result -> states.add(result.path("state").asString()));
        assertThat(states).containsExactlyInAnyOrder("SUBMITTED", "TIMED_OUT", "MISSED");
        int spread = 0;
        for (JsonNode bucket : results.path("distribution")) {
            spread += bucket.path("count").asInt() > 0 ? 1 : 0;
        }
        assertThat(spread).as("scores spread over the scale").isGreaterThanOrEqualTo(3);
    }
}
