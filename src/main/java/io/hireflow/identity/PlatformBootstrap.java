package io.hireflow.identity;

import java.security.SecureRandom;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import io.hireflow.shared.DemoMode;

/**
 * Creates the first organization and its admin (who is also the platform operator) on an empty database. With demo
 * data requested, the demo module does this itself, for its own first organization, through {@link #initialize}.
 */
@Component
@Order(0)
public class PlatformBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlatformBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final IdentityManagement identity;
    private final BootstrapProperties properties;
    private final Environment environment;

    PlatformBootstrap(IdentityManagement identity, BootstrapProperties properties, Environment environment) {
        this.identity = identity;
        this.properties = properties;
        this.environment = environment;
    }

    /** The first admin's credentials, for seeding further users in demo data. */
    public record FirstAdmin(OrganizationView organization, String email, String password) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.requested(environment)) {
            initialize(properties.organizationName(), properties.organizationSlug(), "ko");
        }
    }

    /** Creates the first organization and admin unless the platform already has an organization. */
    @Transactional
    public Optional<FirstAdmin> initialize(String organizationName, String slug, String defaultLocale) {
        if (!identity.platformIsEmpty()) {
            return Optional.empty();
        }
        boolean generated = !StringUtils.hasText(properties.adminPassword());
        String password = generated ? generatePassword() : properties.adminPassword();
        return identity.initializePlatform(organizationName, slug, properties.adminEmail(), properties.adminName(),
                        password, defaultLocale)
                .map(organization -> {
                    if (generated) {
                        log.warn("""

                                ==============================================================
                                 First start: sign in as {} with the password
                                     {}
                                 It is shown this once. Set HIREFLOW_ADMIN_EMAIL and
                                 HIREFLOW_ADMIN_PASSWORD to choose them yourself.
                                ==============================================================""",
                                properties.adminEmail(), password);
                    } else {
                        log.info("First start: created organization {} with admin {}", organization.slug(),
                                properties.adminEmail());
                    }
                    return new FirstAdmin(organization, properties.adminEmail(), password);
                });
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
