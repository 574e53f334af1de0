package io.hireflow.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.BrowserTest;
import io.hireflow.TestJobs;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * In Chromium: a candidate signs into the portal, starts the online test, answers half, reloads and finds the answers
 * and the remaining time as they were, answers the rest and hands it in; the recruiter sees the graded result.
 */
class OnlineTestBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aCandidateTakesTheTestAcrossAReloadAndTheRecruiterSeesTheGrade() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        JsonNode job = TestJobs.job(recruiter, "Cloud engineer", "Screening:REVIEW", "Online test:ONLINE_TEST",
                "Interview:INTERVIEW", "Hired:HIRED");
        String jobId = job.path("id").asString();
        String stage = TestJobs.stage(job, "ONLINE_TEST");
        List<UUID> questions = new java.util.ArrayList<>();
        for (String kind : List.of("SINGLE_CHOICE", "SINGLE_CHOICE", "SHORT_ANSWER", "MULTIPLE_CHOICE")) {
            questions.add(jdbc.sql("""
                    select id from question
                    where organization_id = ? and language = 'en' and kind = ? and not (id = any(?))
                    order by id limit 1""")
                    .params(UUID.fromString(tenant.id()), kind, questions.toArray(UUID[]::new))
                    .query(UUID.class).single());
        }
        var made = recruiter.post("/api/v1/jobs/" + jobId + "/online-tests", Map.of("stageId", stage,
                "title", "Cloud basics", "language", "en", "timeLimitMinutes", 30, "opensAt", clock.instant(),
                "closesAt", clock.instant().plus(Duration.ofDays(1)), "questions",
                questions.stream().map(id -> Map.of("questionId", id)).toList()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode test = made.json();
        String email = "taker-" + UUID.randomUUID() + "@example.com";
        String application = recruiter.post("/api/v1/applications", Map.of("jobId", jobId, "candidate",
                Map.of("name", "Yuna Seo", "email", email))).text("id");
        recruiter.post("/api/v1/applications/" + application + "/transitions", Map.of("action", "ADVANCE",
                "version", 0));
        assertThat(recruiter.post("/api/v1/online-tests/" + test.path("id").asString() + "/invitations", Map.of())
                .json().path("invited").asInt()).isEqualTo(1);

        // the candidate signs in with the emailed link and starts the test
        signInToPortal(jdbc, email);
        find(".open-test").click();
        find("#start-test").click();
        find(".test-clock");

        // half the answers: the first question's right choice, the short answer
        JsonNode first = test.path("questions").get(0);
        choose(1, first.path("correct").get(0).asString());
        awaitSaved(1);
        String shortAnswer = test.path("questions").get(2).path("acceptedAnswers").get(0).asString();
        find("#q3 input[type=text]").sendKeys(shortAnswer);
        awaitSaved(3);
        int before = secondsLeft();

        browser.navigate().refresh();
        find(".test-clock");
        assertThat(radio(1, first.path("correct").get(0).asString()).isSelected()).isTrue();
        assertThat(find("#q3 input[type=text]").getAttribute("value")).isEqualTo(shortAnswer);
        assertThat(find(".save-status").getText()).isEqualTo("2 of 4 answered");
        // the clock went on while the page reloaded, from where the server had it
        int after = secondsLeft();
        assertThat(after).isLessThanOrEqualTo(before).isGreaterThan(before - 30).isGreaterThan(29 * 60 - 60);

        // the rest: the second question answered wrong, the multiple choice right
        JsonNode second = test.path("questions").get(1);
        choose(2, wrong(second));
        awaitSaved(2);
        for (JsonNode right : test.path("questions").get(3).path("correct")) {
            choose(4, right.asString());
        }
        awaitSaved(4);
        find("#submit-test button").click();
        awaitText(By.cssSelector(".test-state"), "Handed in");

        // the recruiter sees the graded result: three of four
        open("/portal?lang=en");
        signOutOfPortal();
        signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);
        open("/online-tests/" + test.path("id").asString() + "?lang=en");
        WebElement row = find("#test-results tbody tr");
        assertThat(row.getText()).contains("Yuna Seo").contains("Handed in").contains("3 / 4 (75.0%)");
    }

    private WebElement radio(int position, String value) {
        return browser.findElements(By.cssSelector("#q" + position + " input")).stream()
                .filter(input -> value.equals(input.getAttribute("value"))).findFirst().orElseThrow();
    }

    private void choose(int position, String value) {
        radio(position, value).click();
    }

    private void awaitSaved(int position) {
        wait.until(ExpectedConditions.textMatches(By.cssSelector("#q" + position + " .saved-mark"),
                java.util.regex.Pattern.compile("^Saved ")));
    }

    private int secondsLeft() {
        String[] clock = find(".clock-value").getText().split(":");
        return Integer.parseInt(clock[0]) * 60 + Integer.parseInt(clock[1]);
    }

    private static String wrong(JsonNode question) {
        for (JsonNode choice : question.path("choices")) {
            boolean right = false;
            for (JsonNode correct : question.path("correct")) {
                right |= correct.asString().equals(choice.asString());
            }
            if (!right) {
                return choice.asString();
            }
        }
        throw new AssertionError("no wrong choice");
    }
}
