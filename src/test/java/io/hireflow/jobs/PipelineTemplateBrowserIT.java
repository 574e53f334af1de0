package io.hireflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;

/** An admin keeps the organization's pipeline templates. */
class PipelineTemplateBrowserIT extends JobsBrowserTest {

    @Test
    void anAdminCreatesATemplateAndMakesItTheDefault() {
        Tenant tenant = organizations.create();
        signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);

        open("/settings/pipeline-templates");
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(1);
        submitWith(find("a.button.primary[href$='/settings/pipeline-templates/new']"));
        assertThat(browser.findElements(By.cssSelector(".stage-row"))).hasSize(6);
        type("name", "Fast track");
        press("remove:1");
        press("save");

        assertThat(find(".alert.ok").getText()).isEqualTo("The template \"Fast track\" was created.");
        WebElement row = templateRow("Fast track");
        assertThat(row.findElements(By.cssSelector(".badge"))).isEmpty();
        submitWith(row.findElement(By.xpath(".//button[normalize-space()='Make default']")));

        assertThat(find(".alert.ok").getText()).isEqualTo("The template \"Fast track\" is now the default.");
        assertThat(templateRow("Fast track").findElement(By.cssSelector(".badge")).getText()).isEqualTo("Default");
        assertThat(browser.findElements(By.cssSelector("tbody .badge"))).hasSize(1);
        var job = tenant.admin().post("/api/v1/jobs", Map.of("title", "SRE", "employmentType", "FULL_TIME"));
        List<String> kinds = new ArrayList<>();
        job.json().path("stages").forEach(stage -> kinds.add(stage.path("kind").asString()));
        assertThat(kinds).containsExactly("REVIEW", "INTERVIEW", "INTERVIEW", "OFFER", "HIRED");

        open("/jobs/new");
        assertThat(find("select[name=templateId] option:checked").getText()).isEqualTo("Fast track (default)");
    }

    @Test
    void refusesToDeleteTheDefaultTemplateAndSaysWhy() {
        Tenant tenant = organizations.create();
        signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);

        open("/settings/pipeline-templates");
        submitWith(find("tbody tr button.danger"));

        assertThat(find(".alert.error").getText()).startsWith("The default template cannot be removed.");
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(1);
    }

    @Test
    void namesAMissingTemplateNameBesideTheField() {
        Tenant tenant = organizations.create();
        signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);

        open("/settings/pipeline-templates/new");
        type("name", " ");
        press("save");

        assertThat(errorBeside("input[name=name]")).isEqualTo("is required");
        assertThat(browser.findElements(By.cssSelector(".stage-row"))).hasSize(6);
    }

    private WebElement templateRow(String name) {
        return find("tbody").findElement(By.xpath(".//tr[.//a[normalize-space()='" + name + "']]"));
    }
}
