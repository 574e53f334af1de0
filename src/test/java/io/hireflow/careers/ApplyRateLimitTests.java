package io.hireflow.careers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.WebSession;
import io.hireflow.WebSession.FilePart;
import io.hireflow.candidates.DocumentFixtures;

/** Too many applications for one email, or from one address, are answered 429 with when to try again. */
@TestPropertySource(properties = {"hireflow.careers.applies-per-email-per-day=2",
        "hireflow.careers.applies-per-address-per-hour=4"})
class ApplyRateLimitTests extends ApiTest {

    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");

    @Autowired
    JdbcClient jdbc;

    @Test
    void theThirdApplicationForOneEmailAndTheFifthFromOneAddressAreRefused() {
        // the other tests' applications from this address this hour count in the same table
        jdbc.sql("delete from rate_limit where key like 'apply/%'").update();
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        WebSession browser = new WebSession(port);
        String email = "busy-" + UUID.randomUUID() + "@example.com";
        List<Integer> answers = new java.util.ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            String job = recruiter.post("/api/v1/jobs", Map.of("title", "Job " + i, "employmentType", "FULL_TIME"))
                    .text("id");
            recruiter.post("/api/v1/jobs/" + job + "/publish", Map.of());
            String path = "/careers/" + tenant.slug() + "/jobs/" + job + "/apply";
            Matcher key = SUBMISSION.matcher(browser.get(path).body());
            assertThat(key.find()).isTrue();
            // the first three for one email, the last two each with an email of its own
            String from = i < 3 ? email : "other-" + i + "-" + email;
            last = browser.postMultipart(path, Map.of("submission", key.group(1), "name", "지원자", "email", from,
                    "consentApplication", "true"), List.of(new FilePart("resume", "cv.pdf", "application/pdf",
                    DocumentFixtures.minimalPdf())));
            answers.add(last.statusCode());
            if (i == 2) {
                assertThat(last.body()).contains("Too many applications were sent with this email today");
            }
        }
        assertThat(answers).containsExactly(302, 302, 429, 302, 429);
        assertThat(last.body()).contains("Too many applications were sent from your network");
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }
}
