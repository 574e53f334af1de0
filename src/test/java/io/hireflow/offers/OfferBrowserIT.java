package io.hireflow.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.BrowserTest;
import io.hireflow.TestJobs;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;

/**
 * In Chromium: version 1 of an offer inside the job's salary band is sent; the candidate counters in the portal on
 * base salary and start date with a message; the recruiter answers with version 2 inside the band and sends it; the
 * candidate sees version 2 with what changed and accepts it; the recruiter finds the candidate in the board's Hired
 * column.
 */
class OfferBrowserIT extends BrowserTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aCounterIsAnsweredWithANewVersionWhichTheCandidateAcceptsAndIsHired() {
        Tenant tenant = organizations.create();
        String recruiterEmail = tenant.userEmail("RECRUITER");
        ApiClient recruiter = organizations.signIn(recruiterEmail, TestOrganizations.PASSWORD);
        String jobId = TestJobs.job(recruiter, "Platform engineer", TestJobs.INTERVIEW_PIPELINE).path("id")
                .asString();
        assertThat(recruiter.put("/api/v1/jobs/" + jobId + "/salary-bands/L4", Map.of("minKrw", 60_000_000,
                "maxKrw", 80_000_000)).status()).isEqualTo(200);
        String email = "hana-" + UUID.randomUUID() + "@example.com";
        String application = TestJobs.advanced(recruiter, jobId, Map.of("name", "Hana Lee", "email", email));
        assertThat(recruiter.post("/api/v1/applications/" + application + "/transitions", Map.of("action", "ADVANCE",
                "version", 1)).status()).isEqualTo(200);
        var created = recruiter.post("/api/v1/applications/" + application + "/offers", Map.of("level", "L4",
                "baseSalaryKrw", 65_000_000, "startDate", today().plusDays(30).toString(),
                "expiresOn", today().plusDays(7).toString(), "workLocation", "Seoul HQ",
                "message", "We would love to have you on the platform team."));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String offer = created.text("id");
        assertThat(recruiter.post("/api/v1/offers/" + offer + "/send", Map.of()).status()).isEqualTo(200);

        // the candidate opens the offer from their applications and counters on base salary and start date
        signInToPortal(jdbc, email);
        WebElement link = find("#my-applications .open-offer");
        assertThat(link.getText()).isEqualTo("Offer from Test " + tenant.slug());
        assertThat(find("#my-applications .offer-status").getText()).isEqualTo("Open");
        link.click();
        assertThat(find("#offer-in-hand").getText()).contains("Version 1");
        assertThat(find("#offer-terms tr[data-field=baseSalaryKrw] .now").getText()).isEqualTo("KRW 65,000,000");
        find("#counter-offer summary").click();
        WebElement base = find("#counter-offer input[name=baseSalaryKrw]");
        assertThat(base.getAttribute("value")).isEqualTo("65,000,000");
        base.clear();
        base.sendKeys("80,000,000");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                find("#counter-offer input[name=startDate]"), today().plusDays(45).toString());
        find("#counter-offer textarea[name=message]").sendKeys(
                "I am hoping for 80 million, and I need two more weeks to hand over my current work.");
        find("#counter-offer button[type=submit]").click();
        awaitText(By.cssSelector(".alert.ok"), "Your counter-proposal was sent.");
        assertThat(find("#counter-waiting").getText()).contains("waits for the company's answer");
        assertThat(browser.findElements(By.id("counter-offer"))).isEmpty();
        WebElement counter = find("#offer-thread li[data-counter-to='1']");
        assertThat(counter.findElement(By.cssSelector(".offer-who")).getText())
                .isEqualTo("Your counter-proposal to version 1");
        assertThat(counter.findElement(By.cssSelector(".offer-changes")).getText())
                .contains("Base salary (a year): KRW 65,000,000 \u2192 KRW 80,000,000")
                .contains("Start date: " + Offers.day(today().plusDays(30), "en") + " \u2192 "
                        + Offers.day(today().plusDays(45), "en"));

        // the recruiter answers with version 2, inside the band (so no approval), and sends it
        var proposed = recruiter.post("/api/v1/offers/" + offer + "/versions", Map.of("baseSalaryKrw", 75_000_000,
                "startDate", today().plusDays(40).toString(), "expiresOn", today().plusDays(10).toString(),
                "message", "We can do 75 million and a start in 40 days."));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().path("versions").get(2).path("approval").asString()).isEqualTo("NOT_NEEDED");
        assertThat(recruiter.post("/api/v1/offers/" + offer + "/send", Map.of()).status()).isEqualTo(200);

        // the candidate reloads: version 2 is in hand, with what changed from their counter; they accept it
        browser.navigate().refresh();
        awaitText(By.id("offer-in-hand"), "Version 2");
        assertThat(find("#offer-holds-until").getText()).contains("the end of " + today().plusDays(10));
        assertThat(find("#offer-terms tr.changed[data-field=baseSalaryKrw]").getText())
                .contains("KRW 75,000,000").contains("(was KRW 80,000,000)");
        WebElement answer = find("#offer-thread li[data-version='2']");
        assertThat(answer.getText()).contains("We can do 75 million");
        assertThat(answer.findElement(By.cssSelector(".offer-changes")).getText())
                .contains("Base salary (a year): KRW 80,000,000 \u2192 KRW 75,000,000");
        assertThat(browser.findElements(By.id("counter-waiting"))).isEmpty();
        find("#accept-offer button").click();
        awaitText(By.cssSelector(".alert.ok"), "You accepted the offer.");
        assertThat(find("#offer-status").getText()).isEqualTo("Accepted");
        assertThat(find("#offer-ended").getText()).contains("You accepted version 2 of this offer.");
        assertThat(browser.findElements(By.id("offer-answer"))).isEmpty();
        signOutOfPortal();

        // the recruiter opens the job's board, looks at the hired, and finds the candidate in the Hired column
        signIn(recruiterEmail, TestOrganizations.PASSWORD);
        open("/jobs/" + jobId + "?lang=en");
        find(".board-bar .subnav a[href*='status=HIRED']").click();
        awaitText(By.cssSelector(".column[data-stage-kind=HIRED] .card-item .name"), "Hana Lee");
        assertThat(find(".column[data-stage-kind=HIRED] .column-count").getText()).isEqualTo("1");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SEOUL));
    }
}
