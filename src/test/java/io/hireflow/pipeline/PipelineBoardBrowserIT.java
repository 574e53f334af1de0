package io.hireflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.hireflow.ApiClient;
import io.hireflow.BrowserTest;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * A recruiter in Chromium runs the demo job's board: drags a card to the next stage, skips a stage with a reason,
 * rejects a candidate in bulk, and finds each change on the candidate's timeline.
 */
class PipelineBoardBrowserIT extends BrowserTest {

    @Test
    void dragsSkipsAndRejectsInBulkAndTheTimelineShowsEachChange() {
        ApiClient api = organizations.operator();
        signIn(TestOrganizations.OPERATOR_EMAIL, TestOrganizations.OPERATOR_PASSWORD);
        find(".tile-link").click();
        wait.until(ExpectedConditions.urlMatches("/jobs/[0-9a-f-]{36}"));
        List<WebElement> columns = browser.findElements(By.cssSelector("#board .column"));
        assertThat(columns).hasSize(6);

        // drag the first card of the screening column onto the assignment column
        WebElement card = columns.get(0).findElement(By.cssSelector(".card-item"));
        String dragged = card.getAttribute("data-id");
        String name = card.findElement(By.cssSelector(".name")).getText();
        int screeningBefore = count(columns.get(0));
        int assignmentBefore = count(columns.get(1));
        WebElement assignmentCards = columns.get(1).findElement(By.cssSelector(".cards"));
        new Actions(browser).clickAndHold(card.findElement(By.cssSelector(".meta"))).moveByOffset(10, 10)
                .moveToElement(assignmentCards).moveByOffset(0, 5).pause(300).release().perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#toast:not([hidden])")));
        assertThat(browser.findElement(By.id("toast")).getText()).contains(name);
        wait.until(driver -> count(columns.get(1)) == assignmentBefore + 1);
        assertThat(count(columns.get(0))).isEqualTo(screeningBefore - 1);
        JsonNode moved = api.get("/api/v1/applications/" + dragged).json();
        assertThat(moved.path("stage").path("kind").asString()).isEqualTo("ASSIGNMENT");
        assertThat(last(moved).path("type").asString()).isEqualTo("ADVANCED");

        // skip the assignment with a reason, from the application page
        open("/applications/" + dragged);
        find("details.action summary").click();
        find("#skip-form textarea[name=reason]").sendKeys("Strong Kubernetes portfolio: assignment waived");
        browser.findElement(By.cssSelector("#skip-form button[type=submit]")).click();
        WebElement skipped = find("#timeline li[data-type=SKIPPED]");
        assertThat(skipped.getText()).contains("Skipped").contains("Strong Kubernetes portfolio: assignment waived");
        assertThat(browser.findElement(By.cssSelector(".progress li.skipped")).getText()).isNotBlank();
        assertThat(browser.findElement(By.cssSelector("#timeline li[data-type=ADVANCED]")).getText()).contains("Passed");
        assertThat(api.get("/api/v1/applications/" + dragged).json().path("stage").path("kind").asString())
                .isEqualTo("INTERVIEW");

        // reject one candidate of the screening column in bulk
        browser.navigate().back();
        browser.navigate().back();
        browser.navigate().refresh();
        WebElement screening = find("#board .column");
        WebElement victim = screening.findElement(By.cssSelector(".card-item"));
        String rejected = victim.getAttribute("data-id");
        victim.findElement(By.cssSelector("input[type=checkbox]")).click();
        assertThat(find(".bulk-scope option[value=selected]").getText()).contains("1");
        new Select(browser.findElement(By.id("bulk-action"))).selectByValue("REJECT");
        new Select(find("select[name=reasonCode]")).selectByValue("EXPERIENCE");
        browser.findElement(By.cssSelector(".bulk-form input[name=reason]")).sendKeys("Needs more cloud operations");
        browser.findElement(By.cssSelector(".bulk-form button[type=submit]")).click();
        assertThat(find(".alert.ok").getText()).contains("1 application moved");
        assertThat(browser.findElements(By.cssSelector("[data-id='" + rejected + "']"))).isEmpty();

        open("/applications/" + rejected);
        WebElement rejection = find("#timeline li[data-type=REJECTED]");
        assertThat(rejection.getText()).contains("Rejected").contains("Experience requirements not met")
                .contains("Needs more cloud operations");
        assertThat(find(".page-head .badge").getText()).isEqualTo("Rejected");

        // put the demo back as it was, so the suite can run again on the same (external) database
        String screeningStage = moved.path("timeline").get(0).path("toStageId").asString();
        long version = api.get("/api/v1/applications/" + dragged).json().path("version").asLong();
        api.post("/api/v1/applications/" + dragged + "/transitions", Map.of("action", "MOVE",
                "toStageId", screeningStage, "reason", "test run restored the demo", "version", version));
        version = api.get("/api/v1/applications/" + rejected).json().path("version").asLong();
        api.post("/api/v1/applications/" + rejected + "/transitions", Map.of("action", "REOPEN",
                "reason", "test run restored the demo", "version", version));
    }

    @Test
    void advancesAWholeStageAtOnce() {
        Tenant tenant = organizations.create();
        String recruiter = tenant.userEmail("RECRUITER");
        var job = tenant.admin().post("/api/v1/jobs", Map.of("title", "Big round", "employmentType", "FULL_TIME"));
        for (int i = 0; i < 60; i++) {
            tenant.admin().post("/api/v1/applications", Map.of("jobId", job.text("id"),
                    "candidate", Map.of("name", "Applicant " + i, "email", "a" + i + "@example.com")));
        }
        signIn(recruiter, TestOrganizations.PASSWORD);
        open("/jobs/" + job.text("id"));
        assertThat(browser.findElements(By.cssSelector("#board .column:first-child .card-item"))).hasSize(50);
        String firstStage = job.json().path("stages").get(0).path("id").asString();
        new Select(find(".bulk-scope")).selectByValue(firstStage);
        browser.findElement(By.cssSelector(".bulk-form button[type=submit]")).click();
        assertThat(find(".alert.ok").getText()).contains("60 applications moved");
        var columns = tenant.admin().get("/api/v1/jobs/" + job.text("id") + "/board").json().path("columns");
        assertThat(columns.get(0).path("count").asLong()).isZero();
        assertThat(columns.get(1).path("count").asLong()).isEqualTo(60);
    }

    @Test
    void theBoardSpeaksKorean() {
        signIn(TestOrganizations.OPERATOR_EMAIL, TestOrganizations.OPERATOR_PASSWORD);
        open("/?lang=ko");
        find(".tile-link").click();
        assertThat(find(".subnav a.on").getText()).isEqualTo("전형 보드");
        assertThat(browser.findElement(By.cssSelector("#board .column h2")).getText()).isEqualTo("서류전형");
    }

    private static int count(WebElement column) {
        return Integer.parseInt(column.findElement(By.cssSelector(".column-count")).getText().trim());
    }

    private static JsonNode last(JsonNode application) {
        JsonNode timeline = application.path("timeline");
        return timeline.get(timeline.size() - 1);
    }
}
