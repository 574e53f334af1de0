package io.hireflow.shared.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server that Hireflow starts when no {@code spring.datasource.url} is set.
 *
 * @param enabled          {@code false} turns the embedded server off even without a datasource URL
 * @param dataDirectory    where the cluster lives; survives restarts
 * @param cleanOnStart     wipe the cluster once per JVM before starting (tests only)
 * @param sharedUntilJvmExit keep one server per JVM for every Spring context (tests only)
 * @param startupWait      how long to wait for the server to accept connections
 * @param port             the server's port; 0 picks a free one
 */
@ConfigurationProperties("hireflow.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("true") boolean enabled,
        Path dataDirectory,
        @DefaultValue("false") boolean cleanOnStart,
        @DefaultValue("false") boolean sharedUntilJvmExit,
        @DefaultValue("30s") Duration startupWait,
        @DefaultValue("0") int port) {
}
