package io.hireflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.hireflow.ApiClient;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;
import tools.jackson.databind.JsonNode;

/** A recruiter opens a job and changes its details in the browser. */
class JobPagesBrowserIT extends JobsBrowserTest {

    @Test
    void aRecruiterCreatesAJobFromTheDefaultTemplateAndLandsOnItsBoard() {
        Tenant tenant = organizations.create();
        String email = tenant.userEmail("RECRUITER");
        ApiClient recruiter = organizations.signIn(email, TestOrganizations.PASSWORD);
        signIn(email, TestOrganizations.PASSWORD);

        open("/jobs");
        find("a.button.primary[href$='/jobs/new']").click();
        wait.until(ExpectedConditions.urlContains("/jobs/new"));
        Select template = new Select(find("select[name=templateId]"));
        assertThat(template.getFirstSelectedOption().getText()).contains("(default)");
        find("input[name=title]").sendKeys("DevOps Engineer");
        find("input[name=team]").sendKeys("Platform");
        find("textarea[name=locations]").sendKeys("Seoul\nBusan\n");
        new Select(find("select[name=employmentType]")).selectByValue("CONTRACTOR");
        WebElement headcount = find("input[name=headcount]");
        headcount.clear();
        headcount.sendKeys("2");
        new Select(find("select[name=status]")).selectByValue("DRAFT");
        find("textarea[name=description]").sendKeys("## What you will do\n\n- Run Kubernetes");
        find("form button.primary[type=submit]").click();

        wait.until(ExpectedConditions.urlMatches("/jobs/[0-9a-f-]{36}$"));
        String url = browser.getCurrentUrl();
        String id = url.substring(url.lastIndexOf('/') + 1);
        JsonNode job = recruiter.get("/api/v1/jobs/" + id).json();
        assertThat(job.path("title").asString()).isEqualTo("DevOps Engineer");
        assertThat(job.path("team").asString()).isEqualTo("Platform");
        assertThat(texts(job.path("locations"))).containsExactly("Seoul", "Busan");
        assertThat(job.path("employmentType").asString()).isEqualTo("CONTRACTOR");
        assertThat(job.path("headcount").asInt()).isEqualTo(2);
        assertThat(job.path("status").asString()).isEqualTo("DRAFT");
        assertThat(job.path("description").asString()).contains("Run Kubernetes");
        List<String> kinds = new ArrayList<>();
        job.path("stages").forEach(stage -> kinds.add(stage.path("kind").asString()));
        assertThat(kinds).containsExactly("REVIEW", "ASSIGNMENT", "INTERVIEW", "INTERVIEW", "OFFER", "HIRED");

        open("/jobs?status=draft");
        WebElement link = find("table a[href$='/jobs/" + id + "']");
        assertThat(link.getText()).isEqualTo("DevOps Engineer");
        String row = link.findElement(By.xpath("ancestor::tr")).getText();
        assertThat(row).contains("Platform", "Seoul, Busan", "Contractor", "Draft");
        open("/jobs?status=open");
        assertThat(browser.findElements(By.cssSelector("table a[href$='/jobs/" + id + "']"))).isEmpty();
    }

