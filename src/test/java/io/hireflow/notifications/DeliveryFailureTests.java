package io.hireflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;

import io.hireflow.ApiClient;
import io.hireflow.TestNodes;
import io.hireflow.HireflowApplication;
import io.hireflow.TestOrganizations;

/**
 * Nothing lost and nothing doubled when things go wrong: a scheduled message survives a restart and goes out at its
 * minute; two application nodes on one database send a shared backlog once; and a node killed in the middle of a
 * 2,000-message announcement leaves every candidate to be told once it is back, any duplicate carrying the same
 * Message-ID and no more duplicates than messages were in flight at the kill.
 */
class DeliveryFailureTests {

    private static final Path ROOT = Path.of("target/delivery-failures");

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
    void aScheduledMessageSurvivesARestartAndTwoNodesSendABacklogOnce() throws Exception {
        String directory = ROOT.resolve("two-nodes-" + UUID.randomUUID()).resolve("postgres").toString();
        ConfigurableApplicationContext first = node(directory, "first@hireflow.test");
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        UUID organization = jdbc.sql("select id from organization limit 1").query(UUID.class).single();

        // a message for a minute at least 15 s away, written while only the first node runs
        Instant minute = Instant.now().plusSeconds(75).truncatedTo(ChronoUnit.MINUTES);
        if (Duration.between(Instant.now(), minute).toSeconds() > 60) {
            minute = minute.minusSeconds(60);
        }
        insert(jdbc, organization, "scheduled@example.com", "scheduled", minute);
        nodes.stop(first);

        // the restart: two nodes on the same database, with a backlog due the moment they are both up
        ConfigurableApplicationContext a = node(directory, "node-a@hireflow.test");
        ConfigurableApplicationContext b = node(directory, "node-b@hireflow.test");
        JdbcClient shared = a.getBean(JdbcClient.class);
        Instant due = Instant.now().plusSeconds(2);
        for (int i = 0; i < 400; i++) {
            insert(shared, organization, "backlog-" + i + "@example.com", "backlog-" + i, due);
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> shared.sql(
                "select count(*) from outbound_message where status = 'SENT'").query(Long.class).single() == 401);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(401);
        Map<String, Integer> byMessageId = new HashMap<>();
        Map<String, Integer> byNode = new HashMap<>();
        for (MimeMessage message : received) {
            byMessageId.merge(message.getMessageID(), 1, Integer::sum);
            byNode.merge(message.getFrom()[0].toString(), 1, Integer::sum);
        }
        assertThat(byMessageId).hasSize(401).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        assertThat(byNode.keySet()).as("both nodes sent part of the backlog")
                .containsExactlyInAnyOrder("node-a@hireflow.test", "node-b@hireflow.test");

        Instant sentAt = shared.sql("select sent_at from outbound_message where idempotency_key = 'scheduled'")
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(sentAt).isAfterOrEqualTo(minute).isBefore(minute.plusSeconds(60));
    }

