package io.hireflow.shared.database;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts an embedded PostgreSQL and makes it the application's {@link DataSource} when no
 * {@code spring.datasource.url} is configured. Boot's own DataSource configuration then backs off.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(EmbeddedPostgres.class)
@Conditional(NoDataSourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServers.Lease embeddedPostgres(EmbeddedDatabaseProperties properties, Environment environment) {
        Path directory = properties.dataDirectory() != null
                ? properties.dataDirectory()
                : Path.of(environment.getProperty("hireflow.data-dir", "./data"), "postgres");
        return EmbeddedPostgresServers.acquire(directory, properties);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServers.Lease postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.port() + "/postgres");
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded-pg");
        return dataSource;
    }
}
