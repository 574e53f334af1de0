package io.hireflow.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.BrowserTest;
import io.hireflow.TestJobs;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;

/**
 * In Chromium: two candidates are offered the same three times; the first picks one, which the second no longer sees;
 * the second asks to be interviewed by video, a recruiter approves it on the Interviews page, and the candidate's portal
 * and invite change.
 */
class InterviewPortalBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void candidatesPickFromTheSameSlotsAndARemoteRequestIsApproved() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String lead = tenant.userId(tenant.userEmail("INTERVIEWER"));
        String jobId = TestJobs.job(recruiter, "Cloud engineer", "Screening:REVIEW", "Interview:INTERVIEW",
                "Hired:HIRED").path("id").asString();
        Instant day = clock.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(1));
        List<Instant> slots = List.of(day, day.plus(Duration.ofHours(2)), day.plus(Duration.ofHours(4)));
        String first = "first-" + UUID.randomUUID() + "@example.com";
        String second = "second-" + UUID.randomUUID() + "@example.com";
        for (String email : List.of(first, second)) {
            String application = recruiter.post("/api/v1/applications", Map.of("jobId", jobId,
                    "candidate", Map.of("name", email.startsWith("first") ? "Mina Han" : "Joon Park", "email",
                            email))).text("id");
            recruiter.post("/api/v1/applications/" + application + "/transitions", Map.of("action", "ADVANCE",
                    "version", 0));
            var offered = recruiter.post("/api/v1/applications/" + application + "/interviews", Map.of("title",
                    "Technical interview", "durationMinutes", 90, "location", "Seoul HQ, 3F", "slots", slots,
                    "panel", List.of(Map.of("userId", lead, "role", "Team lead"))));
            assertThat(offered.status()).as(offered.body()).isEqualTo(201);
        }

        // the first candidate sees three times and takes the middle one
        signInToPortal(jdbc, first);
        List<WebElement> times = browser.findElements(By.cssSelector(".pick-slot input[name=slotId]"));
        assertThat(times).hasSize(3);
        times.get(1).click();
        find(".pick-slot button[type=submit]").click();
        awaitText(By.cssSelector(".alert.ok"), "Your interview is booked");
        assertThat(find(".interview-format").getText()).isEqualTo("In person at Seoul HQ, 3F");
        signOutOfPortal();

        // the second sees the two left, and asks to be interviewed by video
        signInToPortal(jdbc, second);
        assertThat(browser.findElements(By.cssSelector(".pick-slot input[name=slotId]"))).hasSize(2);
        browser.findElements(By.cssSelector(".pick-slot input[name=slotId]")).get(0).click();
        find(".pick-slot button[type=submit]").click();
        awaitText(By.cssSelector(".alert.ok"), "Your interview is booked");
        find(".ask-remote summary").click();
        find(".ask-remote textarea[name=reason]").sendKeys("I am abroad that week; a video call would work.");
        find(".ask-remote button[type=submit]").click();
        awaitText(By.cssSelector(".remote-request-state"), "waiting for an answer");
        signOutOfPortal();

        // a recruiter approves it on the Interviews page, with the call's link
        signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);
        open("/interviews?lang=en");
        assertThat(find(".remote-request .reason").getText()).contains("abroad");
        find(".decide-remote input[name=videoLink]").sendKeys("https://meet.example.com/joon");
        find(".decide-remote button[value=true]").click();
        awaitText(By.cssSelector(".alert.ok"), "The request was approved");

        // the candidate's portal and invite now say video
        open("/portal?lang=en");
        signInToPortal(jdbc, second);
        assertThat(find(".interview-format").getText()).isEqualTo("By video call: https://meet.example.com/joon");
        assertThat(find(".remote-request-state").getText()).contains("was approved");
        String invite = jdbc.sql("""
                select convert_from(attachment_data, 'UTF8') from outbound_message
                where event = 'INTERVIEW_UPDATED' and recipient = ?""")
                .param(second).query(String.class).single().replace("\r\n ", "");
        assertThat(invite).contains("SEQUENCE:1").contains("https://meet.example.com/joon");
    }
}
