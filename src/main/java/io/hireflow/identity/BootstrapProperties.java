package io.hireflow.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first start: who the first admin (and platform operator) is, and the first organization when no demo data is
 * loaded. Without a password one is generated and printed once.
 */
@ConfigurationProperties("hireflow.bootstrap")
record BootstrapProperties(
        @DefaultValue("admin@hireflow.local") String adminEmail,
        String adminPassword,
        @DefaultValue("Administrator") String adminName,
        @DefaultValue("Hireflow") String organizationName,
        @DefaultValue("hireflow") String organizationSlug) {
}
