package io.hireflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.WebSession;

/**
 * The candidate portal: sign-in by a one-time link, every application of one email across organizations, and
 * nothing of anyone else's.
 */
class PortalTests extends ApiTest {

    private static final Pattern LINK = Pattern.compile("/portal/sign-in/([A-Za-z0-9_-]{20,})");

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCandidateSignsInWithTheEmailedLinkSeesApplicationsInBothOrganizationsAndWithdrawsOne() {
        String email = "portal-" + UUID.randomUUID() + "@example.com";
        Tenant first = organizations.create();
        Tenant second = organizations.create();
        String inFirst = apply(first, "Platform Engineer", email);
        String inSecond = apply(second, "SRE", email);
        String someoneElses = apply(second, "SRE 2", "other-" + email);

        WebSession browser = new WebSession(port);
        browser.get("/portal");
        HttpResponse<String> sent = browser.post("/portal/sign-in", Map.of("email", email.toUpperCase()));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("a sign-in link is on its way");
        String token = token(email);

        // opening the link does not use it up (a mail scanner may open it); the button does
        assertThat(browser.get("/portal/sign-in/" + token).body()).contains("confirm-sign-in");
        assertThat(browser.get("/portal/sign-in/" + token).statusCode()).isEqualTo(200);
        HttpResponse<String> signedIn = browser.post("/portal/sign-in/" + token, Map.of());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String page = browser.get("/portal").body();
        var stage = jdbc.sql("""
                select s.name, s.candidate_name_en from job_application a join job_stage s on s.id = a.stage_id
                where a.id = ?""").param(UUID.fromString(inFirst))
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        String receipt = jdbc.sql("select subject from outbound_message where application_id = ?")
                .param(UUID.fromString(inFirst)).query(String.class).single();
        // the receipt counts once it was sent (tests do not run the sender)
        jdbc.sql("update outbound_message set status = 'SENT', sent_at = now() where application_id in (?, ?)")
                .params(UUID.fromString(inFirst), UUID.fromString(inSecond)).update();
        page = browser.get("/portal").body();
        assertThat(page).contains("Platform Engineer").contains("Test " + first.slug()).contains("SRE")
                .contains("Test " + second.slug()).contains(stage[1]).doesNotContain(someoneElses)
                .contains(org.springframework.web.util.HtmlUtils.htmlEscape(receipt));
        if (!stage[0].equals(stage[1])) {
            assertThat(page).as("the internal stage name stays inside").doesNotContain(">" + stage[0] + "<");
        }

        // another person's application cannot be withdrawn, nor their mail read, by changing the id
        assertThat(browser.post("/portal/applications/" + someoneElses + "/withdraw", Map.of()).statusCode())
                .isEqualTo(404);
        UUID theirMessage = jdbc.sql("select id from outbound_message where application_id = ?")
                .param(UUID.fromString(someoneElses)).query(UUID.class).single();
        assertThat(browser.get("/portal/applications/" + someoneElses + "/messages/" + theirMessage).statusCode())
                .isEqualTo(404);
        assertThat(browser.get("/portal/applications/" + inFirst + "/messages/" + theirMessage).statusCode())
                .isEqualTo(404);

        HttpResponse<String> withdrawn = browser.post("/portal/applications/" + inSecond + "/withdraw",
                Map.of("reason", "다른 회사에 입사하게 되었습니다"));
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(second.admin().get("/api/v1/applications/" + inSecond).json().path("status").asString())
                .isEqualTo("WITHDRAWN");
        assertThat(first.admin().get("/api/v1/applications/" + inFirst).json().path("status").asString())
                .isEqualTo("ACTIVE");

        browser.post("/portal/sign-out", Map.of());
        assertThat(browser.get("/portal").body()).contains("id=\"sign-in\"");
        assertThat(browser.post("/portal/sign-in/" + token, Map.of()).statusCode()).as("a used link")
                .isEqualTo(400);
    }