    @Test
    void anInvalidEditShowsTheProblemBesideTheFieldAndChangesNothing() {
        Tenant tenant = organizations.create();
        String email = tenant.userEmail("RECRUITER");
        ApiClient recruiter = organizations.signIn(email, TestOrganizations.PASSWORD);
        var created = recruiter.post("/api/v1/jobs", Map.of("title", "SRE", "team", "Infra",
                "employmentType", "FULL_TIME", "description", "Keep it **up**. <script>alert(1)</script>"));
        String id = created.text("id");
        signIn(email, TestOrganizations.PASSWORD);

        open("/jobs/" + id + "/edit");
        assertThat(find("h1").getText()).isEqualTo("SRE");
        assertThat(find(".subnav a.on").getText()).isEqualTo("Edit");
        assertThat(find(".subnav a.on").getAttribute("aria-current")).isEqualTo("page");
        assertThat(find(".subnav a[href$='/jobs/" + id + "']").getAttribute("aria-current")).isNull();
        WebElement preview = find("div.markdown");
        assertThat(preview.findElements(By.tagName("strong"))).hasSize(1);
        assertThat(preview.findElements(By.tagName("script"))).isEmpty();
        assertThat(preview.getText()).contains("<script>alert(1)</script>");

        WebElement title = find("input[name=title]");
        title.clear();
        title.sendKeys("   ");
        WebElement team = find("input[name=team]");
        team.clear();
        team.sendKeys("Reliability");
        submitWith(find("form button.primary[type=submit]"));

        WebElement titleAgain = find("input[name=title]");
        assertThat(titleAgain.getAttribute("class")).contains("invalid");
        assertThat(errorBeside("input[name=title]")).isEqualTo("is required");
        assertThat(find("input[name=team]").getAttribute("value")).isEqualTo("Reliability");

        JsonNode job = recruiter.get("/api/v1/jobs/" + id).json();
        assertThat(job.path("title").asString()).isEqualTo("SRE");
        assertThat(job.path("team").asString()).isEqualTo("Infra");
        assertThat(job.path("version").asLong()).isEqualTo(created.json().path("version").asLong());
    }

    @Test
    void aStaleEditIsRefusedAndKeepsWhatWasTyped() {
        Tenant tenant = organizations.create();
        String email = tenant.userEmail("RECRUITER");
        ApiClient recruiter = organizations.signIn(email, TestOrganizations.PASSWORD);
        String id = recruiter.post("/api/v1/jobs", Map.of("title", "SRE", "employmentType", "FULL_TIME")).text("id");
        signIn(email, TestOrganizations.PASSWORD);

        open("/jobs/" + id + "/edit");
        recruiter.put("/api/v1/jobs/" + id + "/team", Map.of("recruiters", List.of())); // someone else saves meanwhile
        WebElement title = find("input[name=title]");
        title.clear();
        title.sendKeys("Site Reliability Engineer");
        submitWith(find("form button.primary[type=submit]"));

        assertThat(find(".alert.error").getText()).contains("changed this meanwhile");
        assertThat(find("input[name=title]").getAttribute("value")).isEqualTo("Site Reliability Engineer");
        assertThat(recruiter.get("/api/v1/jobs/" + id).text("title")).isEqualTo("SRE");
    }

    @Test
    void staffWhoDoNotRecruitSeeTheJobsButCannotChangeThem() {
        Tenant tenant = organizations.create();
        String id = tenant.admin().post("/api/v1/jobs", Map.of("title", "SRE", "employmentType", "FULL_TIME"))
                .text("id");
        signIn(tenant.userEmail("INTERVIEWER"), TestOrganizations.PASSWORD);

        open("/jobs");
        assertThat(find("table a[href$='/jobs/" + id + "']").getText()).isEqualTo("SRE");
        assertThat(browser.findElements(By.cssSelector("main a[href$='/jobs/new']"))).isEmpty();
        for (String page : List.of("/jobs/new", "/jobs/" + id + "/edit", "/jobs/" + id + "/pipeline",
                "/jobs/" + id + "/team", "/settings/pipeline-templates")) {
            open(page);
            assertThat(find("h1").getText()).as(page).isEqualTo("Not allowed");
        }
    }

    @Test
    void aJobOfAnotherOrganizationIsNotFound() {
        Tenant other = organizations.create();
        String foreign = other.admin().post("/api/v1/jobs", Map.of("title", "Secret", "employmentType",
                "FULL_TIME")).text("id");
        Tenant tenant = organizations.create();
        signIn(tenant.userEmail("RECRUITER"), TestOrganizations.PASSWORD);

        open("/jobs");
        assertThat(browser.findElements(By.cssSelector("a[href$='/jobs/" + foreign + "']"))).isEmpty();
        for (String page : List.of("/jobs/" + foreign + "/edit", "/jobs/" + foreign + "/pipeline",
                "/jobs/" + foreign + "/team")) {
            open(page);
            assertThat(find("h1").getText()).as(page).isEqualTo("Not found");
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }
}
