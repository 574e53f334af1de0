package io.hireflow.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestJobs;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * The staff pages of offers: a bad form comes back with each problem beside its field and stores nothing; a good one
 * makes the draft; the thread shows the versions with what changed; an approver approves on the page and the version
 * is sent; the bands and the settings save. An interviewer opens none of it, and the application page's panel shows
 * them where the offer stands without a single amount.
 */
class OfferPagesTests extends ApiTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void recruitersNegotiateOnThePagesAndInterviewersSeeNoAmount() {
        Tenant tenant = organizations.create();
        String recruiterEmail = tenant.userEmail("RECRUITER");
        ApiClient recruiter = organizations.signIn(recruiterEmail, TestOrganizations.PASSWORD);
        String interviewerEmail = tenant.userEmail("INTERVIEWER");
        JsonNode job = TestJobs.job(recruiter, "플랫폼 엔지니어", TestJobs.INTERVIEW_PIPELINE);
        String jobId = job.path("id").asString();
        String application = TestJobs.advanced(recruiter, jobId, Map.of("name", "정다은",
                "email", "daeun-" + UUID.randomUUID() + "@example.com"));
        recruiter.post("/api/v1/applications/" + application + "/transitions", Map.of("action", "ADVANCE",
                "version", 1));

        WebSession staff = new WebSession(port);
        staff.signIn(recruiterEmail, TestOrganizations.PASSWORD);
        // the salary band, with a bad try first
        staff.get("/jobs/" + jobId + "/salary-bands");
        staff.post("/jobs/" + jobId + "/salary-bands", Map.of("level", "L5", "minKrw", "90,000,000",
                "maxKrw", "80,000,000"));
        String bands = staff.post("/jobs/" + jobId + "/salary-bands", Map.of("level", "L5", "minKrw", "90,000,000",
                "maxKrw", "eighty")).body();
        assertThat(bands).contains("field-error").contains("must be a whole number");
        staff.post("/jobs/" + jobId + "/salary-bands", Map.of("level", "L5", "minKrw", "80,000,000",
                "maxKrw", "100,000,000"));
        assertThat(staff.get("/jobs/" + jobId + "/salary-bands").body()).contains("data-level=\"L5\"")
                .contains("100,000,000");

        // the application page links to the offer; a bad form comes back with the problems beside the fields
        assertThat(staff.get("/applications/" + application).body()).contains("id=\"application-offer\"");
        assertThat(staff.get("/applications/" + application + "/offer").body()).contains("id=\"new-offer\"");
        Map<String, String> form = form("L5", "-1", today().minusDays(3), today().plusDays(7));
        String refused = staff.post("/applications/" + application + "/offers", form).body();
        assertThat(refused).contains("field-error").contains("must be a whole number of KRW")
                .contains("must not be before today").contains("value=\"-1\"");
        assertThat(jdbc.sql("select count(*) from offer where application_id = ?")
                .param(UUID.fromString(application)).query(Long.class).single()).isZero();
        var made = staff.post("/applications/" + application + "/offers", form("L5", "85,000,000",
                today().plusDays(30), today().plusDays(7)));
        assertThat(made.statusCode()).isEqualTo(302);
        String offerPath = made.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        assertThat(offerPath).startsWith("/offers/");
        String page = staff.get(offerPath).body();
        assertThat(page).contains("Version 1 was saved as a draft").contains("85,000,000");

        // version 2 outside the band waits for an approver (the admin, none being chosen)
        staff.post(offerPath + "/versions", form("L5", "120,000,000", today().plusDays(30), today().plusDays(7)));
        page = staff.get(offerPath).body();
        assertThat(page).contains("id=\"awaits-approval\"").contains("(was KRW 85,000,000)")
                .doesNotContain("id=\"send-offer\"").doesNotContain("id=\"approval\"");
        String refusedSend = staff.post(offerPath + "/send", Map.of()).headers().firstValue("Location").orElseThrow();
        assertThat(staff.get(offerPath).body()).contains("waits for an approver and cannot be sent");
        assertThat(refusedSend).contains(offerPath);
        WebSession admin = new WebSession(port);
        admin.signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);
        assertThat(admin.get(offerPath).body()).contains("id=\"approval\"");
        admin.post(offerPath + "/versions/2/approval", Map.of("decision", "APPROVE", "note", "핵심 인재"));
        page = staff.get(offerPath).body();
        assertThat(page).contains("id=\"send-offer\"");
        staff.post(offerPath + "/send", Map.of());
        page = staff.get(offerPath).body();
        assertThat(page).contains("The offer was sent to the candidate with its letter")
                .contains("/versions/2/letter");
        var letter = staff.get(offerPath + "/versions/2/letter");
        assertThat(letter.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");

        // the organization's list, and the settings
        assertThat(staff.get("/offers").body()).contains("정다은");
        String settings = admin.get("/settings/offers").body();
        assertThat(settings).contains("id=\"approvers\"").contains("id=\"letter-ko\"");
        admin.post("/settings/offers/letter/en", Map.of("beforeTerms", "Dear {{candidateName}}, {{salary}}",
                "afterTerms", "Thanks"));
        assertThat(admin.get("/settings/offers").body()).contains("unknown variable");

        // an interviewer opens none of it; the panel says where the offer stands, with no amount
        WebSession interviewer = new WebSession(port);
        interviewer.signIn(interviewerEmail, TestOrganizations.PASSWORD);
        assertThat(interviewer.get(offerPath).statusCode()).isEqualTo(403);
        assertThat(interviewer.get("/offers").statusCode()).isEqualTo(403);
        assertThat(interviewer.get("/jobs/" + jobId + "/salary-bands").statusCode()).isEqualTo(403);
        String applicationPage = interviewer.get("/applications/" + application).body();
        assertThat(applicationPage).contains("Offer v2 with the candidate").doesNotContain("application-offer");
        String panel = interviewer.get("/applications/" + application + "/offer-panel").body();
        assertThat(panel).contains("id=\"offer-panel\"").doesNotContain("120,000,000").doesNotContain("85,000,000")
                .doesNotContain(offerPath);
        assertThat(staff.get("/applications/" + application + "/offer-panel").body()).contains(offerPath);
    }

    private Map<String, String> form(String level, String base, LocalDate start, LocalDate expires) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("level", level);
        form.put("title", "플랫폼 엔지니어");
        form.put("baseSalaryKrw", base);
        form.put("signOnBonusKrw", "0");
        form.put("bonusTargetPercent", "10");
        form.put("stockOptions", "0");
        form.put("vesting", "");
        form.put("startDate", start.toString());
        form.put("workLocation", "서울 성동구");
        form.put("otherTerms", "");
        form.put("expiresOn", expires.toString());
        form.put("message", "");
        return form;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SEOUL));
    }
}
