package io.hireflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.hireflow.ApiClient;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;
import tools.jackson.databind.JsonNode;

/** A recruiter edits a job's pipeline in the stage editor, which works by plain form posts. */
class JobPipelineBrowserIT extends JobsBrowserTest {

    @Test
    void addsRenamesMovesAndRemovesStagesThenSavesThemInTheNewOrder() {
        Tenant tenant = organizations.create();
        String email = tenant.userEmail("RECRUITER");
        ApiClient recruiter = organizations.signIn(email, TestOrganizations.PASSWORD);
        JsonNode job = recruiter.post("/api/v1/jobs", Map.of("title", "DevOps Engineer", "employmentType",
                "FULL_TIME")).json();
        String id = job.path("id").asString();
        List<String> before = ids(job);
        signIn(email, TestOrganizations.PASSWORD);

        open("/jobs/" + id + "/pipeline");
        assertThat(find(".subnav a.on").getText()).isEqualTo("Pipeline");
        assertThat(rows()).hasSize(6);

        press("add");
        assertThat(rows()).hasSize(7);
        WebElement added = find("input[name='stages[5].name']");
        assertThat(browser.switchTo().activeElement()).isEqualTo(added);
        assertThat(find(".alert.info").getText()).contains("Not saved yet");
        added.sendKeys("Executive interview");
        type("stages[5].candidateNameEn", "Final interview");
        type("stages[5].deadlineDays", "5");
        type("stages[1].name", "Take-home assignment");

        press("up:5");
        assertThat(value("stages[4].name")).isEqualTo("Executive interview");
        assertThat(value("stages[1].name")).isEqualTo("Take-home assignment");

        press("remove:0");
        assertThat(rows()).hasSize(6);
        assertThat(value("stages[0].name")).isEqualTo("Take-home assignment");
        assertThat(value("stages[3].name")).isEqualTo("Executive interview");
        assertThat(new Select(find("select[name='stages[3].kind']")).getFirstSelectedOption().getText())
                .isEqualTo("Interview");

        press("save");
        assertThat(find(".alert.ok").getText()).isEqualTo("The pipeline was saved.");

        JsonNode saved = recruiter.get("/api/v1/jobs/" + id).json();
        List<String> names = new ArrayList<>();
        saved.path("stages").forEach(stage -> names.add(stage.path("name").asString()));
        assertThat(names).hasSize(6);
        assertThat(names.get(0)).isEqualTo("Take-home assignment");
        assertThat(names.get(3)).isEqualTo("Executive interview");
        assertThat(ids(saved)).containsExactly(before.get(1), before.get(2), before.get(3), ids(saved).get(3),
                before.get(4), before.get(5));
        JsonNode executive = saved.path("stages").get(3);
        assertThat(executive.path("kind").asString()).isEqualTo("INTERVIEW");
        assertThat(executive.path("candidateNameEn").asString()).isEqualTo("Final interview");
        assertThat(executive.path("candidateNameKo").asString()).isEqualTo("Executive interview");
        assertThat(executive.path("deadlineDays").asInt()).isEqualTo(5);
        assertThat(value("stages[3].name")).isEqualTo("Executive interview");
    }

    @Test
    void refusesToRemoveAStageThatHoldsAnApplicationAndChangesNothing() {
        Tenant tenant = organizations.create();
        String email = tenant.userEmail("RECRUITER");
        ApiClient recruiter = organizations.signIn(email, TestOrganizations.PASSWORD);
        JsonNode job = recruiter.post("/api/v1/jobs", Map.of("title", "SRE", "employmentType", "FULL_TIME")).json();
        String id = job.path("id").asString();
        var application = recruiter.post("/api/v1/applications", Map.of("jobId", id,
                "candidate", Map.of("name", "정우진", "email", "woojin@example.com")));
        assertThat(application.status()).as(application.toString()).isEqualTo(201);
        String firstStage = job.path("stages").get(0).path("name").asString();
        signIn(email, TestOrganizations.PASSWORD);

        open("/jobs/" + id + "/pipeline");
        type("stages[1].name", "Renamed too");
        press("remove:0");
        press("save");

        assertThat(find(".alert.error").getText())
                .isEqualTo("The stage \"" + firstStage + "\" holds 1 application(s) and cannot be removed. "
                        + "Move them first.");
        assertThat(rows()).hasSize(5);
        assertThat(value("stages[0].name")).isEqualTo("Renamed too");

        JsonNode unchanged = recruiter.get("/api/v1/jobs/" + id).json();
        assertThat(ids(unchanged)).isEqualTo(ids(job));
        assertThat(unchanged.path("stages").get(1).path("name").asString())
                .isEqualTo(job.path("stages").get(1).path("name").asString());
        assertThat(unchanged.path("version").asLong()).isEqualTo(job.path("version").asLong());
    }

    @Test
    void showsWhatIsWrongWithAStageBesideItsRow() {
        Tenant tenant = organizations.create();
        String email = tenant.userEmail("RECRUITER");
        ApiClient recruiter = organizations.signIn(email, TestOrganizations.PASSWORD);
        JsonNode job = recruiter.post("/api/v1/jobs", Map.of("title", "SRE", "employmentType", "FULL_TIME")).json();
        String id = job.path("id").asString();
        signIn(email, TestOrganizations.PASSWORD);

        open("/jobs/" + id + "/pipeline");
        new Select(find("select[name='stages[2].kind']")).selectByValue("HIRED");
        type("stages[3].name", value("stages[0].name"));
        press("save");

        assertThat(errorBeside("select[name='stages[2].kind']"))
                .isEqualTo("Only the last stage can be of kind HIRED.");
        assertThat(errorBeside("input[name='stages[3].name']")).startsWith("Two stages are named");
        assertThat(find("select[name='stages[2].kind']").getAttribute("class")).contains("invalid");
        assertThat(recruiter.get("/api/v1/jobs/" + id).json().path("stages").get(2).path("kind").asString())
                .isEqualTo("INTERVIEW");
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector(".stage-rows .stage-row"));
    }

    private static List<String> ids(JsonNode job) {
        List<String> ids = new ArrayList<>();
        job.path("stages").forEach(stage -> ids.add(stage.path("id").asString()));
        return ids;
    }
}
