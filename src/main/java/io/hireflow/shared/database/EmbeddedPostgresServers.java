package io.hireflow.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL server per data directory per JVM, shared by every Spring context that asks for it.
 *
 * <p>In production there is one context: closing its lease stops the server. Tests start many contexts in one JVM;
 * with {@code sharedUntilJvmExit} the server stays up until the JVM exits, after the contexts have let go of it.
 */
final class EmbeddedPostgresServers {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServers.class);
    private static final Map<Path, Server> servers = new HashMap<>();
    private static final Set<Path> cleaned = new HashSet<>();

    private EmbeddedPostgresServers() {
    }

    static synchronized Lease acquire(Path dataDirectory, EmbeddedDatabaseProperties properties) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Server server = servers.get(directory);
        if (server == null) {
            server = new Server(directory, start(directory, properties), properties.sharedUntilJvmExit());
            servers.put(directory, server);
            if (server.untilJvmExit) {
                Server shared = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopWhenReleased(shared), "embedded-pg-stop"));
            }
        }
        server.leases++;
        return new Lease(server);
    }

    private static EmbeddedPostgres start(Path directory, EmbeddedDatabaseProperties properties) {
        try {
            if (properties.cleanOnStart() && cleaned.add(directory)) {
                deleteRecursively(directory);
            }
            Files.createDirectories(directory);
            StalePostmaster.stopIfRunning(directory);
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.toFile())
                    // binaries live beside the data, not in /tmp where a cleaner could remove them from a running server
                    .setOverrideWorkingDirectory(directory.resolveSibling("postgres-runtime").toFile())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(properties.startupWait())
                    .setPort(properties.port())
                    // zonky is made for tests and turns durability off; Hireflow keeps what it accepted
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    // every apply writes its files (some 200 KB) through the WAL: room for a burst of them in the WAL
                    // buffers and between checkpoints, and more of the working set in PostgreSQL's own cache
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("wal_buffers", "32MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .start();
            log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", postgres.getPort(), directory,
                    (System.nanoTime() - started) / 1_000_000);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + directory, e);
        }
    }

    private static synchronized void release(Server server) {
        server.leases--;
        if (server.leases == 0 && !server.untilJvmExit) {
            stop(server);
        }
        EmbeddedPostgresServers.class.notifyAll();
    }

    private static synchronized void stopWhenReleased(Server server) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (server.leases > 0 && System.nanoTime() < deadline) {
            try {
                EmbeddedPostgresServers.class.wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop(server);
    }

    private static void stop(Server server) {
        if (servers.remove(server.directory) == null) {
            return;
        }
        try {
            server.postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL in {} did not stop cleanly", server.directory, e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        StalePostmaster.stopIfRunning(directory);
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static final class Server {
        final Path directory;
        final EmbeddedPostgres postgres;
        final boolean untilJvmExit;
        int leases;

        Server(Path directory, EmbeddedPostgres postgres, boolean untilJvmExit) {
            this.directory = directory;
            this.postgres = postgres;
            this.untilJvmExit = untilJvmExit;
        }
    }

    /** A context's hold on a running server; closing it lets the server stop. */
    static final class Lease implements AutoCloseable {
        private final Server server;
        private boolean closed;

        private Lease(Server server) {
            this.server = server;
        }

        int port() {
            return server.postgres.getPort();
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                release(server);
            }
        }
    }
}
