package io.hireflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.hireflow.TestNodes;
import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.pipeline.Transition;
import io.hireflow.pipeline.TransitionAction;
import io.hireflow.shared.Actor;
import io.hireflow.shared.OrganizationId;
import io.hireflow.shared.Role;

/**
 * Messages to candidates over real SMTP (GreenMail): a decision sends exactly one message, in the organization's
 * language, with the Message-ID the outbox gave it; a rolled-back decision sends nothing; with the mail server down
 * decisions still succeed and their messages arrive once it is back.
 */
class MessageDeliveryTests extends ApiTest {

    static final int SMTP_PORT = TestNodes.freePort();
    static GreenMail smtp = TestNodes.smtp(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
        registry.add("hireflow.notifications.dispatch", () -> "true");
        registry.add("hireflow.notifications.poll-interval", () -> "200ms");
        registry.add("hireflow.notifications.first-retry", () -> "1s");
        registry.add("hireflow.notifications.longest-retry", () -> "2s");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PipelineManagement pipeline;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Announcements announcements;

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aStagePassSendsExactlyOneMessageInTheOrganizationsLanguage() throws Exception {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String email = "pass-" + UUID.randomUUID() + "@example.com";
        String applicationId = apply(recruiter, "정우진", email);

        List<MimeMessage> receipt = arrived(email, 1);
        assertThat(receipt.get(0).getSubject()).contains("지원이 접수되었습니다");
        assertThat(GreenMailUtil.getBody(receipt.get(0))).isNotBlank();

        var moved = recruiter.post("/api/v1/applications/" + applicationId + "/transitions",
                Map.of("action", "ADVANCE", "version", 0));
        assertThat(moved.status()).isEqualTo(200);

        List<MimeMessage> both = arrived(email, 2);
        MimeMessage passed = both.stream().filter(m -> subject(m).contains("서류전형")).findFirst().orElseThrow();
        assertThat(subject(passed)).contains("서류전형 결과 안내");
        assertThat(plainText(passed.getContent())).contains("정우진님").contains("과제전형");
        assertThat(GreenMailUtil.getWholeMessage(passed)).contains("Content-Language: ko");

        // the mail server has it a moment before the dispatcher records it as sent
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var items = recruiter.get("/api/v1/messages?applicationId=" + applicationId).json().path("items");
            assertThat(items).hasSize(2);
            for (var message : items) {
                assertThat(message.path("status").asString()).isEqualTo("SENT");
                assertThat(message.path("transport").asString()).isEqualTo("SMTP");
            }
        });
        var stored = recruiter.get("/api/v1/messages?applicationId=" + applicationId).json().path("items");
        String storedId = stored.get(0).path("event").asString().equals("STAGE_PASSED")
                ? stored.get(0).path("messageId").asString() : stored.get(1).path("messageId").asString();
        assertThat(passed.getMessageID()).isEqualTo(storedId);

