package io.hireflow.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;

import io.hireflow.ApiClient;
import io.hireflow.TestNodes;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * An assignment's release scheduled for a minute goes out at that minute, over real SMTP, although the application
 * was stopped in between and started again.
 */
class AssignmentReleaseRestartTests {

    private static final Path ROOT = Path.of("target/assignment-restart");
    private static final String ADMIN = "admin@restart.test";
    private static final String PASSWORD = "restart-test-password";

    private GreenMail smtp;
    private int smtpPort;
    private final TestNodes nodes = new TestNodes();

    @BeforeEach
    void startSmtp() {
        smtpPort = TestNodes.freePort();
        smtp = TestNodes.smtp(smtpPort);
    }

    @AfterEach
    void stop() {
        nodes.close();
        smtp.stop();
    }

    @Test
    void aReleaseScheduledForAMinuteGoesAtItsMinuteAfterARestart() {
        String directory = ROOT.resolve("node-" + UUID.randomUUID()).resolve("postgres").toString();
        int port = TestNodes.freePort();
        ConfigurableApplicationContext first = node(directory, port, false);
        ApiClient admin = admin(port);
        var job = admin.post("/api/v1/jobs", Map.of("title", "Platform Engineer", "employmentType", "FULL_TIME"));
        String stage = null;
        for (JsonNode s : job.json().path("stages")) {
            if (s.path("kind").asString().equals("ASSIGNMENT")) {
                stage = s.path("id").asString();
            }
        }
        assertThat(admin.post("/api/v1/jobs/" + job.text("id") + "/assignment-templates", Map.of("stageId", stage,
                "title", "Terraform drift drill", "instructions", "Find the drift.", "resourceUrl",
                "https://github.com/moveon/drift", "durationHours", 72, "submission", "LINK", "latePolicy",
                "REFUSE", "criteria", List.of(Map.of("name", "Diagnosis", "maxScore", 5)))).status())
                .isEqualTo(201);
        var application = admin.post("/api/v1/applications", Map.of("jobId", job.text("id"), "candidate",
                Map.of("name", "Drift Candidate", "email", "drift@example.com")));
        String id = application.text("id");
        assertThat(admin.post("/api/v1/applications/" + id + "/transitions", Map.of("action", "ADVANCE",
                "version", 0)).status()).isEqualTo(200);
        // a minute at least 15 s away, so that the restart comes before it
        Instant minute = Instant.now().plusSeconds(75).truncatedTo(ChronoUnit.MINUTES);
        if (Duration.between(Instant.now(), minute).toSeconds() > 60) {
            minute = minute.minusSeconds(60);
        }
        var scheduled = admin.post("/api/v1/applications/" + id + "/assignment",
                Map.of("releaseAt", minute.toString()));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        nodes.stop(first);
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // started again, with its sender on: the release goes at its minute, once
        ConfigurableApplicationContext again = node(directory, port, true);
        JdbcClient jdbc = again.getBean(JdbcClient.class);
        UUID message = UUID.fromString(scheduled.json().path("messageId").asString());
        await().atMost(Duration.ofSeconds(150)).until(() -> "SENT".equals(jdbc.sql(
                "select status from outbound_message where id = ?").param(message).query(String.class).single()));
        Instant sentAt = jdbc.sql("select sent_at from outbound_message where id = ?").param(message)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(sentAt).isAfterOrEqualTo(minute).isBefore(minute.plusSeconds(60));
        MimeMessage[] received = smtp.getReceivedMessages();
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : received) {
            try {
                subjects.add(mail.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(subjects.stream().filter(subject -> subject.contains("Terraform drift drill"))).hasSize(1);
        assertThat(admin(port).get("/api/v1/applications/" + id + "/assignment").json().path("state").asString())
                .isEqualTo("RELEASED");
    }

    private ApiClient admin(int port) {
        var token = ApiClient.basic(port, ADMIN, PASSWORD).post("/api/v1/tokens", Map.of("name", "restart test"));
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        return ApiClient.bearer(port, token.text("token"));
    }

    private ConfigurableApplicationContext node(String directory, int port, boolean sending) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", String.valueOf(port));
        properties.put("hireflow.embedded-db.data-directory", directory);
        properties.put("hireflow.embedded-db.shared-until-jvm-exit", "false");
        properties.put("hireflow.demo", "false");
        properties.put("hireflow.bootstrap.admin-email", ADMIN);
        properties.put("hireflow.bootstrap.admin-password", PASSWORD);
        properties.put("hireflow.notifications.dispatch", String.valueOf(sending));
        properties.put("hireflow.notifications.poll-interval", "250ms");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(smtpPort));
        properties.put("spring.mail.properties.mail.smtp.starttls.enable", "false");
        return nodes.start(properties);
    }

}
