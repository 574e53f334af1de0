package io.hireflow.interviews.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.BrowserTest;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.candidates.DocumentFixtures;

/**
 * In Chromium: a candidate from Busan invited to an in-person interview claims their train fare in the portal with a
 * PDF receipt; the recruiter approves it and marks it paid; the candidate sees it paid.
 */
class TravelClaimBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @TempDir
    Path files;

    @Test
    void aClaimWithAReceiptIsSubmittedApprovedAndPaid() throws Exception {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String lead = tenant.userId(tenant.userEmail("INTERVIEWER"));
        Instant at = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        TravelClaimTests.Candidate candidate = TravelClaimTests.candidate(recruiter, TravelClaimTests.job(recruiter),
                "부산 해운대구");
        String interview = TravelClaimTests.schedule(recruiter, candidate.application(), lead, at, "IN_PERSON");
        Path receipt = files.resolve("ktx-receipt.pdf");
        Files.write(receipt, DocumentFixtures.minimalPdf());

        // the candidate signs into the portal and finds travel supported for the interview
        signInToPortal(jdbc, candidate.email());
        assertThat(find(".travel-supported").getText()).contains("KTX/SRT train").contains("150,000");
        WebElement form = find("form.travel-claim-form");
        WebElement date = form.findElements(By.name("tripDate")).get(0);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", date,
                LocalDate.ofInstant(at, ZoneId.of("Asia/Seoul")).toString());
        form.findElements(By.name("tripFrom")).get(0).sendKeys("부산역");
        form.findElements(By.name("tripTo")).get(0).sendKeys("서울역");
        form.findElements(By.name("tripAmount")).get(0).sendKeys("59800");
        form.findElement(By.name("receipts")).sendKeys(receipt.toString());
        form.findElement(By.name("accountHolder")).sendKeys("정우진");
        form.findElement(By.name("bankName")).sendKeys("부산은행");
        form.findElement(By.name("accountNumber")).sendKeys("110-432-905678");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        awaitText(By.cssSelector(".travel-claim-state"), "Your claim: Submitted, KRW 59,800");
        assertThat(find(".travel a").getText()).isEqualTo("ktx-receipt.pdf");
        signOutOfPortal();

        // the recruiter finds it in the claims, sees the receipt and the account's last four digits, approves, pays
        signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);
        open("/travel-claims?status=SUBMITTED&lang=en");
        find("#travel-claims tbody tr a").click();
        assertThat(find("#claim-receipts a").getText()).isEqualTo("ktx-receipt.pdf");
        assertThat(find("#claim-bank").getText()).contains("••••5678").doesNotContain("905678");
        find("#approve-claim button").click();
        awaitText(By.id("claim-status"), "Approved");
        find("#pay-claim button").click();
        awaitText(By.id("claim-status"), "Paid");
        assertThat(browser.getPageSource()).contains("Deleted after payment.");
        assertThat(jdbc.sql("select bank_details is null from travel_claim where interview_id = ?")
                .param(UUID.fromString(interview)).query(Boolean.class).single()).isTrue();

        // the candidate sees it paid
        signInToPortal(jdbc, candidate.email());
        awaitText(By.cssSelector(".travel-claim-state"), "Your claim: Paid, KRW 59,800");
        assertThat(find(".travel-paid-on").getText()).startsWith("Paid on ");
    }
}
