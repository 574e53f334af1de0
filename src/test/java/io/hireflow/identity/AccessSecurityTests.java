package io.hireflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.WebSession;

/** Sign-in, tokens, roles and sessions behave as SECURITY.md requires, on the running application. */
class AccessSecurityTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApiAnswers401WithAProblemWithoutAValidToken() {
        var anonymous = ApiClient.anonymous(port).get("/api/v1/jobs");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.text("detail")).contains("API token");
        assertThat(ApiClient.bearer(port, "hf_not-a-token").get("/api/v1/jobs").status()).isEqualTo(401);
    }

    @Test
    void httpBasicOnlyIssuesTokens() {
        Tenant tenant = organizations.create();
        var basic = ApiClient.basic(port, tenant.adminEmail(), TestOrganizations.PASSWORD);
        assertThat(basic.get("/api/v1/jobs").status()).isEqualTo(401);
        var issued = basic.post("/api/v1/tokens", Map.of("name", "ci"));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.text("token");
        assertThat(token).startsWith("hf_");
        assertThat(ApiClient.bearer(port, token).get("/api/v1/jobs").status()).isEqualTo(200);
        // stored only as a hash: the secret is nowhere in the database
        assertThat(jdbc.sql("select count(*) from api_token where token_prefix = ? and encode(token_hash, 'escape') like ?")
                .params(token.substring(0, 9), "%" + token + "%").query(Integer.class).single()).isZero();
        var listed = ApiClient.bearer(port, token).get("/api/v1/tokens");
        assertThat(listed.body()).doesNotContain(token).contains(token.substring(0, 9));
    }

    @Test
    void aRevokedTokenADisabledUserAndARemovedRoleTakeEffectOnTheNextRequest() {
        Tenant tenant = organizations.create();
        String email = tenant.userEmail("RECRUITER");
        ApiClient recruiter = organizations.signIn(email, TestOrganizations.PASSWORD);
        String userId = jdbc.sql("select id from staff_user where email = ?").param(email).query(UUID.class).single()
                .toString();
        assertThat(recruiter.post("/api/v1/jobs", Map.of("title", "A", "employmentType", "FULL_TIME")).status())
                .isEqualTo(201);

        tenant.admin().patch("/api/v1/users/" + userId, Map.of("roles", List.of("INTERVIEWER")));
        assertThat(recruiter.post("/api/v1/jobs", Map.of("title", "B", "employmentType", "FULL_TIME")).status())
                .isEqualTo(403);
        assertThat(recruiter.get("/api/v1/jobs").status()).isEqualTo(200);

        tenant.admin().patch("/api/v1/users/" + userId, Map.of("enabled", false));
        assertThat(recruiter.get("/api/v1/jobs").status()).isEqualTo(401);
        tenant.admin().patch("/api/v1/users/" + userId, Map.of("enabled", true));
        assertThat(recruiter.get("/api/v1/jobs").status()).isEqualTo(200);

        String tokenId = recruiter.get("/api/v1/tokens").json().get(0).path("id").asString();
        assertThat(recruiter.delete("/api/v1/tokens/" + tokenId).status()).isEqualTo(204);
        assertThat(recruiter.get("/api/v1/jobs").status()).isEqualTo(401);
    }

    @Test
    void onlyTheOperatorCreatesOrganizationsAndOnlyAdminsCreateUsers() {
        Tenant tenant = organizations.create();
        var body = Map.of("name", "X", "slug", "x-" + UUID.randomUUID().toString().substring(0, 8),
                "adminEmail", "x@" + UUID.randomUUID() + ".test", "adminPassword", "long-enough-1");
        assertThat(tenant.admin().post("/api/v1/organizations", body).status()).isEqualTo(403);
        ApiClient recruiter = tenant.user("RECRUITER");
        assertThat(recruiter.post("/api/v1/users", Map.of("email", "y@example.com", "name", "Y",
                "password", "long-enough-1", "roles", List.of("ADMIN"))).status()).isEqualTo(403);
        var operatorRole = tenant.admin().post("/api/v1/users", Map.of("email", UUID.randomUUID() + "@example.com",
                "name", "Y", "password", "long-enough-1", "roles", List.of("OPERATOR")));
        assertThat(operatorRole.status()).isEqualTo(400);
        var taken = organizations.operator().post("/api/v1/organizations", Map.of("name", "Dup", "slug", tenant.slug(),
                "adminEmail", UUID.randomUUID() + "@example.com", "adminPassword", "long-enough-1"));
        assertThat(taken.status()).isEqualTo(409);
    }

    @Test
    void repeatedFailedSignInsPauseTheAccountWithTheSameMessageAndEveryAttemptIsLogged() {
        Tenant tenant = organizations.create();
        String email = tenant.userEmail("RECRUITER");
        for (int i = 0; i < StaffAccounts.FREE_FAILURES; i++) {
            assertThat(ApiClient.basic(port, email, "wrong-" + i).post("/api/v1/tokens", Map.of("name", "x"))
                    .status()).isEqualTo(401);
        }
        var lockedOut = ApiClient.basic(port, email, TestOrganizations.PASSWORD).post("/api/v1/tokens",
                Map.of("name", "x"));
        var unknown = ApiClient.basic(port, "nobody-" + UUID.randomUUID() + "@example.com", "whatever")
                .post("/api/v1/tokens", Map.of("name", "x"));
        assertThat(lockedOut.status()).isEqualTo(401);
        assertThat(lockedOut.body()).isEqualTo(unknown.body());
        assertThat(jdbc.sql("select count(*) from sign_in_attempt where email = ? and not succeeded").param(email)
                .query(Integer.class).single()).isEqualTo(StaffAccounts.FREE_FAILURES + 1);

        WebSession browser = new WebSession(port);
        HttpResponse<String> wrong = browser.signIn(email, "still-wrong");
        HttpResponse<String> stranger = new WebSession(port).signIn("ghost-" + UUID.randomUUID() + "@x.test", "x");
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        assertThat(stranger.headers().firstValue("Location")).isEqualTo(wrong.headers().firstValue("Location"));
    }

    @Test
    void signingInGivesANewSessionAndSigningOutEndsItOnTheServer() {
        Tenant tenant = organizations.create();
        WebSession browser = new WebSession(port);
        browser.get("/login");
        String anonymousSession = browser.sessionCookie();
        HttpResponse<String> signedIn = browser.signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        String session = browser.sessionCookie();
        assertThat(session).isNotNull().isNotEqualTo(anonymousSession);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> forged = browser.postWithoutCsrf("/logout", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        browser.post("/logout", Map.of());
        assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?")
                .param(new String(java.util.Base64.getDecoder().decode(session))).query(Integer.class).single())
                .isZero();
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        Tenant tenant = organizations.create();
        WebSession browser = new WebSession(port);
        browser.signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);
        HttpResponse<String> home = browser.get("/");
        var headers = home.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline"));
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(headers.firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
        assertThat(home.body()).doesNotContain("<script>").doesNotContain("style=\"");
        String cookie = browser.signIn(tenant.adminEmail(), TestOrganizations.PASSWORD).headers()
                .allValues("Set-Cookie").stream().filter(value -> value.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void errorsShowNoInternals() {
        var response = ApiClient.bearer(port, organizations.create().admin().post("/api/v1/tokens",
                Map.of("name", "t")).text("token")).get("/api/v1/applications?cursor=@@@");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContain("at io.hireflow")
                .doesNotContainIgnoringCase("sql");
    }
}