    @Test
    void anExpiredLinkDoesNotWorkAndAnUnknownEmailGetsTheSameAnswerAndNoMail() {
        String email = "late-" + UUID.randomUUID() + "@example.com";
        apply(organizations.create(), "Data Engineer", email);
        WebSession browser = new WebSession(port);
        browser.get("/portal");
        browser.post("/portal/sign-in", Map.of("email", email));
        String token = token(email);
        jdbc.sql("update portal_sign_in set expires_at = now() - interval '1 second' where email = ?")
                .param(email).update();
        HttpResponse<String> late = browser.post("/portal/sign-in/" + token, Map.of());
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("has expired or was already used");

        String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> unknown = browser.post("/portal/sign-in", Map.of("email", nobody));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("a sign-in link is on its way");
        assertThat(jdbc.sql("select count(*) from outbound_message where lower(recipient) = ?").param(nobody)
                .query(Integer.class).single()).isZero();
        assertThat(browser.post("/portal/sign-in/made-up-token-0123456789abcdef", Map.of()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aCandidateChangesContactDetailsAsksForTheirDataAndTakesItAllAsJson() {
        String email = "mine-" + UUID.randomUUID() + "@example.com";
        Tenant first = organizations.create();
        Tenant second = organizations.create();
        String inFirst = apply(first, "Platform Engineer", email);
        apply(second, "SRE", email);
        WebSession browser = signedIn(email);

        HttpResponse<String> bad = browser.post("/portal/contact", Map.of("phone", "call me", "region", "대전",
                "githubUrl", "github.com/no-scheme", "portfolioUrl", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("value=\"대전\"");
        assertThat(browser.post("/portal/contact", Map.of("phone", "010-9999-0000", "region", "대전",
                "githubUrl", "https://github.com/mine", "portfolioUrl", "")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select distinct phone || ' ' || region from candidate where lower(email) = ?")
                .param(email).query(String.class).list()).containsExactly("010-9999-0000 대전");

        UUID organization = UUID.fromString(first.id());
        assertThat(browser.post("/portal/requests", Map.of("organizationId", organization.toString(),
                "kind", "DELETE_DATA")).statusCode()).isEqualTo(302);
        assertThat(browser.post("/portal/requests", Map.of("organizationId", UUID.randomUUID().toString(),
                "kind", "DELETE_DATA")).statusCode()).as("an organization they never applied to").isEqualTo(404);
        assertThat(jdbc.sql("""
                select extract(day from due_at - requested_at)::int from data_request r
                join candidate c on c.id = r.candidate_id where lower(c.email) = ?""")
                .param(email).query(Integer.class).list()).containsExactly(5);
        // the organization sees it, with its deadline, on the candidate's page
        String candidate = first.admin().get("/api/v1/applications/" + inFirst).text("candidateId");
        WebSession staff = new WebSession(port);
        staff.signIn(first.adminEmail(), io.hireflow.TestOrganizations.PASSWORD);
        assertThat(staff.get("/candidates/" + candidate).body()).contains("data-requests")
                .contains("Their data deleted");

        HttpResponse<String> export = browser.get("/portal/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(export.body()).contains("Test " + first.slug()).contains("Test " + second.slug())
                .contains("010-9999-0000").contains("DELETE_DATA").doesNotContain("\"tags\"");
        assertThat(new WebSession(port).get("/portal/export").statusCode()).as("not signed in").isEqualTo(303);
    }

    private WebSession signedIn(String email) {
        WebSession browser = new WebSession(port);
        browser.get("/portal");
        browser.post("/portal/sign-in", Map.of("email", email));
        String token = token(email);
        browser.get("/portal/sign-in/" + token);
        assertThat(browser.post("/portal/sign-in/" + token, Map.of()).statusCode()).isEqualTo(302);
        browser.get("/portal");
        return browser;
    }

    /** An application made by the organization's recruiter (its receipt notice is then in the outbox). */
    private String apply(Tenant tenant, String title, String email) {
        ApiClient recruiter = tenant.user("RECRUITER");
        String job = recruiter.post("/api/v1/jobs", Map.of("title", title, "employmentType", "FULL_TIME"))
                .text("id");
        return recruiter.post("/api/v1/applications", Map.of("jobId", job, "candidate", Map.of("name", "김지원",
                "email", email))).text("id");
    }

    /** The token of the newest sign-in link mailed to this email (read from the outbox: tests do not send). */
    private String token(String email) {
        String body = jdbc.sql("""
                select body_text from outbound_message where event = 'PORTAL_SIGN_IN' and lower(recipient) = ?
                  and organization_id is null
                order by created_at desc limit 1""").param(email.toLowerCase()).query(String.class).single();
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        assertThat(URI.create("http://x" + link.group()).getPath()).startsWith("/portal/sign-in/");
        return link.group(1);
    }
}
