package io.hireflow;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates fresh organizations and users through the API, as the platform operator would, so every test works in a
 * tenant of its own (and the tests also run against a database that already holds data).
 */
public final class TestOrganizations {

    public static final String OPERATOR_EMAIL = "admin@moveon.example";
    public static final String OPERATOR_PASSWORD = "test-admin-password";
    public static final String PASSWORD = "a-good-password";

    private final int port;

    public TestOrganizations(int port) {
        this.port = port;
    }

    /** An organization with its admin signed in through an API token. */
    public record Tenant(String id, String slug, String adminEmail, ApiClient admin, TestOrganizations organizations) {

        /** A new user of this organization with the given roles; answers the email (password {@link #PASSWORD}). */
        public String userEmail(String... roles) {
            String email = "user-" + UUID.randomUUID() + "@" + slug + ".test";
            var response = admin.post("/api/v1/users", Map.of("email", email, "name", "User " + roles[0],
                    "password", PASSWORD, "roles", List.of(roles)));
            if (response.status() != 201) {
                throw new IllegalStateException("could not create user: " + response);
            }
            return email;
        }

        /** The id of this organization's user with that email, as the admin lists them. */
        public String userId(String email) {
            for (var user : admin.get("/api/v1/users").json()) {
                if (user.path("email").asString().equalsIgnoreCase(email)) {
                    return user.path("id").asString();
                }
            }
            throw new IllegalStateException("no user " + email + " in " + slug);
        }

        /** A new user of this organization with the given roles, signed in through an API token. */
        public ApiClient user(String... roles) {
            return organizations.signIn(userEmail(roles), PASSWORD);
        }
    }

    public ApiClient operator() {
        return signIn(OPERATOR_EMAIL, OPERATOR_PASSWORD);
    }

    public Tenant create() {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 13);
        String adminEmail = "admin@" + slug + ".test";
        var response = operator().post("/api/v1/organizations", Map.of("name", "Test " + slug, "slug", slug,
                "adminEmail", adminEmail, "adminPassword", PASSWORD));
        if (response.status() != 201) {
            throw new IllegalStateException("could not create organization: " + response);
        }
        return new Tenant(response.text("id"), slug, adminEmail, signIn(adminEmail, PASSWORD), this);
    }

    public ApiClient signIn(String email, String password) {
        var response = ApiClient.basic(port, email, password).post("/api/v1/tokens", Map.of("name", "tests"));
        if (response.status() != 201) {
            throw new IllegalStateException("could not create token: " + response);
        }
        return ApiClient.bearer(port, response.text("token"));
    }
}
