package io.hireflow.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;

import io.hireflow.ApiClient;
import io.hireflow.TestNodes;
import io.hireflow.WebSession;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * Over real SMTP, on a node of its own with its sender and its promise watch running as configured by default: the
 * reviewers get an email linking to the application page (at the configured public address) when the candidate hands
 * the assignment in through the portal, and the recruiters are alerted within seconds when a release has not gone a
 * minute after its time.
 */
class AssignmentMailTests {

    private static final Path ROOT = Path.of("target/assignment-mail");
    private static final String ADMIN = "admin@assignment-mail.test";
    private static final String PASSWORD = "assignment-mail-password";
    /** The default quick look runs every 5 s; what is allowed on top for the look itself on a busy machine. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String PUBLIC_URL = "https://hireflow.example.com";
    private static final Pattern SIGN_IN = Pattern.compile("/portal/sign-in/([A-Za-z0-9_-]{20,})");

    private static final TestNodes nodes = new TestNodes();
    private static GreenMail smtp;
    private static ConfigurableApplicationContext node;
    private static JdbcClient jdbc;
    private static int port;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        int smtpPort = TestNodes.freePort();
        smtp = TestNodes.smtp(smtpPort);
        port = TestNodes.freePort();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", String.valueOf(port));
        properties.put("hireflow.embedded-db.data-directory",
                ROOT.resolve("node-" + UUID.randomUUID()).resolve("postgres").toString());
        properties.put("hireflow.embedded-db.shared-until-jvm-exit", "false");
        properties.put("hireflow.demo", "false");
        properties.put("hireflow.bootstrap.admin-email", ADMIN);
        properties.put("hireflow.bootstrap.admin-password", PASSWORD);
        properties.put("hireflow.notifications.dispatch", "true");
        properties.put("hireflow.notifications.poll-interval", "250ms");
        // the watch as it runs in production: its default intervals
        properties.put("hireflow.notifications.watch", "true");
        // links in the emails a candidate's request writes go to the configured address, not to the request's Host
        properties.put("hireflow.public-url", PUBLIC_URL + "/");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(smtpPort));
        properties.put("spring.mail.properties.mail.smtp.starttls.enable", "false");
        node = nodes.start(properties);
        jdbc = node.getBean(JdbcClient.class);
        var token = ApiClient.basic(port, ADMIN, PASSWORD).post("/api/v1/tokens", Map.of("name", "mail test"));
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        admin = ApiClient.bearer(port, token.text("token"));
    }

    @AfterAll
    static void stop() {
        nodes.close();
        smtp.stop();
    }

    @Test
    void theReviewersAreEmailedWhenTheCandidateHandsIn() {
        String reviewer = "reviewer-" + UUID.randomUUID() + "@assignment-mail.test";
        var created = admin.post("/api/v1/users", Map.of("email", reviewer, "name", "Reviewer Kang", "password",
                "a-good-password", "roles", List.of("INTERVIEWER")));
        assertThat(created.status()).isEqualTo(201);
        String reviewerId = created.text("id");
        String jobId = AssignmentFixtures.job(admin, "Mail drill", "LINK", "REFUSE", List.of(reviewerId));
        String candidateEmail = "handin-" + UUID.randomUUID() + "@example.com";
        String id = AssignmentFixtures.inAssignmentStage(admin, jobId, "Yoon Handin", candidateEmail);
        var scheduled = admin.post("/api/v1/applications/" + id + "/assignment", Map.of());
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        UUID release = UUID.fromString(scheduled.json().path("messageId").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(release)));

        // the candidate signs in to the portal with the link emailed to them, and hands the assignment in
        WebSession candidate = new WebSession(port);
        candidate.get("/portal");
        candidate.post("/portal/sign-in", Map.of("email", candidateEmail));
        String signIn = await().atMost(Duration.ofSeconds(30)).until(() -> received(candidateEmail)
                .map(AssignmentMailTests::text).filter(text -> text.contains("/portal/sign-in/")),
                Optional::isPresent).orElseThrow();
        assertThat(signIn).contains(PUBLIC_URL + "/portal/sign-in/");
        Matcher token = SIGN_IN.matcher(signIn);
        assertThat(token.find()).isTrue();
        candidate.get("/portal/sign-in/" + token.group(1));
        assertThat(candidate.post("/portal/sign-in/" + token.group(1), Map.of()).statusCode()).isEqualTo(302);
        candidate.get("/portal");
        candidate.post("/portal/applications/" + id + "/assignment", Map.of("link", "https://github.com/yoon/drill"));

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> received(reviewer),
                Optional::isPresent).orElseThrow();
        assertThat(subject(mail)).contains("Yoon Handin").contains("Mail drill drill");
        assertThat(text(mail)).contains(PUBLIC_URL + "/applications/" + id);
        JsonNode handedIn = admin.get("/api/v1/applications/" + id + "/assignment").json();
        assertThat(handedIn.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(handedIn.path("submissionLink").asString()).isEqualTo("https://github.com/yoon/drill");
    }

    @Test
    void aReleaseNotGoneAMinuteAfterItsTimeIsAlertedWithinSeconds() {
        String jobId = AssignmentFixtures.job(admin, "Alert drill", "LINK", "REFUSE", List.of());
        String id = AssignmentFixtures.inAssignmentStage(admin, jobId, "Jung Waiting",
                "waiting-" + UUID.randomUUID() + "@example.com");
        Instant later = Instant.now().plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MINUTES);
        var scheduled = admin.post("/api/v1/applications/" + id + "/assignment", Map.of("releaseAt",
                later.toString()));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        UUID release = UUID.fromString(scheduled.json().path("messageId").asString());

        // its first attempt failed and the next is an hour away (the mail server said to try later): its minute was
        // 50 s ago, so its minute's grace ends in 10 s
        Instant minute = Instant.now().minusSeconds(50).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("""
                update outbound_message set status = 'DEFERRED', attempts = 1, last_error = '421 try again later',
                    send_at = ?, next_attempt_at = now() + interval '1 hour'
                where id = ?""").params(Timestamp.from(minute), release).update();
        Instant graceEnds = minute.plus(Duration.ofMinutes(1));

        Instant noticed = await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("select noticed_at from missed_promise where key = ?")
                        .param("message/" + release).query(Timestamp.class).optional(), Optional::isPresent)
                .orElseThrow().toInstant();
        assertThat(noticed).as("not before the grace ends").isAfterOrEqualTo(graceEnds);
        assertThat(Duration.between(graceEnds, noticed)).as("alerted within seconds of the grace ending")
                .isLessThanOrEqualTo(BOUND);

        MimeMessage alert = await().atMost(Duration.ofSeconds(15)).until(() -> received(ADMIN).filter(mail ->
                subject(mail).contains("Alert drill")), Optional::isPresent).orElseThrow();
        assertThat(text(alert)).contains("Jung Waiting");
        Instant sent = jdbc.sql("select sent_at from outbound_message where event = 'PROMISE_MISSED' and "
                + "application_id = ?").param(UUID.fromString(id)).query(Timestamp.class).single().toInstant();
        assertThat(Duration.between(graceEnds, sent)).as("and the email on its way as soon")
                .isLessThanOrEqualTo(BOUND.plusSeconds(2));
        assertThat(jdbc.sql("select count(*) from outbound_message where event = 'PROMISE_MISSED' and "
                + "application_id = ?").param(UUID.fromString(id)).query(Integer.class).single())
                .as("once").isEqualTo(1);
    }

    private static String status(UUID message) {
        return jdbc.sql("select status from outbound_message where id = ?").param(message).query(String.class)
                .single();
    }

    private static Optional<MimeMessage> received(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return Arrays.stream(mail.getAllRecipients()).anyMatch(to -> to.toString().contains(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).reduce((first, second) -> second);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    // the plain text part of the message
    private static String text(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (content instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        return (String) part.getContent();
                    }
                }
            }
            return String.valueOf(content);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