        // and nothing more comes later
        Thread.sleep(1500);
        assertThat(to(email)).hasSize(2);
    }

    @Test
    void aRolledBackMoveSendsNothing() throws Exception {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String email = "rollback-" + UUID.randomUUID() + "@example.com";
        String applicationId = apply(recruiter, "Rolled Back", email);
        arrived(email, 1);
        Actor actor = actor(tenant);

        try {
            transactions.executeWithoutResult(status -> {
                pipeline.transition(actor, new JobApplicationId(UUID.fromString(applicationId)),
                        new Transition(TransitionAction.ADVANCE, null, null, null, 0L));
                throw new IllegalStateException("something after the move failed");
            });
        } catch (IllegalStateException expected) {
            // the whole transaction, move and message, is rolled back
        }

        assertThat(jdbc.sql("select count(*) from outbound_message where application_id = ?")
                .param(UUID.fromString(applicationId)).query(Long.class).single()).isEqualTo(1);
        assertThat(recruiter.get("/api/v1/applications/" + applicationId).json().path("version").asLong())
                .isZero();
        Thread.sleep(1500);
        assertThat(to(email)).hasSize(1);
    }

    @Test
    void withTheMailServerDownMovesSucceedAndTheirMessagesArriveOnceItIsBack() throws Exception {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String email = "down-" + UUID.randomUUID() + "@example.com";
        String applicationId = apply(recruiter, "Server Down", email);
        arrived(email, 1);

        smtp.stop();
        try {
            var moved = recruiter.post("/api/v1/applications/" + applicationId + "/transitions",
                    Map.of("action", "ADVANCE", "version", 0));
            assertThat(moved.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                var message = recruiter.get("/api/v1/messages?applicationId=" + applicationId + "&status=DEFERRED")
                        .json().path("items");
                assertThat(message).hasSize(1);
                assertThat(message.get(0).path("lastError").asString()).isNotBlank();
                assertThat(message.get(0).path("attempts").asInt()).isGreaterThanOrEqualTo(1);
            });
        } finally {
            smtp = TestNodes.smtp(SMTP_PORT);
        }

        List<MimeMessage> arrived = arrived(email, 1);
        assertThat(subject(arrived.get(0))).contains("서류전형 결과 안내");
        Thread.sleep(1500);
        assertThat(to(email)).hasSize(1);
        var messages = recruiter.get("/api/v1/messages?applicationId=" + applicationId).json().path("items");
        assertThat(messages).allSatisfy(message -> assertThat(message.path("status").asString()).isEqualTo("SENT"));
    }

    @Test
    void aScheduledMessageGoesAtItsMinuteAndACancelledOneNever() throws Exception {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String email = "scheduled-" + UUID.randomUUID() + "@example.com";
        String applicationId = apply(recruiter, "Scheduled", email);
        arrived(email, 1);
        Instant minute = Instant.now().plusSeconds(65).truncatedTo(ChronoUnit.MINUTES);
        var kept = recruiter.post("/api/v1/messages", Map.of("applicationId", applicationId, "subject", "약속한 안내",
                "body", "{{candidateName}}님, 약속한 시각의 안내입니다.", "sendAt", minute.toString()));
        var cancelled = recruiter.post("/api/v1/messages", Map.of("applicationId", applicationId, "subject",
                "취소될 안내", "body", "보내지 않습니다.", "sendAt", minute.toString()));
        assertThat(kept.status()).isEqualTo(201);
        assertThat(kept.json().path("status").asString()).isEqualTo("QUEUED");
        assertThat(recruiter.delete("/api/v1/messages/" + cancelled.text("id")).json().path("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(recruiter.delete("/api/v1/messages/" + cancelled.text("id")).status())
                .as("cancelling twice is refused").isEqualTo(409);
        assertThat(to(email)).hasSize(1);

        await().atMost(Duration.ofSeconds(100)).until(() -> to(email).size() >= 2);
        MimeMessage scheduled = to(email).get(1);
        assertThat(subject(scheduled)).isEqualTo("약속한 안내");
        assertThat(Instant.now()).isAfterOrEqualTo(minute).isBefore(minute.plusSeconds(60));
        Thread.sleep(1500);
        assertThat(to(email)).extracting(MessageDeliveryTests::subject).doesNotContain("취소될 안내").hasSize(2);
        assertThat(recruiter.get("/api/v1/messages/" + cancelled.text("id")).json().path("status").asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void anUnknownTemplateVariableIsRefusedWithItsName() {
        Tenant tenant = organizations.create();
        var refused = tenant.admin().put("/api/v1/message-templates/STAGE_PASSED/ko", Map.of(
                "subject", "{{jobTitle}} 결과", "body", "{{candidateName}}님, {{interviewDate}}에 뵙겠습니다."));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("interviewDate").contains("body");

        var saved = tenant.admin().put("/api/v1/message-templates/STAGE_PASSED/ko", Map.of(
                "subject", "{{jobTitle}} 결과", "body", "{{candidateName}}님, 다음 단계는 {{nextStageName}}입니다."));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("custom").asBoolean()).isTrue();
    }

    @Test
    void anAnnouncementTellsEveryCandidateTheirResultOnce() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var job = decidedStage(recruiter, tag);
        String jobId = job.text("id");
        String screening = job.json().path("stages").get(0).path("id").asString();

        var preview = recruiter.post("/api/v1/announcements/preview", Map.of("jobId", jobId, "stageId", screening,
                "passEvent", "STAGE_PASSED", "failEvent", "REJECTED"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().path("passing").asInt()).isEqualTo(20);
        assertThat(preview.json().path("failing").asInt()).isEqualTo(10);
        assertThat(preview.json().path("pass").path("subject").asString()).contains("서류전형 결과 안내");
        assertThat(preview.json().path("fail").path("text").asString()).contains("지원자");

        var started = recruiter.post("/api/v1/announcements", Map.of("jobId", jobId, "stageId", screening,
                "passEvent", "STAGE_PASSED", "failEvent", "REJECTED"));
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.json().path("total").asInt()).isEqualTo(30);
        String announcement = started.text("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> recruiter.get("/api/v1/announcements/" + announcement)
                .json().path("progress").path("sent").asInt() == 30);
        for (int i = 0; i < 30; i++) {
            String email = "result-" + tag + "-" + i + "@example.com";
            List<MimeMessage> results = to(email).stream()
                    .filter(message -> subject(message).contains("결과 안내")).toList();
            assertThat(results).as(email).hasSize(1);
            if (i < 20) {
                assertThat(subject(results.get(0))).contains("서류전형 결과 안내");
            } else {
                assertThat(subject(results.get(0))).contains("Announced 전형 결과 안내").doesNotContain("서류전형");
            }
        }

        var again = recruiter.post("/api/v1/announcements", Map.of("jobId", jobId, "stageId", screening,
                "passEvent", "STAGE_PASSED", "failEvent", "REJECTED"));
        assertThat(again.json().path("total").asInt()).isZero();
        assertThat(again.json().path("skipped").asInt()).isEqualTo(30);
    }

    @Test
    void anAnnouncementWhoseWriterDiedIsFinishedOnceByAnotherNode() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var job = decidedStage(recruiter, tag);
        UUID jobId = UUID.fromString(job.text("id"));
        UUID screening = UUID.fromString(job.json().path("stages").get(0).path("id").asString());
        UUID organization = UUID.fromString(tenant.id());
        // what a node leaves behind when it dies after its first chunk: the announcement, its lease run out, and
        // the messages of the first ten candidates
        UUID announcement = UUID.randomUUID();
        jdbc.sql("""
                insert into announcement (id, organization_id, job_id, stage_id, pass_event, fail_event, send_at,
                    total, passed, failed, skipped, created_at, created_by_name, written, written_passed,
                    writing_until)
                values (?, ?, ?, ?, 'STAGE_PASSED', 'REJECTED', now(), 30, 20, 10, 0, now(), 'Recruiter', 10, 10,
                    now() - interval '1 minute')""")
                .params(announcement, organization, jobId, screening).update();
        List<UUID> applications = jdbc.sql("""
                select a.id from job_application a join candidate c on c.id = a.candidate_id
                where a.job_id = ? order by c.name""").param(jobId).query(UUID.class).list();
        for (UUID application : applications.subList(0, 10)) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into outbound_message (id, organization_id, application_id, candidate_id, stage_id, event,
                        language, recipient, recipient_name, subject, body_text, body_html, idempotency_key,
                        message_id, status, send_at, next_attempt_at, created_at, announcement_id)
                    select ?, a.organization_id, a.id, a.candidate_id, ?, 'STAGE_PASSED', 'ko', c.email, c.name,
                        '첫 묶음 결과 안내', 'text', '<p>html</p>', ?, ?, 'QUEUED', now(), now(), now(), ?
                    from job_application a join candidate c on c.id = a.candidate_id
                    where a.id = ?""")
                    .params(id, screening, Announcements.resultKey(screening, application),
                            "<" + id + "@hireflow.local>", announcement, application)
                    .update();
        }

        announcements.resumeStalled();
        announcements.resumeStalled();

        var finished = recruiter.get("/api/v1/announcements/" + announcement).json();
        assertThat(finished.path("writing").asBoolean()).isFalse();
        assertThat(finished.path("total").asInt()).isEqualTo(30);
        assertThat(finished.path("passed").asInt()).isEqualTo(20);
        assertThat(finished.path("failed").asInt()).isEqualTo(10);
        await().atMost(Duration.ofSeconds(20)).until(() -> recruiter.get("/api/v1/announcements/" + announcement)
                .json().path("progress").path("sent").asInt() == 30);
        for (int i = 0; i < 30; i++) {
            String email = "result-" + tag + "-" + i + "@example.com";
            assertThat(to(email).stream().filter(message -> subject(message).contains("결과 안내")).toList())
                    .as(email).hasSize(1);
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A job whose first stage has 30 results, decided in bulk: 20 passed, 10 rejected (result-TAG-i@example.com). */
    private ApiClient.Response decidedStage(ApiClient recruiter, String tag) {
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "Announced", "employmentType", "FULL_TIME"));
        String jobId = job.text("id");
        String screening = job.json().path("stages").get(0).path("id").asString();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(recruiter.post("/api/v1/applications", Map.of("jobId", jobId, "candidate",
                    Map.of("name", "지원자 " + i, "email", "result-" + tag + "-" + i + "@example.com"))).text("id"));
        }
        // decided in bulk: the candidates are told by the announcement, not by the moves
        recruiter.post("/api/v1/applications/bulk-transitions", Map.of("action", "REJECT", "reason", "screened out",
                "applicationIds", ids.subList(20, 30)));
        recruiter.post("/api/v1/applications/bulk-transitions", Map.of("action", "ADVANCE", "jobId", jobId,
                "stageId", screening));
        return job;
    }

    private String apply(ApiClient recruiter, String name, String email) {
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "DevOps Engineer", "employmentType", "FULL_TIME"));
        var application = recruiter.post("/api/v1/applications", Map.of("jobId", job.text("id"),
                "candidate", Map.of("name", name, "email", email)));
        assertThat(application.status()).isEqualTo(201);
        return application.text("id");
    }

    private Actor actor(Tenant tenant) {
        UUID userId = jdbc.sql("select id from staff_user where email = ?").param(tenant.adminEmail())
                .query(UUID.class).single();
        return new Actor(userId, new OrganizationId(UUID.fromString(tenant.id())), "Admin", java.util.Set.of(
                Role.ADMIN), java.time.ZoneId.of("Asia/Seoul"));
    }

    private static List<MimeMessage> arrived(String email, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> to(email).size() >= count);
        return to(email);
    }

    private static List<MimeMessage> to(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(email));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every text part (plain and HTML), decoded. */
    private static String plainText(Object content) throws Exception {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(plainText(multipart.getBodyPart(i).getContent()));
            }
            return all.toString();
        }
        return "";
    }

}