    @Test
    void aNodeKilledInTheMiddleOfAnAnnouncementLosesNothing() throws Exception {
        Path directory = ROOT.resolve("killed-" + UUID.randomUUID());
        int port = TestNodes.freePort();
        Process node = start(directory, port, "killed");
        ApiClient admin = connect(port);
        var job = admin.post("/api/v1/jobs", Map.of("title", "Announced under fire", "employmentType", "FULL_TIME"));
        String stage = job.json().path("stages").get(0).path("id").asString();
        int pgPort = postgresPort(directory);
        try (Connection db = database(pgPort)) {
            rejected(db, job.text("id"), stage, 2000);
        }
        var started = admin.post("/api/v1/announcements", Map.of("jobId", job.text("id"), "stageId", stage,
                "failEvent", "REJECTED"));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().path("total").asInt()).isEqualTo(2000);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> smtp.getReceivedMessages().length >= 300);
        node.destroyForcibly();
        node.waitFor(30, TimeUnit.SECONDS);
        long inFlight;
        try (Connection db = database(pgPort)) {
            inFlight = count(db, "select count(*) from outbound_message where status = 'SENDING'");
        }
        int beforeRestart = smtp.getReceivedMessages().length;
        assertThat(beforeRestart).as("killed in the middle").isLessThan(2000);

        Process restarted = start(directory, port, "restarted");
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                try (Connection db = database(postgresPort(directory))) {
                    return count(db, "select count(*) from outbound_message where status = 'SENT'") == 2000;
                } catch (SQLException | IOException notYet) {
                    return false;
                }
            });
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
        Map<String, List<String>> idsByRecipient = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            idsByRecipient.computeIfAbsent(message.getAllRecipients()[0].toString(), key -> new ArrayList<>())
                    .add(message.getMessageID());
        }
        assertThat(idsByRecipient).as("every candidate told").hasSize(2000);
        long duplicates = idsByRecipient.values().stream().mapToLong(ids -> ids.size() - 1).sum();
        assertThat(idsByRecipient.values()).allSatisfy(ids -> assertThat(ids.stream().distinct()).hasSize(1));
        assertThat(duplicates).as("no more duplicates than were in flight (%d)", inFlight)
                .isLessThanOrEqualTo(inFlight);
        Files.writeString(ROOT.resolve("killed-announcement.txt"), "sent before the kill: " + beforeRestart
                + "\nin flight at the kill: " + inFlight + "\nduplicates: " + duplicates + "\n");
    }

    // --- nodes -------------------------------------------------------------------------------------------------

    private ConfigurableApplicationContext node(String directory, String from) {
        return nodes.start(nodeProperties(directory, from));
    }

    private Map<String, Object> nodeProperties(String directory, String from) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("hireflow.embedded-db.data-directory", directory);
        properties.put("hireflow.embedded-db.shared-until-jvm-exit", "false");
        properties.put("hireflow.demo", "false");
        properties.put("hireflow.notifications.dispatch", "true");
        properties.put("hireflow.notifications.poll-interval", "250ms");
        properties.put("hireflow.notifications.batch-size", "20");
        properties.put("hireflow.notifications.from", from);
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(smtpPort));
        properties.put("spring.mail.properties.mail.smtp.starttls.enable", "false");
        return properties;
    }

    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
    }

    /** The application in a JVM of its own, so that it can be killed like a crashed server. */
    private Process start(Path directory, int port, String name) throws IOException {
        Files.createDirectories(directory);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                HireflowApplication.class.getName()));
        Map<String, Object> properties = nodeProperties(directory.resolve("postgres").toString(),
                "hireflow@hireflow.test");
        properties.put("server.port", String.valueOf(port));
        properties.put("hireflow.embedded-db.clean-on-start", "false");
        properties.put("hireflow.notifications.batch-size", "50");
        properties.put("hireflow.notifications.lease", "5s");
        command.addAll(List.of(arguments(properties)));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve(name + ".log").toFile()).start();
    }

    private static ApiClient connect(int port) {
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> ApiClient.anonymous(port).get("/actuator/health").status() == 200);
        return new TestOrganizations(port).signIn(TestOrganizations.OPERATOR_EMAIL,
                TestOrganizations.OPERATOR_PASSWORD);
    }

    private static int postgresPort(Path directory) throws IOException {
        return Integer.parseInt(Files.readAllLines(directory.resolve("postgres").resolve("postmaster.pid")).get(3)
                .strip());
    }

    private static Connection database(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    // --- data --------------------------------------------------------------------------------------------------

    private static void insert(JdbcClient jdbc, UUID organization, String recipient, String key, Instant sendAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into outbound_message (id, organization_id, event, language, recipient, recipient_name,
                    subject, body_text, body_html, idempotency_key, message_id, status, send_at, next_attempt_at,
                    created_at)
                values (?, ?, 'FREE_FORM', 'ko', ?, '지원자', '안내', '본문', '<p>본문</p>', ?, ?, 'QUEUED', ?, ?, now())""")
                .params(id, organization, recipient, key, "<" + id + "@hireflow.test>",
                        java.sql.Timestamp.from(sendAt), java.sql.Timestamp.from(sendAt))
                .update();
    }

    /** Applications rejected in the given stage, straight into the database, each with its candidate. */
    private static void rejected(Connection db, String jobId, String stageId, int n) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("""
                    create temp table gen as select i, gen_random_uuid() as candidate, gen_random_uuid() as id,
                        (select organization_id from job where id = '%s') as org
                    from generate_series(1, %d) i""".formatted(jobId, n));
            sql.execute("""
                    insert into candidate (id, organization_id, name, email, created_at, updated_at)
                    select candidate, org, '지원자 ' || i, 'killed-' || i || '@example.com', now(), now() from gen""");
            sql.execute("""
                    insert into job_application (id, organization_id, job_id, candidate_id, candidate_name, stage_id,
                        status, applied_at, stage_entered_at, updated_at)
                    select id, org, '%s', candidate, '지원자 ' || i, '%s', 'REJECTED', now(), now(), now()
                    from gen""".formatted(jobId, stageId));
        }
    }

    private static long count(Connection db, String query) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
