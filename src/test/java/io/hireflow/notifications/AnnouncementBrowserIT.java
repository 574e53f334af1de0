package io.hireflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import io.hireflow.ApiClient;
import io.hireflow.BrowserTest;
import io.hireflow.TestOrganizations;

/**
 * A bulk result announcement in Chromium: 200 candidates' results previewed, sent, the progress bar watched to 100%,
 * and one of the messages opened in the built-in mailbox.
 */
class AnnouncementBrowserIT extends BrowserTest {

    @Autowired
    MessageDispatcher dispatcher;

    @Test
    void anAnnouncementToTwoHundredCandidatesRunsToTheEnd() throws Exception {
        ApiClient api = organizations.operator();
        var job = api.post("/api/v1/jobs", Map.of("title", "Announced in the browser", "employmentType",
                "FULL_TIME"));
        String jobId = job.text("id");
        String screening = job.json().path("stages").get(0).path("id").asString();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(api.post("/api/v1/applications", Map.of("jobId", jobId, "candidate", Map.of("name",
                    "지원자 " + i, "email", "browser-" + tag + "-" + i + "@example.com"))).text("id"));
        }
        api.post("/api/v1/applications/bulk-transitions", Map.of("action", "REJECT", "reason", "screened out",
                "applicationIds", ids.subList(150, 200)));
        api.post("/api/v1/applications/bulk-transitions", Map.of("action", "ADVANCE", "jobId", jobId,
                "stageId", screening));

        signIn(TestOrganizations.OPERATOR_EMAIL, TestOrganizations.OPERATOR_PASSWORD);
        open("/jobs/" + jobId);
        find("nav.subnav a[href$='/announcements/new']").click();
        new Select(find("select[name=stageId]")).selectByValue(screening);
        find("#preview-button").click();
        assertThat(find("#preview-counts").getText()).contains("150 passed").contains("50 did not");
        assertThat(find("#preview-pass").getText()).contains("서류전형").doesNotContain("{{");
        assertThat(find("#preview-fail").getText()).contains("지원자");

        // this test's own sender, only while it runs (the tests share one database; the others keep theirs queued)
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread sender = new Thread(() -> {
            while (sending.get()) {
                dispatcher.dispatchDue();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sender.start();
        try {
            find("#start-announcement").click();
            wait.until(ExpectedConditions.urlContains("/announcements/"));
            assertThat(find("#announcement-progress").isDisplayed()).isTrue();
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBe(
                    By.id("announcement-percent"), "100%"));
            assertThat(find("#announcement-done").isDisplayed()).isTrue();
            assertThat(find("#announcement-counts").getText()).startsWith("sent 200");
            assertThat(browser.findElement(By.id("announcement-bar")).getAttribute("value")).isEqualTo("200");
            // a reload shows the same
            browser.navigate().refresh();
            assertThat(find("#announcement-percent").getText()).isEqualTo("100%");
        } finally {
            sending.set(false);
            sender.join();
        }

        open("/mailbox?recipient=browser-" + tag + "-7%40example.com");
        find("#mailbox tbody tr .subject a").click();
        assertThat(find("#message-subject").getText()).contains("서류전형");
        assertThat(find("#message-to").getText()).contains("browser-" + tag + "-7@example.com");
        assertThat(browser.findElement(By.id("message-facts")).getText()).contains("Sent");
    }
}
