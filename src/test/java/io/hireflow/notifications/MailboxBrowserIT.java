package io.hireflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.hireflow.ApiClient;
import io.hireflow.BrowserTest;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;

/**
 * Messages to candidates in Chromium: the demo admin finds a candidate's messages in the mailbox and reads one as the
 * candidate gets it, sees the delivery log on the application page and edits a template with its live preview; a
 * recruiter sends a message by hand, at a chosen minute, moves it and cancels it before it goes.
 */
class MailboxBrowserIT extends BrowserTest {

    private static final String DEMO_CANDIDATE = "woojin.jung@example.com";

    @Test
    void theAdminReadsACandidatesMessagesAndEditsATemplate() {
        ApiClient api = organizations.operator();
        signIn(TestOrganizations.OPERATOR_EMAIL, TestOrganizations.OPERATOR_PASSWORD);
        find(".mainnav a[href$='/mailbox']").click();
        assertThat(find("h1").getText()).isEqualTo("Mailbox");

        // search by a part of the demo candidate's address
        find("#mailbox-search input[name=recipient]").sendKeys("woojin.jung");
        browser.findElement(By.cssSelector("#mailbox-search button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("recipient=woojin.jung"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#mailbox tbody tr"));
        assertThat(rows).isNotEmpty();
        for (WebElement row : rows) {
            assertThat(row.findElement(By.cssSelector(".recipient")).getText()).isEqualTo(DEMO_CANDIDATE);
        }
        // queued, or sent where another test's sender ran over the shared database
        assertThat(rows.get(0).findElement(By.cssSelector(".status")).getText()).containsAnyOf("Queued", "Sent");

        // the message exactly as the candidate gets it
        WebElement first = rows.get(0).findElement(By.cssSelector(".subject a"));
        String subject = first.getText();
        String messageId = rows.get(0).getAttribute("data-id");
        first.click();
        assertThat(find("#message-subject").getText()).isEqualTo(subject);
        assertThat(find("#message-to").getText()).contains(DEMO_CANDIDATE);
        var stored = api.get("/api/v1/messages/" + messageId).json();
        assertThat(find("#message-html").getText()).contains("정우진").isNotBlank();
        assertThat(find("#message-text").getText().strip()).isEqualTo(stored.path("bodyText").asString().strip());
        assertThat(browser.findElement(By.id("message-facts")).getText())
                .contains(stored.path("messageId").asString())
                .contains(stored.path("status").asString().equals("SENT") ? "Sent" : "Queued");
        assertThat(browser.findElements(By.cssSelector("#message-html script"))).isEmpty();

        // its application's page loads the delivery log
        browser.findElement(By.cssSelector(".subnav a[href*='/applications/']")).click();
        WebElement log = find("#delivery-log .message-list");
        assertThat(log.findElements(By.cssSelector("li[data-id='" + messageId + "']"))).hasSize(1);
        assertThat(log.getText()).contains(subject);

        // a template: an unknown variable is refused beside the body, a valid one previews and saves
        String template = "/api/v1/message-templates/STAGE_PASSED/en";
        try {
            open("/settings");
            find("a.tile-link[href$='/settings/message-templates']").click();
            find("#message-templates tr[data-event=STAGE_PASSED] td[data-language=en] a").click();
            assertThat(find("#template-state").getText()).contains("default");
            assertThat(find("#variables").getText()).contains("{{nextStageName}}");
            WebElement body = find("#template-form textarea[name=body]");
            body.clear();
            body.sendKeys("Dear {{candidateName}}, your salary will be {{salary}}.");
            // the live preview already names it, beside the body
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("body-problems"), "{{salary}}"));
            browser.findElement(By.cssSelector("#template-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("body-problems"), "{{salary}}"));
            assertThat(find("#template-form textarea[name=body]").getAttribute("class")).contains("invalid");
            assertThat(api.get(template.replace("/STAGE_PASSED/en", "")).json().toString()).doesNotContain("salary");

            body = find("#template-form textarea[name=body]");
            body.clear();
            body.sendKeys("Dear {{candidateName}},\n\nyou passed **{{stageName}}**; next comes {{nextStageName}}.");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-html"),
                    "Dear Woojin Jung,"));
            assertThat(find("#preview-html strong").getText()).isEqualTo("Document screening");
            assertThat(find("#preview-text").getText()).contains("you passed **Document screening**; next comes Assignment.");
            assertThat(browser.findElement(By.id("body-problems")).getText()).isEmpty();
            browser.findElement(By.cssSelector("#template-form button[type=submit]")).click();
            // waited for by text, which looks the element up afresh: the page before the post has the same ids
            awaitText(By.cssSelector(".alert.ok"), "The template was saved");
            awaitText(By.id("template-state"), "Customized");
            assertThat(find("#template-form textarea[name=body]").getAttribute("value")).contains("next comes");

