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

/**
 * An application that does not get its turn in time (here: a node that takes none) is answered 503 with the form as
 * filled and nothing stored.
 */
@TestPropertySource(properties = {"hireflow.careers.concurrent-applies=0",
        "hireflow.careers.apply-queue-wait=200ms"})
class ApplyQueueTests extends ApiTest {

    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");

    @Autowired
    JdbcClient jdbc;

    @Test
    void anApplicationThatWaitsTooLongIsAskedAgainAndNothingIsStored() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String job = recruiter.post("/api/v1/jobs", Map.of("title", "Queue", "employmentType", "FULL_TIME"))
                .text("id");
        recruiter.post("/api/v1/jobs/" + job + "/publish", Map.of());
        String path = "/careers/" + tenant.slug() + "/jobs/" + job + "/apply";
        WebSession browser = new WebSession(port);
        Matcher key = SUBMISSION.matcher(browser.get(path).body());
        assertThat(key.find()).isTrue();
        String email = "queue-" + UUID.randomUUID() + "@example.com";

        HttpResponse<String> answer = browser.postMultipart(path, Map.of("submission", key.group(1), "name",
                "대기자", "email", email, "consentApplication", "true"), List.of(new FilePart("resume", "cv.pdf",
                "application/pdf", DocumentFixtures.minimalPdf())));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("10");
        assertThat(answer.body()).contains("Many people are applying right now").contains(email)
                .contains(key.group(1));
        assertThat(jdbc.sql("select count(*) from candidate where email = ?").param(email).query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from careers_submission where submission_key = ?")
                .param(UUID.fromString(key.group(1))).query(Integer.class).single()).isZero();
    }
}
