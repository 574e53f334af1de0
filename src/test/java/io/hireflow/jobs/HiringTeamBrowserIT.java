package io.hireflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.hireflow.ApiClient;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;
import tools.jackson.databind.JsonNode;

/** A recruiter chooses who works on a job. */
class HiringTeamBrowserIT extends JobsBrowserTest {

    @Test
    void aRecruiterPicksTheHiringTeamAmongTheOrganizationsStaff() {
        Tenant tenant = organizations.create();
        String email = tenant.userEmail("RECRUITER");
        tenant.userEmail("HIRING_MANAGER");
        tenant.userEmail("INTERVIEWER");
        ApiClient recruiter = organizations.signIn(email, TestOrganizations.PASSWORD);
        String id = recruiter.post("/api/v1/jobs", Map.of("title", "SRE", "employmentType", "FULL_TIME")).text("id");
        signIn(email, TestOrganizations.PASSWORD);

        open("/jobs/" + id + "/team");
        assertThat(find(".subnav a.on").getText()).isEqualTo("Team");
        check("Recruiters", "User RECRUITER");
        check("Hiring managers", "User HIRING_MANAGER");
        check("Interviewers", "User HIRING_MANAGER");
        check("Interviewers", "User INTERVIEWER");
        submitWith(find("form button.primary[type=submit]"));

        assertThat(find(".alert.ok").getText()).isEqualTo("The hiring team was saved.");
        assertThat(box("Interviewers", "User INTERVIEWER").isSelected()).isTrue();
        assertThat(box("Recruiters", "User INTERVIEWER").isSelected()).isFalse();
        Map<String, String> team = new HashMap<>();
        JsonNode members = recruiter.get("/api/v1/jobs/" + id).json().path("hiringTeam");
        members.forEach(member -> team.merge(member.path("role").asString(), member.path("name").asString(),
                (a, b) -> a + ", " + b));
        assertThat(members).hasSize(4);
        assertThat(team).containsEntry("RECRUITER", "User RECRUITER")
                .containsEntry("HIRING_MANAGER", "User HIRING_MANAGER");
        assertThat(team.get("INTERVIEWER")).contains("User HIRING_MANAGER", "User INTERVIEWER");
    }

    private void check(String role, String name) {
        box(role, name).click();
    }

    private WebElement box(String role, String name) {
        return find("main form").findElement(By.xpath(".//fieldset[legend[normalize-space()='" + role + "']]"
                + "//label[.//span[normalize-space()='" + name + "']]/input[@type='checkbox']"));
    }
}