            browser.findElement(By.cssSelector("#reset-form button[type=submit]")).click();
            awaitText(By.cssSelector(".alert.ok"), "back to Hireflow's default");
            awaitText(By.id("template-state"), "default");
        } finally {
            api.delete(template);
        }
    }

    @Test
    void aRecruiterSendsAMessageForLaterMovesItAndCancelsIt() {
        Tenant tenant = organizations.create();
        String recruiter = tenant.userEmail("RECRUITER");
        var job = tenant.admin().post("/api/v1/jobs", Map.of("title", "Platform Engineer", "employmentType",
                "FULL_TIME"));
        String email = "by-hand-" + UUID.randomUUID() + "@example.com";
        String applicationId = tenant.admin().post("/api/v1/applications", Map.of("jobId", job.text("id"),
                "candidate", Map.of("name", "Minji Han", "email", email))).text("id");
        signIn(recruiter, TestOrganizations.PASSWORD);
        open("/applications/" + applicationId);
        assertThat(find("#delivery-log .message-list li").getAttribute("data-event")).isEqualTo("APPLICATION_RECEIVED");

        // a blank subject is refused beside it, and nothing is sent
        find("#send-message summary").click();
        find("#send-message input[name=subject]").clear();
        browser.findElement(By.cssSelector("#send-message button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#send-message .field-error"),
                "is required"));
        assertThat(find("#send-message input[name=subject]").getAttribute("class")).contains("invalid");
        assertThat(messages(tenant, applicationId)).isEqualTo(1);

        // the delay notice needs its new date
        find("#send-message input[name=event][value=DELAY_NOTICE]").click();
        assertThat(browser.findElement(By.cssSelector("#send-message input[name=subject]")).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("#send-message button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#send-message .for-delay-notice .field-error"), "is required"));
        assertThat(messages(tenant, applicationId)).isEqualTo(1);

        // their own words, at a chosen minute
        find("#send-message input[name=event][value=FREE_FORM]").click();
        WebElement subject = find("#send-message input[name=subject]");
        subject.clear();
        subject.sendKeys("Your interview day");
        WebElement body = browser.findElement(By.cssSelector("#send-message textarea[name=body]"));
        body.clear();
        body.sendKeys("Dear {{candidateName}},\n\nplease bring your laptop.");
        browser.findElement(By.cssSelector("#send-message input[name=when][value=later]")).click();
        setValue(find("#send-message input[name=sendAt]"), "2030-01-15T10:30");
        browser.findElement(By.cssSelector("#send-message button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#delivery-log .alert.ok"),
                "will go at 2030-01-15 10:30"));
        WebElement scheduled = find("#delivery-log .message-list li[data-event=FREE_FORM]");
        assertThat(scheduled.getText()).contains("Your interview day").contains("scheduled for 2030-01-15 10:30")
                .contains("Queued");
        assertThat(messages(tenant, applicationId)).isEqualTo(2);

        // moved to another minute, then cancelled before it goes
        scheduled.findElement(By.cssSelector("a")).click();
        assertThat(find("#message-html").getText()).contains("Dear Minji Han,").contains("please bring your laptop.");
        setValue(find("#reschedule-form input[name=sendAt]"), "2030-01-16T09:00");
        browser.findElement(By.cssSelector("#reschedule-form button[type=submit]")).click();
        assertThat(find(".alert.ok").getText()).contains("The message will go at 2030-01-16 09:00");
        assertThat(find("#message-facts").getText()).contains("2030-01-16 09:00");

        setValue(find("#reschedule-form input[name=sendAt]"), "2020-01-16T09:00");
        browser.findElement(By.cssSelector("#reschedule-form button[type=submit]")).click();
        assertThat(find("#reschedule-form .field-error").getText()).isEqualTo("must not be in the past");

        browser.findElement(By.cssSelector("#cancel-form button[type=submit]")).click();
        assertThat(find(".alert.ok").getText()).contains("cancelled");
        assertThat(find(".page-head .badge").getText()).isEqualTo("Cancelled");
        assertThat(browser.findElements(By.id("message-actions"))).isEmpty();
        String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(tenant.admin().get("/api/v1/messages/" + id).json().path("status").asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void theMailboxFitsAPhoneAndSpeaksKorean() {
        signIn(TestOrganizations.OPERATOR_EMAIL, TestOrganizations.OPERATOR_PASSWORD);
        browser.manage().window().setSize(new Dimension(390, 844));
        // whatever the demo's messages are by now (another test may have sent them), the Korean mailbox lists them
        open("/mailbox?lang=ko");
        assertThat(find("h1").getText()).isEqualTo("메일함");
        assertThat(new Select(find("select[name=status]")).getOptions()).extracting(WebElement::getText)
                .contains("발송 대기");
        assertThat(find("#mailbox tbody tr td[data-label]").getText()).isNotBlank();
        Object fits = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth");
        assertThat(fits).isEqualTo(Boolean.TRUE);
        open("/mailbox?lang=en");
    }

    private static long messages(Tenant tenant, String applicationId) {
        return tenant.admin().get("/api/v1/messages?applicationId=" + applicationId).json().path("items").size();
    }

    /** Date and time inputs take typing in the browser's own format; set the value the form sends instead. */
    private void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
    }
}
