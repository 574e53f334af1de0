package io.hireflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.shared.OrganizationId;

/**
 * Promises to candidates are tracked with their time; a missed one is noticed once: the job's recruiters are alerted
 * and, when the organization enabled it, the candidate is told of the delay with a new date.
 */
class PromiseTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Promises promises;

    @Test
    void aLateDecisionIsNoticedOnceAlertsTheRecruitersAndTellsTheCandidate() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String recruiterId = jdbc.sql("select id from staff_user where organization_id = ? and roles @> '{RECRUITER}'")
                .param(UUID.fromString(tenant.id())).query(UUID.class).list().get(0).toString();
        String recruiterEmail = jdbc.sql("select email from staff_user where id = ?")
                .param(UUID.fromString(recruiterId)).query(String.class).single();
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "Late decisions", "employmentType", "FULL_TIME"));
        String jobId = job.text("id");
        recruiter.put("/api/v1/jobs/" + jobId + "/team", Map.of("recruiters", List.of(recruiterId)));
        String late = apply(recruiter, jobId, "late");
        String onTime = apply(recruiter, jobId, "ontime");
        // document screening has a 7-day deadline; the late one entered it ten days ago
        jdbc.sql("update job_application set stage_entered_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(10))), UUID.fromString(late)).update();

        var overdue = recruiter.get("/api/v1/promises/overdue?jobId=" + jobId).json();
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).path("kind").asString()).isEqualTo("DECISION");
        assertThat(overdue.get(0).path("applicationId").asString()).isEqualTo(late);
        assertThat(overdue.get(0).path("noticed").asBoolean()).isFalse();
        var soon = recruiter.get("/api/v1/promises?jobId=" + jobId + "&until="
                + Instant.now().plus(Duration.ofDays(8))).json();
        assertThat(soon).extracting(p -> p.path("applicationId").asString()).containsExactly(late, onTime);
        assertThat(recruiter.get("/api/v1/promises/overdue?recruiterId=" + recruiterId).json()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from access_log where organization_id = ? and action = 'VIEW_PROMISES'")
                .param(UUID.fromString(tenant.id())).query(Long.class).single()).as("each look is on record")
                .isEqualTo(3);

        var refused = tenant.admin().put("/api/v1/notification-settings", Map.of("delayNoticeDays", 99));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(tenant.admin().put("/api/v1/notification-settings", Map.of("delayNoticeDays", 3)).json()
                .path("delayNoticeDays").asInt()).isEqualTo(3);

        OrganizationId organization = new OrganizationId(UUID.fromString(tenant.id()));
        assertThat(promises.watch(organization)).isEqualTo(1);
        int again = promises.watch(organization);
        assertThat(messages(recruiter, late)).extracting(m -> m.path("event").asString())
                .containsExactlyInAnyOrder("APPLICATION_RECEIVED", "PROMISE_MISSED", "DELAY_NOTICE");
        JsonNode alert = messages(recruiter, late).stream()
                .filter(m -> m.path("event").asString().equals("PROMISE_MISSED")).findFirst().orElseThrow();
        assertThat(alert.path("recipient").asString()).isEqualTo(recruiterEmail);
        JsonNode notice = messages(recruiter, late).stream()
                .filter(m -> m.path("event").asString().equals("DELAY_NOTICE")).findFirst().orElseThrow();
        assertThat(notice.path("subject").asString()).contains("Late decisions");
        assertThat(notice.path("bodyText").asString()).contains("서류전형");
        assertThat(messages(recruiter, onTime)).hasSize(1);
        assertThat(recruiter.get("/api/v1/promises/overdue?jobId=" + jobId).json().get(0).path("noticed")
                .asBoolean()).isTrue();
        assertThat(again).as("nothing is noticed twice").isZero();
    }

    @Test
    void aNewMissIsNoticedHoweverManyOlderOnesWereNoticedBefore() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String jobId = recruiter.post("/api/v1/jobs", Map.of("title", "Many misses", "employmentType", "FULL_TIME"))
                .text("id");
        String application = apply(recruiter, jobId, "waiting");
        UUID organization = UUID.fromString(tenant.id());
        // as many misses as one look reads, all noticed long ago: dead letters of the last weeks
        jdbc.sql("""
                insert into outbound_message (id, organization_id, application_id, event, language, recipient,
                    recipient_name, subject, body_text, body_html, idempotency_key, message_id, status, send_at,
                    next_attempt_at, created_at)
                select gen_random_uuid(), ?, ?, 'FREE_FORM', 'ko', 'old@example.com', 'Old', 'old', 'old', 'old',
                       'old/' || g, 'old-' || g || '@hireflow.local', 'DEAD', now() - g * interval '1 hour',
                       now() - g * interval '1 hour', now() - g * interval '1 hour'
                from generate_series(1, ?) g""")
                .params(organization, UUID.fromString(application), Promises.LIMIT).update();
        jdbc.sql("""
                insert into missed_promise (key, organization_id, kind, message_id, due_at, noticed_at)
                select 'message/' || id, organization_id, 'MESSAGE', id, send_at, send_at + interval '1 minute'
                from outbound_message where organization_id = ? and idempotency_key like 'old/%'""")
                .param(organization).update();

        // a message promised for a minute that passed two minutes ago (and no sender runs here)
        var scheduled = recruiter.post("/api/v1/messages", Map.of("applicationId", application, "subject",
                "약속한 안내", "body", "곧 연락드리겠습니다.", "sendAt", Instant.now().plus(Duration.ofMinutes(5))
                        .toString()));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        jdbc.sql("""
                update outbound_message set send_at = now() - interval '2 minutes',
                    next_attempt_at = now() - interval '2 minutes' where id = ?""")
                .param(UUID.fromString(scheduled.text("id"))).update();

        OrganizationId org = new OrganizationId(organization);
        assertThat(promises.watchMessages(org)).as("the quick look notices it").isEqualTo(1);
        assertThat(promises.watch(org)).as("and the full look does not again").isZero();

        // a second one, seen by the full look although the older misses fill a look's worth
        var another = recruiter.post("/api/v1/messages", Map.of("applicationId", application, "subject", "두 번째",
                "body", "곧 연락드리겠습니다.", "sendAt", Instant.now().plus(Duration.ofMinutes(5)).toString()));
        jdbc.sql("""
                update outbound_message set send_at = now() - interval '30 minutes',
                    next_attempt_at = now() - interval '30 minutes' where id = ?""")
                .param(UUID.fromString(another.text("id"))).update();
        assertThat(promises.watchMessages(org)).as("older than the quick look reaches").isZero();
        assertThat(promises.watch(org)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbound_message where application_id = ? and event = ?")
                .params(UUID.fromString(application), "PROMISE_MISSED").query(Integer.class).single()).isEqualTo(2);
    }

    private static String apply(ApiClient recruiter, String jobId, String name) {
        return recruiter.post("/api/v1/applications", Map.of("jobId", jobId,
                "candidate", Map.of("name", name, "email", name + "-" + UUID.randomUUID() + "@example.com")))
                .text("id");
    }

    private static List<JsonNode> messages(ApiClient recruiter, String applicationId) {
        List<JsonNode> all = new java.util.ArrayList<>();
        recruiter.get("/api/v1/messages?applicationId=" + applicationId).json().path("items").forEach(all::add);
        return all;
    }
}
