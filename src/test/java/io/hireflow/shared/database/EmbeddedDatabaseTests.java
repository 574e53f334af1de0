package io.hireflow.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The embedded PostgreSQL: durable settings, data that survives a restart and a kill -9 of the JVM, and no embedded
 * server at all when an external database is configured.
 */
class EmbeddedDatabaseTests {

    private static final Path ROOT = Path.of("target/embedded-pg-lifecycle");

    @Test
    void keepsWhatItAcceptedAcrossARestartWithDurableSettings() throws Exception {
        Path directory = fresh("restart");
        try (var lease = EmbeddedPostgresServers.acquire(directory, properties())) {
            try (Connection connection = connect(lease.port())) {
                assertThat(setting(connection, "fsync")).isEqualTo("on");
                assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(connection, "server_version")).startsWith("17.");
                connection.createStatement().execute("create table accepted (what text)");
                connection.createStatement().execute("insert into accepted values ('decision')");
            }
        }
        assertThat(directory.resolve("postmaster.pid")).doesNotExist();
        try (var lease = EmbeddedPostgresServers.acquire(directory, properties());
                Connection connection = connect(lease.port())) {
            assertThat(single(connection, "select what from accepted")).isEqualTo("decision");
        }
    }

    @Test
    void recoversByItselfWhenTheJvmOfAnEarlierRunWasKilled() throws Exception {
        Path directory = fresh("killed");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledServer.class.getName(), directory.toString())
                .redirectErrorStream(true).redirectOutput(ROOT.resolve("killed-child.log").toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        assertThat(child.exitValue()).as(Files.readString(ROOT.resolve("killed-child.log"))).isZero();
        // the orphaned server still runs and holds the data directory
        long orphan = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

        long started = System.nanoTime();
        try (var lease = EmbeddedPostgresServers.acquire(directory, properties());
                Connection connection = connect(lease.port())) {
            assertThat(single(connection, "select what from accepted")).isEqualTo("committed before the kill");
            long running = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
            assertThat(running).as("a new server, not the orphan").isNotEqualTo(orphan);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void startsNoEmbeddedServerWhenAnExternalDatabaseIsConfigured() {
        var runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class));
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/hireflow")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgresServers.Lease.class));
        runner.withPropertyValues("hireflow.embedded-db.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgresServers.Lease.class));
    }

    @Test
    void theApplicationRunsOnTheEmbeddedServerByDefault() {
        assumeTrue(System.getenv("SPRING_DATASOURCE_URL") == null, "an external database is configured");
        var condition = new NoDataSourceUrlCondition();
        var environment = new org.springframework.mock.env.MockEnvironment();
        var context = org.mockito.Mockito.mock(org.springframework.context.annotation.ConditionContext.class);
        org.mockito.Mockito.when(context.getEnvironment()).thenReturn(environment);
        assertThat(condition.matches(context, null)).isTrue();
        environment.setProperty("spring.datasource.url", "jdbc:postgresql://elsewhere/db");
        assertThat(condition.matches(context, null)).isFalse();
    }

    static EmbeddedDatabaseProperties properties() {
        return new EmbeddedDatabaseProperties(true, null, false, false, Duration.ofSeconds(30), 0);
    }

    static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static String setting(Connection connection, String name) throws SQLException {
        return single(connection, "show " + name);
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static Path fresh(String name) throws IOException {
        Path directory = ROOT.resolve(name).resolve("postgres");
        if (Files.exists(directory)) {
            StalePostmaster.stopIfRunning(directory);
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(directory);
        return directory;
    }

    /** A JVM that starts the server, commits a row and dies without running any shutdown hook, like kill -9. */
    public static final class KilledServer {

        public static void main(String[] args) throws Exception {
            var lease = EmbeddedPostgresServers.acquire(Path.of(args[0]), properties());
            try (Connection connection = connect(lease.port())) {
                connection.createStatement().execute("create table accepted (what text)");
                connection.createStatement().execute("insert into accepted values ('committed before the kill')");
            }
            Runtime.getRuntime().halt(0);
        }
    }
}
