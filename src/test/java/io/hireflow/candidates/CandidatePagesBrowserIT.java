package io.hireflow.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.hireflow.BrowserTest;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;

/** A recruiter adds a candidate to a job and corrects their details; bad input is marked beside its field. */
class CandidatePagesBrowserIT extends BrowserTest {

    @Test
    void addsACandidateToAJobAndEditsTheirDetails() {
        Tenant tenant = organizations.create();
        String recruiter = tenant.userEmail("RECRUITER");
        var job = tenant.admin().post("/api/v1/jobs", Map.of("title", "Platform Engineer", "employmentType", "FULL_TIME"));
        signIn(recruiter, TestOrganizations.PASSWORD);
        open("/jobs/" + job.text("id"));
        find(".board-add").click();

        find("input[name=name]").sendKeys("박서준");
        browser.findElement(By.name("email")).sendKeys("not an email");
        browser.findElement(By.name("githubUrl")).sendKeys("github.com/seojun");
        browser.findElement(By.name("tags")).sendKeys("kubernetes, aws");
        browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
        assertThat(find("input[name=email].invalid").getAttribute("value")).isEqualTo("not an email");
        assertThat(browser.findElements(By.cssSelector(".field-error"))).hasSize(2);
        assertThat(browser.findElement(By.name("name")).getAttribute("value")).isEqualTo("박서준");
        assertThat(browser.findElement(By.name("tags")).getAttribute("value")).isEqualTo("kubernetes, aws");
        assertThat(tenant.admin().get("/api/v1/candidates").json().path("items").size()).isZero();

        browser.findElement(By.name("email")).clear();
        browser.findElement(By.name("email")).sendKeys("seojun@example.com");
        browser.findElement(By.name("githubUrl")).clear();
        browser.findElement(By.name("githubUrl")).sendKeys("https://github.com/seojun");
        browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/applications/"));
        assertThat(find("#timeline li[data-type=APPLIED]").getText()).contains("Added");

        find(".page-head h1 a").click();
        find(".page-head a.button").click();
        browser.findElement(By.name("region")).sendKeys("부산");
        browser.findElement(By.name("name")).clear();
        browser.findElement(By.name("name")).sendKeys("박서준 (Seojun Park)");
        browser.findElement(By.name("tags")).clear();
        browser.findElement(By.name("tags")).sendKeys("kubernetes, aws, kafka");
        browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
        assertThat(find(".alert.ok").getText()).contains("saved");
        var candidate = tenant.admin().get("/api/v1/candidates").json().path("items").get(0);
        assertThat(candidate.path("region").asString()).isEqualTo("부산");
        assertThat(candidate.path("tags").toString()).contains("kafka");
        // the board's card carries the new name too
        open("/jobs/" + job.text("id"));
        assertThat(find("#board .card-item .name").getText()).isEqualTo("박서준 (Seojun Park)");
    }
}
