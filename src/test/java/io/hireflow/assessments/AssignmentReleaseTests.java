package io.hireflow.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestJobs;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.notifications.Promises;
import io.hireflow.shared.OrganizationId;
import tools.jackson.databind.JsonNode;

/**
 * An assignment released at its minute by the message that carries it, the recruiters alerted when it has not gone a
 * minute after, and waived by skipping its stage, which cancels a release that has not gone.
 */
class AssignmentReleaseTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Promises promises;

    @Test
    void theReleaseGoesAtItsMinuteAndAWaiveCancelsOneNotYetGone() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "SRE", "employmentType", "FULL_TIME"));
        String jobId = job.text("id");
        String assignmentStage = TestJobs.stage(job.json(), "ASSIGNMENT");
        var template = recruiter.post("/api/v1/jobs/" + jobId + "/assignment-templates", Map.of("stageId",
                assignmentStage, "title", "Kafka lag drill", "instructions", "Find the lag and fix it.",
                "resourceUrl", "https://github.com/moveon/lag-drill", "durationHours", 72, "submission", "LINK",
                "latePolicy", "REFUSE", "criteria", List.of(Map.of("name", "Diagnosis", "maxScore", 5))));
        assertThat(template.status()).as(template.body()).isEqualTo(201);

        // in the review stage there is no assignment to release
        String first = apply(recruiter, jobId, "first");
        var tooEarly = recruiter.post("/api/v1/applications/" + first + "/assignment", Map.of());
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.body()).contains("has no assignment");
        advance(recruiter, first);

        // scheduled for a minute to come: the release waits in the outbox for it, with the deadline it promises
        Instant minute = Instant.now().plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MINUTES);
        var scheduled = recruiter.post("/api/v1/applications/" + first + "/assignment",
                Map.of("releaseAt", minute.plusSeconds(42).toString()));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        assertThat(scheduled.json().path("state").asString()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(scheduled.json().path("releaseAt").asString())).isEqualTo(minute);
        assertThat(Instant.parse(scheduled.json().path("dueAt").asString())).isEqualTo(minute.plus(
                Duration.ofHours(72)));
        UUID message = UUID.fromString(scheduled.json().path("messageId").asString());
        assertThat(jdbc.sql("select status || ' ' || event || ' ' || (send_at = ?) from outbound_message where id = ?")
                .params(java.sql.Timestamp.from(minute), message).query(String.class).single())
                .isEqualTo("QUEUED ASSIGNMENT_RELEASED true");
        assertThat(jdbc.sql("select body_text from outbound_message where id = ?").param(message)
                .query(String.class).single()).contains("Kafka lag drill")
                .contains("https://github.com/moveon/lag-drill");
        assertThat(recruiter.post("/api/v1/applications/" + first + "/assignment", Map.of()).status())
                .as("one release per assignment").isEqualTo(409);

        // a release not gone a minute after its time (here: its time moved back, and no sender runs) is a missed
        // promise: the watch alerts the job's recruiters, once
        jdbc.sql("""
                update outbound_message set send_at = now() - interval '2 minutes',
                    next_attempt_at = now() - interval '2 minutes'
                where id = ?""").param(message).update();
        OrganizationId organization = new OrganizationId(UUID.fromString(tenant.id()));
        assertThat(promises.watch(organization)).isEqualTo(1);
        assertThat(promises.watch(organization)).isZero();
        assertThat(jdbc.sql("select count(*) from outbound_message where application_id = ? and event = ?")
                .params(UUID.fromString(first), "PROMISE_MISSED").query(Integer.class).single()).isEqualTo(1);

        // the outbox sends a scheduled message at its minute (MessageDeliveryTests); once it has, it is released,
        // and once its deadline has passed, expired
        jdbc.sql("update outbound_message set status = 'SENT', sent_at = now() where id = ?").param(message).update();
        assertThat(recruiter.get("/api/v1/applications/" + first + "/assignment").json().path("state").asString())
                .isEqualTo("RELEASED");
        jdbc.sql("update assignment set due_at = now() - interval '1 minute' where message_id = ?").param(message)
                .update();
        assertThat(recruiter.get("/api/v1/applications/" + first + "/assignment").json().path("state").asString())
                .isEqualTo("EXPIRED");

        // a second candidate's release, scheduled, is cancelled by skipping the stage; they are told of the skip
        String second = apply(recruiter, jobId, "second");
        advance(recruiter, second);
        var later = recruiter.post("/api/v1/applications/" + second + "/assignment",
                Map.of("releaseAt", minute.toString()));
        assertThat(later.status()).isEqualTo(201);
        UUID secondMessage = UUID.fromString(later.json().path("messageId").asString());
        long version = recruiter.get("/api/v1/applications/" + second).json().path("version").asLong();
        var skipped = recruiter.post("/api/v1/applications/" + second + "/transitions", Map.of("action", "SKIP",
                "version", version, "reason", "Strong portfolio: assignment waived"));
        assertThat(skipped.status()).as(skipped.body()).isEqualTo(200);
        JsonNode waived = recruiter.get("/api/v1/applications/" + second + "/assignment").json();
        assertThat(waived.path("state").asString()).isEqualTo("WAIVED");
        assertThat(jdbc.sql("select status from outbound_message where id = ?").param(secondMessage)
                .query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from outbound_message where application_id = ? and event = ?")
                .params(UUID.fromString(second), "STAGE_SKIPPED").query(Integer.class).single()).isEqualTo(1);

        // a minute that has passed, an interviewer, another organization: refused
        String third = apply(recruiter, jobId, "third");
        advance(recruiter, third);
        var past = recruiter.post("/api/v1/applications/" + third + "/assignment",
                Map.of("releaseAt", Instant.now().minus(Duration.ofMinutes(5)).toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body()).contains("releaseAt");
        assertThat(tenant.user("INTERVIEWER").post("/api/v1/applications/" + third + "/assignment", Map.of())
                .status()).isEqualTo(403);
        assertThat(tenant.user("INTERVIEWER").get("/api/v1/applications/" + first + "/assignment").status())
                .isEqualTo(200);
        Tenant other = organizations.create();
        assertThat(other.admin().post("/api/v1/applications/" + third + "/assignment", Map.of()).status())
                .isEqualTo(404);
        assertThat(other.admin().get("/api/v1/applications/" + first + "/assignment").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from assignment where application_id = ?")
                .param(UUID.fromString(third)).query(Integer.class).single()).isZero();
    }

    private static String apply(ApiClient recruiter, String jobId, String name) {
        var application = recruiter.post("/api/v1/applications", Map.of("jobId", jobId,
                "candidate", Map.of("name", name, "email", name + "-" + UUID.randomUUID() + "@example.com")));
        assertThat(application.status()).isEqualTo(201);
        return application.text("id");
    }

    private static void advance(ApiClient recruiter, String applicationId) {
        long version = recruiter.get("/api/v1/applications/" + applicationId).json().path("version").asLong();
        var moved = recruiter.post("/api/v1/applications/" + applicationId + "/transitions",
                Map.of("action", "ADVANCE", "version", version));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }
}
