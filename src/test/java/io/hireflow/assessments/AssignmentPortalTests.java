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
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.WebSession;
import tools.jackson.databind.JsonNode;

/** The candidate sees a released assignment in the portal and hands it in: on time, late where that is taken, once. */
class AssignmentPortalTests extends ApiTest {


    @Autowired
    JdbcClient jdbc;

    @Test
    void theCandidateHandsTheAssignmentInOnceAndOnTimeUnlessLateIsTaken() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String email = "assignee-" + UUID.randomUUID() + "@example.com";
        String onTime = released(recruiter, "REFUSE", email);
        String late = released(recruiter, "ACCEPT_MARKED_LATE", email);
        jdbc.sql("update assignment set due_at = now() - interval '1 hour' where application_id = ?")
                .param(UUID.fromString(late)).update();

        WebSession portal = signIn(email);
        String page = portal.get("/portal?lang=en").body();
        assertThat(page).contains("Assignment: Lag drill REFUSE").contains("Open: hand it in before the deadline")
                .contains("https://github.com/moveon/lag-drill").contains("submit-assignment");

        // a link that is not one is refused beside nothing stored
        portal.post("/portal/applications/" + onTime + "/assignment", Map.of("link", "my repo"));
        assertThat(portal.get("/portal?lang=en").body()).contains("must be a web address");
        assertThat(state(recruiter, onTime).path("state").asString()).isEqualTo("RELEASED");

        portal.post("/portal/applications/" + onTime + "/assignment",
                Map.of("link", "https://github.com/assignee/lag-drill/pull/1"));
        assertThat(portal.get("/portal?lang=en").body()).contains("Your assignment was handed in.");
        JsonNode handedIn = state(recruiter, onTime);
        assertThat(handedIn.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(handedIn.path("submissionLink").asString())
                .isEqualTo("https://github.com/assignee/lag-drill/pull/1");
        assertThat(handedIn.path("submittedLate").asBoolean()).isFalse();
        portal.post("/portal/applications/" + onTime + "/assignment", Map.of("link", "https://example.com/again"));
        assertThat(portal.get("/portal?lang=en").body()).contains("This assignment was handed in already.");
        assertThat(state(recruiter, onTime).path("submissionLink").asString()).endsWith("/pull/1");

        // after the deadline: taken and marked late where the template says so
        portal.post("/portal/applications/" + late + "/assignment", Map.of("link", "https://github.com/assignee/x"));
        JsonNode lateOne = state(recruiter, late);
        assertThat(lateOne.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(lateOne.path("submittedLate").asBoolean()).isTrue();

        // refused where it does not: a third application, past its deadline, whose template refuses late work
        String refused = released(recruiter, "REFUSE", "other-" + email);
        jdbc.sql("update assignment set due_at = now() - interval '1 hour' where application_id = ?")
                .param(UUID.fromString(refused)).update();
        WebSession other = signIn("other-" + email);
        other.post("/portal/applications/" + refused + "/assignment", Map.of("link", "https://github.com/o/x"));
        assertThat(other.get("/portal?lang=en").body()).contains("The deadline for this assignment has passed");
        assertThat(state(recruiter, refused).path("state").asString()).isEqualTo("EXPIRED");
        // nor can one candidate hand in another's
        other.post("/portal/applications/" + onTime + "/assignment", Map.of("link", "https://github.com/o/y"));
        assertThat(state(recruiter, onTime).path("submissionLink").asString()).endsWith("/pull/1");
    }

    // an application in a new job's assignment stage, its assignment released (the outbox has sent it)
    private String released(ApiClient recruiter, String latePolicy, String email) {
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "SRE " + latePolicy, "employmentType",
                "FULL_TIME"));
        String stage = null;
        for (JsonNode s : job.json().path("stages")) {
            if (s.path("kind").asString().equals("ASSIGNMENT")) {
                stage = s.path("id").asString();
            }
        }
        assertThat(recruiter.post("/api/v1/jobs/" + job.text("id") + "/assignment-templates", Map.of("stageId",
                stage, "title", "Lag drill " + latePolicy, "instructions", "Find the lag.", "resourceUrl",
                "https://github.com/moveon/lag-drill", "durationHours", 48, "submission", "LINK", "latePolicy",
                latePolicy, "criteria", List.of(Map.of("name", "Diagnosis", "maxScore", 5)))).status())
                .isEqualTo(201);
        var application = recruiter.post("/api/v1/applications", Map.of("jobId", job.text("id"),
                "candidate", Map.of("name", "Assignee", "email", email)));
        String id = application.text("id");
        assertThat(recruiter.post("/api/v1/applications/" + id + "/transitions", Map.of("action", "ADVANCE",
                "version", 0)).status()).isEqualTo(200);
        var scheduled = recruiter.post("/api/v1/applications/" + id + "/assignment", Map.of());
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        jdbc.sql("update outbound_message set status = 'SENT', sent_at = now() where id = ?")
                .param(UUID.fromString(scheduled.json().path("messageId").asString())).update();
        return id;
    }

    private WebSession signIn(String email) {
        return AssignmentFixtures.portal(port, jdbc, email);
    }

    private static JsonNode state(ApiClient recruiter, String applicationId) {
        return recruiter.get("/api/v1/applications/" + applicationId + "/assignment").json();
    }
}
