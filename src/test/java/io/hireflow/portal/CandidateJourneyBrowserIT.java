package io.hireflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import io.hireflow.TestNodes;
import io.hireflow.BrowserTest;
import io.hireflow.TestOrganizations;
import io.hireflow.candidates.DocumentFixtures;

/**
 * A candidate's whole way in Chromium, with real SMTP (GreenMail): applying to a demo job in Korean with a PDF
 * résumé, the receipt arriving, signing in to the portal from the emailed link; the demo candidate who applied to
 * both demo organizations seeing both, withdrawing one, and the recruiter seeing it withdrawn on the board.
 */
class CandidateJourneyBrowserIT extends BrowserTest {

    static final int SMTP_PORT = TestNodes.freePort();
    static final GreenMail SMTP = TestNodes.smtp(SMTP_PORT);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s)\\]]+/portal/sign-in/[A-Za-z0-9_-]+");

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
        registry.add("hireflow.notifications.dispatch", () -> "true");
        registry.add("hireflow.notifications.poll-interval", () -> "200ms");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aCandidateAppliesIsToldSignsInAndTheDemoCandidateWithdrawsOneOfTwo() throws Exception {
        String email = "jimin-" + UUID.randomUUID() + "@example.com";
        Path resume = Files.createTempFile("이력서", ".pdf");
        Files.write(resume, DocumentFixtures.minimalPdf());

        open("/careers/moveon?lang=ko");
        find("ul.postings a").click();
        find("#apply-button").click();
        find("input[name=name]").sendKeys("한지민");
        find("input[name=email]").sendKeys(email);
        find("input[name=phone]").sendKeys("010-2345-6789");
        find("input[name=region]").sendKeys("부산");
        browser.findElement(By.name("resume")).sendKeys(resume.toAbsolutePath().toString());
        find("input[name=consentApplication]").click();
        find("#apply button.primary").click();
        assertThat(find("#received").getText()).contains("무브온 모빌리티").contains("DevOps Engineer");

        MimeMessage receipt = arrived(email, "지원이 접수되었습니다");
        assertThat(receipt.getSubject()).contains("DevOps Engineer");

        signInToPortal(email);
        List<WebElement> mine = browser.findElements(By.cssSelector("#my-applications > li"));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).getText()).contains("DevOps Engineer").contains("무브온 모빌리티");
        signOutOfPortal();

        // the demo candidate of the story applied to both demo organizations
        String story = "woojin.jung@example.com";
        signInToPortal(story);
        List<WebElement> both = browser.findElements(By.cssSelector("#my-applications > li"));
        assertThat(both).extracting(WebElement::getText).anyMatch(text -> text.contains("무브온 모빌리티"))
                .anyMatch(text -> text.contains("한빛은행"));
        // the one still in progress (in the story, the other ended already)
        WebElement open = both.stream().filter(item -> !item.findElements(By.cssSelector("form.withdraw")).isEmpty())
                .findFirst().orElseThrow();
        String applicationId = open.getAttribute("data-application");
        String recruiter = open.getText().contains("한빛은행") ? "recruiter@hanbit.example"
                : "recruiter@moveon.example";
        open.findElement(By.name("reason")).sendKeys("다른 회사 제안을 수락했습니다");
        open.findElement(By.cssSelector("form.withdraw button")).click();
        assertThat(find(".alert.ok").getText()).contains("지원을 취소했습니다");
        signOutOfPortal();

        signIn(recruiter, TestOrganizations.OPERATOR_PASSWORD);
        String job = organizations.signIn(recruiter, TestOrganizations.OPERATOR_PASSWORD)
                .get("/api/v1/applications/" + applicationId).text("jobId");
        open("/jobs/" + job + "?status=WITHDRAWN");
        assertThat(find("main").getText()).contains("정우진");
    }

    private void signInToPortal(String email) {
        long before = links(email).size();
        open("/portal");
        find("#sign-in input[name=email]").sendKeys(email);
        find("#sign-in button").click();
        find("#link-sent");
        await().atMost(Duration.ofSeconds(20)).until(() -> links(email).size() > before);
        List<String> links = links(email);
        browser.get(links.get(links.size() - 1));
        find("#confirm-sign-in").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-applications")));
    }

    /** The portal links mailed to this address so far, oldest first. */
    private static List<String> links(String email) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(message -> recipient(message).equalsIgnoreCase(email))
                .map(CandidateJourneyBrowserIT::text)
                .map(LINK::matcher).filter(Matcher::find).map(Matcher::group).toList();
    }

    /** The plain-text part of a message. */
    private static String text(MimeMessage message) {
        try {
            return (String) ((jakarta.mail.Multipart) message.getContent()).getBodyPart(0).getContent();
        } catch (jakarta.mail.MessagingException | IOException e) {
            return "";
        }
    }

    private static MimeMessage arrived(String email, String subject) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(SMTP.getReceivedMessages())
                .filter(message -> recipient(message).equalsIgnoreCase(email))
                .filter(message -> subject(message).contains(subject)).findFirst().orElse(null),
                message -> message != null);
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

}
