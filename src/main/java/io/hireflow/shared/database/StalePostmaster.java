package io.hireflow.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers a data directory whose PostgreSQL server outlived the JVM that started it.
 *
 * <p>The postmaster is daemonised by {@code pg_ctl}, so a {@code kill -9} of the JVM leaves it running and holding
 * {@code postmaster.pid}; the next start would then fail after its whole start-up wait. Before starting, we stop such
 * an orphan with a fast shutdown (SIGINT), or remove a lock file whose PID now belongs to another process.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            lines = Files.readAllLines(pidFile);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + pidFile, e);
        }
        if (lines.size() < 2) {
            deleteQuietly(pidFile);
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("Found postmaster.pid of PID {} that is no longer running; PostgreSQL will recover", pid);
            return;
        }
        ProcessHandle handle = process.get();
        if (!isOurPostmaster(handle, lines.get(1).trim(), dataDirectory)) {
            log.warn("postmaster.pid names PID {}, which is now another process; removing the stale lock file", pid);
            deleteQuietly(pidFile);
            return;
        }
        log.warn("Found orphaned PostgreSQL server (PID {}) on {}; stopping it", pid, dataDirectory);
        long started = System.nanoTime();
        signalFastShutdown(handle);
        if (!awaitStop(handle, pidFile)) {
            log.warn("PostgreSQL PID {} did not stop within {}; killing it", pid, STOP_TIMEOUT);
            handle.destroyForcibly();
            awaitStop(handle, pidFile);
        }
        log.info("Orphaned PostgreSQL server stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean isOurPostmaster(ProcessHandle handle, String recordedDirectory, Path dataDirectory) {
        String command = handle.info().command()
                .orElseThrow(() -> new IllegalStateException("Cannot tell which program PID " + handle.pid()
                        + " runs; stop it or remove postmaster.pid in " + dataDirectory + " by hand"));
        if (!command.endsWith("/postgres")) {
            return false;
        }
        try {
            return Path.of(recordedDirectory).toRealPath().equals(dataDirectory.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static void signalFastShutdown(ProcessHandle handle) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(handle.pid())).inheritIO().start();
            if (kill.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            log.debug("kill -INT failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handle.destroy();
    }

    /** Waits for the lock file: the postmaster removes it last, and a zombie may look alive for a while. */
    private static boolean awaitStop(ProcessHandle handle, Path pidFile) {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!Files.exists(pidFile) || !handle.isAlive()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot remove " + file, e);
        }
    }
}
