package io.hireflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hireflow.ApiClient;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;

/** A recruiter sets what a job's careers page says, publishes it, and takes it down again. */
class JobPostingBrowserIT extends JobsBrowserTest {

    @Test
    void aRecruiterPublishesAJobAndAnyoneCanReadItOnTheCareersSite() {
        Tenant tenant = organizations.create();
        String email = tenant.userEmail("RECRUITER");
        ApiClient recruiter = organizations.signIn(email, TestOrganizations.PASSWORD);
        String id = recruiter.post("/api/v1/jobs", Map.of("title", "Site Reliability Engineer", "employmentType",
                "FULL_TIME", "description", "## 하는 일\n- 장애를 끝까지 추적합니다.")).text("id");
        signIn(email, TestOrganizations.PASSWORD);

        open("/jobs/" + id + "/posting");
        assertThat(find(".subnav a.on").getText()).isEqualTo("Careers page");
        type("salaryMin", "90000000");
        type("salaryMax", "70000000");
        submitWith(find("form[action$='/posting'] button.primary"));
        assertThat(errorBeside("[name=salaryMax]")).isEqualTo("must not be below the lower end");

        type("salaryMax", "110000000");
        type("interviewLocation", "서울 중구 세종대로 110, 7층");
        submitWith(find("form[action$='/posting'] button.primary"));
        assertThat(find(".alert.ok").getText()).isEqualTo("Saved.");

        submitWith(find("#publish"));
        assertThat(find(".alert.ok").getText()).isEqualTo("The job is on your careers site.");
        find("#public-link").click();
        wait.until(driver -> driver.getCurrentUrl().contains("/careers/" + tenant.slug() + "/jobs/" + id));
        assertThat(find("h1").getText()).isEqualTo("Site Reliability Engineer");
        assertThat(find("#salary").getText()).isEqualTo("90,000,000 – 110,000,000 KRW");
        assertThat(find("#interviews").getText()).contains("서울 중구 세종대로 110, 7층");
        assertThat(find("article.markdown h2").getText()).isEqualTo("하는 일");

        open("/jobs/" + id + "/posting");
        submitWith(find("#unpublish"));
        assertThat(find(".alert.ok").getText()).isEqualTo("The job is off your careers site.");
        assertThat(ApiClient.anonymous(port).get("/careers/" + tenant.slug() + "/jobs/" + id).status())
                .isEqualTo(404);
    }
}
