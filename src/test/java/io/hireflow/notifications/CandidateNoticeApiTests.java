package io.hireflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.WebSession;

/**
 * Each decision says how the candidate is told: the stage's default, now, at a chosen minute, or not at all with a
 * reason on record. The message is written with the decision either way.
 */
class CandidateNoticeApiTests extends ApiTest {

    @Test
    void aDecisionTellsTheCandidateAsItSays() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "Notices", "employmentType", "FULL_TIME"));

        String now = apply(recruiter, job.text("id"), "now");
        move(recruiter, now, Map.of("action", "ADVANCE", "version", 0));
        assertThat(message(recruiter, now, "STAGE_PASSED").path("status").asString()).isEqualTo("QUEUED");

        String later = apply(recruiter, job.text("id"), "later");
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).plusSeconds(17);
        move(recruiter, later, Map.of("action", "REJECT", "reason", "not a fit", "version", 0,
                "notice", Map.of("mode", "AT", "sendAt", tomorrow.toString())));
        JsonNode scheduled = message(recruiter, later, "REJECTED");
        assertThat(scheduled.path("status").asString()).isEqualTo("QUEUED");
        assertThat(Instant.parse(scheduled.path("scheduledAt").asString()))
                .isEqualTo(tomorrow.truncatedTo(ChronoUnit.MINUTES));

        String silent = apply(recruiter, job.text("id"), "silent");
        var refused = recruiter.post("/api/v1/applications/" + silent + "/transitions",
                Map.of("action", "ADVANCE", "version", 0, "notice", Map.of("mode", "NONE")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("notice.reason");
        assertThat(recruiter.get("/api/v1/applications/" + silent).json().path("version").asLong()).isZero();
        move(recruiter, silent, Map.of("action", "ADVANCE", "version", 0,
                "notice", Map.of("mode", "NONE", "reason", "told by phone")));
        JsonNode withheld = message(recruiter, silent, "STAGE_PASSED");
        assertThat(withheld.path("status").asString()).isEqualTo("WITHHELD");
        // the mailbox says it was not sent, and why
        WebSession page = new WebSession(port);
        page.signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);
        String body = page.get("/mailbox/" + withheld.path("id").asString() + "?lang=en").body();
        assertThat(body).contains("Not sent because").contains("told by phone");

        var past = recruiter.post("/api/v1/applications/" + now + "/transitions", Map.of("action", "ADVANCE",
                "version", 1, "notice", Map.of("mode", "AT", "sendAt", "2020-01-01T00:00:00Z")));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body()).contains("notice.sendAt");
    }

    @Test
    void aStageThatDoesNotTellByDefaultWithholdsTheMessage() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "Quiet screening", "employmentType", "FULL_TIME"));
        String screening = job.json().path("stages").get(0).path("id").asString();
        var set = recruiter.put("/api/v1/jobs/" + job.text("id") + "/notice-defaults",
                Map.of("stages", List.of(Map.of("stageId", screening, "notifyCandidate", false))));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get(0).path("notifyCandidate").asBoolean()).isFalse();
        assertThat(set.json().get(1).path("notifyCandidate").asBoolean()).isTrue();

        String application = apply(recruiter, job.text("id"), "quiet");
        assertThat(message(recruiter, application, "APPLICATION_RECEIVED").path("status").asString())
                .as("the receipt notice always goes").isEqualTo("QUEUED");
        move(recruiter, application, Map.of("action", "ADVANCE", "version", 0));
        assertThat(message(recruiter, application, "STAGE_PASSED").path("status").asString()).isEqualTo("WITHHELD");
        // chosen for one decision, the default gives way
        move(recruiter, application, Map.of("action", "MOVE", "toStageId", screening, "version", 1));
        move(recruiter, application, Map.of("action", "ADVANCE", "version", 2, "notice", Map.of("mode", "NOW")));
        assertThat(recruiter.get("/api/v1/messages?applicationId=" + application + "&status=QUEUED").json()
                .path("items")).hasSize(2);

        var foreign = organizations.create().user("RECRUITER").put("/api/v1/jobs/" + job.text("id")
                + "/notice-defaults", Map.of("stages", List.of(Map.of("stageId", screening, "notifyCandidate", true))));
        assertThat(foreign.status()).isEqualTo(404);
    }

    private static String apply(ApiClient recruiter, String jobId, String name) {
        var application = recruiter.post("/api/v1/applications", Map.of("jobId", jobId,
                "candidate", Map.of("name", name, "email", name + "-" + UUID.randomUUID() + "@example.com")));
        assertThat(application.status()).isEqualTo(201);
        return application.text("id");
    }

    private static void move(ApiClient recruiter, String applicationId, Map<String, Object> body) {
        var moved = recruiter.post("/api/v1/applications/" + applicationId + "/transitions", body);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    private static JsonNode message(ApiClient recruiter, String applicationId, String event) {
        for (JsonNode message : recruiter.get("/api/v1/messages?applicationId=" + applicationId).json()
                .path("items")) {
            if (message.path("event").asString().equals(event)) {
                return message;
            }
        }
        throw new AssertionError("no " + event + " message for " + applicationId);
    }
}
