package io.hireflow.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.BrowserTest;
import io.hireflow.TestOrganizations;

/**
 * An interviewer in Chromium opens the kit, sees the résumé's technologies marked with the questions they suggest,
 * marks the quiz, is refused a scorecard with a rating missing, submits it whole, and sees the other interviewer's
 * scorecard only then.
 */
class InterviewKitBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void anInterviewerMarksTheQuizAndSeesTheOtherScorecardOnlyAfterSubmittingTheirs() {
        var setup = new InterviewKitFixtures(organizations.create(), jdbc, clock);
        setup.begun(jdbc, clock);
        ApiClient second = organizations.signIn(setup.secondEmail, TestOrganizations.PASSWORD);
        var theirs = second.post("/api/v1/interviews/" + setup.interview + "/scorecards", Map.of("ratings",
                Map.of("Problem solving", "NO", "Kubernetes depth", "NO", "Communication", "YES"),
                "notes", "Unsure about the on-call story", "recommendation", "NO"));
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);

        signIn(setup.firstEmail, TestOrganizations.PASSWORD);
        open("/interviews/" + setup.interview + "/kit?lang=en");
        // the résumé's technologies are marked where they are written, Korean particles left outside the mark
        List<String> marked = browser.findElements(By.cssSelector(".resume-text mark[data-technology=Kubernetes]"))
                .stream().map(WebElement::getText).toList();
        assertThat(marked).containsExactly("쿠버네티스", "k8s", "Kubernetes");
        assertThat(find(".resume-text").getText()).contains("<script>alert('x')</script>");
        assertThat(browser.findElements(By.cssSelector(".resume-text script"))).isEmpty();
        assertThat(find(".technologies [data-technology=AWS]").getText()).isEqualTo("AWS × 2");
        // with the bank's questions about them
        assertThat(browser.findElements(By.cssSelector("#suggested-questions li[data-technology=Kubernetes]")))
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#suggested-questions li[data-technology=Kafka]")))
                .isNotEmpty();
        // the other interviewer's scorecard is in, but hidden until this one's is
        assertThat(find("#scorecards-hidden").getText()).contains("once you have submitted yours");
        assertThat(browser.findElements(By.id("scorecard-table"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Unsure about the on-call story");

        markQuestion(0, "CORRECT");
        markQuestion(1, "PARTIAL");
        assertThat(find(".quiz-score").getText()).isEqualTo("Your quiz score: 75.0%");
        assertThat(find("#quiz .quiz-question").getAttribute("data-mark")).isEqualTo("CORRECT");

        // a rating left out is refused, saying which
        rate("Problem solving", "YES");
        rate("Kubernetes depth", "STRONG_YES");
        find(".recommendation input[value=YES]").click();
        find("#submit-scorecard").click();
        awaitText(By.cssSelector(".alert.error"), "needs a rating for Communication");

        rate("Problem solving", "YES");
        rate("Kubernetes depth", "STRONG_YES");
        rate("Communication", "YES");
        find(".recommendation input[value=YES]").click();
        find("#submit-scorecard").click();
        awaitText(By.cssSelector(".alert.ok"), "Scorecard submitted.");
        WebElement table = find("#scorecard-table");
        assertThat(table.findElements(By.cssSelector("thead th[data-interviewer]"))).hasSize(2);
        assertThat(table.getText()).contains("Unsure about the on-call story").contains("75.0%")
                .contains("Strong yes");
        assertThat(browser.findElements(By.id("scorecard-form"))).isEmpty();
    }

    private void markQuestion(int index, String mark) {
        WebElement question = browser.findElements(By.cssSelector("#quiz .quiz-question")).get(index);
        question.findElement(By.cssSelector("button[data-mark=" + mark + "]")).click();
        // the mark is a form post: while the page comes back its elements go stale or are not there yet
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.WebDriverException.class).ignoring(IndexOutOfBoundsException.class)
                .until(driver -> mark.equals(driver.findElements(By.cssSelector("#quiz .quiz-question")).get(index)
                        .getAttribute("data-mark")));
    }

    private void rate(String attribute, String rating) {
        find("fieldset[data-attribute='" + attribute + "'] input[value=" + rating + "]").click();
    }
}
