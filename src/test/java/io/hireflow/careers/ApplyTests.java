package io.hireflow.careers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.WebSession;
import io.hireflow.WebSession.FilePart;
import io.hireflow.candidates.DocumentFixtures;

/**
 * Applying on the careers site: one application per form however often it is sent, the files judged by their bytes,
 * the consents as shown, and every kind of bad input refused with nothing stored.
 */
class ApplyTests extends ApiTest {

    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");

    @Autowired
    JdbcClient jdbc;

    @Test
    void anApplicationArrivesInTheFirstStageWithItsFilesConsentsAndReceiptAndASecondSendingChangesNothing() {
        Posted job = publishedJob();
        WebSession browser = new WebSession(port);
        String submission = openForm(browser, job);
        String email = "kim-" + UUID.randomUUID() + "@example.com";

        HttpResponse<String> sent = browser.postMultipart(job.applyPath(), fields(submission, "김지원", email, true),
                List.of(new FilePart("resume", "../../etc/passwd", "application/pdf", DocumentFixtures.minimalPdf()),
                        new FilePart("coverLetter", "김지원 자기소개서.html", "text/html",
                                DocumentFixtures.docx(Map.of()))));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String thanks = java.net.URI.create(sent.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(thanks).endsWith("/careers/" + job.tenant().slug() + "/applied/" + submission);
        assertThat(browser.get(thanks).body()).contains("We received your application for Careers Test");
        // the careers site keeps no session (its CSRF token is in a cookie), yet still refuses a forged post
        assertThat(browser.sessionCookie()).isNull();
        assertThat(browser.postWithoutCsrf(job.applyPath(), Map.of()).statusCode()).isEqualTo(403);

        // the same form sent again (a double click, a retried request): the same answer, nothing new
        HttpResponse<String> again = browser.postMultipart(job.applyPath(), fields(submission, "김지원", email, true),
                List.of(new FilePart("resume", "resume.pdf", "application/pdf", DocumentFixtures.minimalPdf())));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith(thanks);

        var applications = job.recruiter().get("/api/v1/applications?jobId=" + job.id()).json().path("items");
        assertThat(applications).hasSize(1);
        var application = applications.get(0);
        assertThat(application.path("stageId").asString()).isEqualTo(job.firstStage());
        UUID candidate = UUID.fromString(application.path("candidateId").asString());
        assertThat(jdbc.sql("select original_name from candidate_document where candidate_id = ? order by kind desc")
                .param(candidate).query(String.class).list())
                .containsExactly("passwd.pdf", "김지원 자기소개서.docx");
        assertThat(jdbc.sql("select purpose || ':' || agreed from consent_record where candidate_id = ? order by 1")
                .param(candidate).query(String.class).list())
                .containsExactly("APPLICATION:true", "TALENT_POOL:false");
        assertThat(jdbc.sql("select count(*) from outbound_message where application_id = ? and event = ?")
                .params(UUID.fromString(application.path("id").asString()), "APPLICATION_RECEIVED")
                .query(Integer.class).single()).as("the receipt notice").isEqualTo(1);

        // staff download the file under its safe name; nothing in the name reaches a header
        WebSession staff = new WebSession(port);
        staff.signIn(job.tenant().userEmail("RECRUITER"), io.hireflow.TestOrganizations.PASSWORD);
        UUID coverLetter = jdbc.sql("select id from candidate_document where candidate_id = ? and kind = ?")
                .params(candidate, "COVER_LETTER").query(UUID.class).single();
        HttpResponse<String> download = staff.get("/candidates/" + candidate + "/documents/" + coverLetter);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(download.headers().allValues("Content-Disposition")).singleElement().asString()
                .startsWith("attachment;")
                .contains("filename*=UTF-8''%EA%B9%80%EC%A7%80%EC%9B%90%20"
                        + "%EC%9E%90%EA%B8%B0%EC%86%8C%EA%B0%9C%EC%84%9C.docx");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        // the application page shows what the candidate sent
        String submitted = staff.get("/applications/" + application.path("id").asString() + "/submitted").body();
        assertThat(submitted).contains("passwd.pdf").contains("김지원 자기소개서.docx").contains("text not read yet");
        // another organization's staff cannot read it by its id
        Tenant other = organizations.create();
        WebSession stranger = new WebSession(port);
        stranger.signIn(other.userEmail("RECRUITER"), io.hireflow.TestOrganizations.PASSWORD);
        assertThat(stranger.get("/candidates/" + candidate + "/documents/" + coverLetter).statusCode())
                .isEqualTo(404);

        // the same email applying again with a new form is told it already applied
        String second = openForm(browser, job);
        HttpResponse<String> duplicate = browser.postMultipart(job.applyPath(), fields(second, "김지원", email, true),
                List.of(new FilePart("resume", "resume.pdf", "application/pdf", DocumentFixtures.minimalPdf())));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("You have already applied to this job")
                .contains("id=\"already-applied\"").contains("href=\"/portal\"");
        assertThat(job.recruiter().get("/api/v1/applications?jobId=" + job.id()).json().path("items")).hasSize(1);
    }

    @Test
    void badInputIsRefusedBesideItsFieldKeepsWhatWasTypedAndStoresNothing() {
        Posted job = publishedJob();
        WebSession browser = new WebSession(port);
        String email = "bad-" + UUID.randomUUID() + "@example.com";
        byte[] elf = new byte[64];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        Map<String, FilePart> resumes = Map.of(
                "is not a PDF or Word (DOCX) file", new FilePart("resume", "resume.pdf", "application/pdf",
                        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
                "is not a PDF or Word (DOCX) file ", new FilePart("resume", "resume.pdf", "application/pdf", elf),
                "is not a valid Word (DOCX) file", new FilePart("resume", "resume.docx", "application/msword",
                        "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1)),
                "is not a safe Word (DOCX) file", new FilePart("resume", "bomb.docx", "application/msword",
                        DocumentFixtures.zipBomb()));
        for (var refused : resumes.entrySet()) {
            String submission = openForm(browser, job);
            HttpResponse<String> answer = browser.postMultipart(job.applyPath(),
                    fields(submission, "<script>alert(1)</script> 이름", email, true), List.of(refused.getValue()));
            assertThat(answer.statusCode()).as(refused.getKey()).isEqualTo(400);
            assertThat(answer.body()).as(refused.getKey()).contains(refused.getKey().strip())
                    .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt; 이름\"")
                    .doesNotContain("<script>alert(1)</script>");
        }

        String submission = openForm(browser, job);
        HttpResponse<String> noConsent = browser.postMultipart(job.applyPath(),
                fields(submission, "동의 안 함", email, false),
                List.of(new FilePart("resume", "resume.pdf", "application/pdf", DocumentFixtures.minimalPdf())));
        assertThat(noConsent.statusCode()).isEqualTo(400);
        assertThat(noConsent.body()).contains("is needed to apply");

        HttpResponse<String> noResume = browser.postMultipart(job.applyPath(), fields(submission, "이력서 없음", email,
                true), List.of());
        assertThat(noResume.statusCode()).isEqualTo(400);

        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(DocumentFixtures.minimalPdf(), 0, tooLarge, 0, DocumentFixtures.minimalPdf().length);
        HttpResponse<String> large = browser.postMultipart(job.applyPath(), fields(submission, "큰 파일", email, true),
                List.of(new FilePart("resume", "big.pdf", "application/pdf", tooLarge)));
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).contains("The files are too large");

        assertThat(jdbc.sql("select count(*) from candidate where lower(email) = lower(?)").param(email)
                .query(Integer.class).single()).as("nothing stored").isZero();
        assertThat(job.recruiter().get("/api/v1/applications?jobId=" + job.id()).json().path("items")).isEmpty();
    }

    @Test
    void theCandidateIsWrittenToInTheLanguageOfTheFormTheyUsed() {
        Posted job = publishedJob();
        UUID tenant = UUID.fromString(job.tenant().id());
        assertThat(jdbc.sql("select default_locale from organization where id = ?").param(tenant)
                .query(String.class).single()).as("the organization writes in Korean by default").isEqualTo("ko");
        String organization = jdbc.sql("select name from organization where id = ?").param(tenant)
                .query(String.class).single();
        String email = "lee-" + UUID.randomUUID() + "@example.com";

        // applied through the English form: the receipt, a result told later and an announcement are in English
        WebSession english = new WebSession(port);
        HttpResponse<String> sent = english.postMultipart(job.applyPath(),
                fields(openForm(english, job), "Minjun Lee", email, true),
                List.of(new FilePart("resume", "resume.pdf", "application/pdf", DocumentFixtures.minimalPdf())));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        var application = job.recruiter().get("/api/v1/applications?jobId=" + job.id()).json().path("items").get(0);
        String applicationId = application.path("id").asString();
        assertThat(job.recruiter().get("/api/v1/candidates/" + application.path("candidateId").asString()).json()
                .path("language").asString()).isEqualTo("en");
        assertThat(message(applicationId, "APPLICATION_RECEIVED"))
                .containsExactly("en", "[" + organization + "] We received your application for Careers Test");
        var moved = job.recruiter().post("/api/v1/applications/" + applicationId + "/transitions", Map.of(
                "action", "ADVANCE", "version", 0, "notice", Map.of("mode", "NONE", "reason", "told in person")));
        assertThat(moved.status()).isEqualTo(200);
        var announced = job.recruiter().post("/api/v1/announcements", Map.of("jobId", job.id(), "stageId",
                job.firstStage(), "passEvent", "STAGE_PASSED", "failEvent", "REJECTED"));
        assertThat(announced.status()).as(announced.body()).isEqualTo(201);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                select count(*) from outbound_message where application_id = ? and announcement_id is not null""")
                .param(UUID.fromString(applicationId)).query(Integer.class).single() == 1);
        assertThat(jdbc.sql("""
                select language || ' ' || subject from outbound_message
                where application_id = ? and announcement_id is not null""")
                .param(UUID.fromString(applicationId)).query(String.class).single())
                .startsWith("en [" + organization + "] Your ");

        // the same person applying to another job through the Korean form is written to in Korean from then on
        var second = job.recruiter().post("/api/v1/jobs", Map.of("title", "두 번째 공고", "employmentType", "FULL_TIME"));
        job.recruiter().post("/api/v1/jobs/" + second.text("id") + "/publish", Map.of());
        Posted korean = new Posted(job.tenant(), job.recruiter(), second.text("id"),
                second.json().path("stages").get(0).path("id").asString());
        WebSession browser = new WebSession(port);
        browser.get(korean.applyPath() + "?lang=ko");
        HttpResponse<String> again = browser.postMultipart(korean.applyPath(),
                fields(openForm(browser, korean), "이민준", email, true),
                List.of(new FilePart("resume", "이력서.pdf", "application/pdf", DocumentFixtures.minimalPdf())));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
        String secondApplication = job.recruiter().get("/api/v1/applications?jobId=" + korean.id()).json()
                .path("items").get(0).path("id").asString();
        assertThat(message(secondApplication, "APPLICATION_RECEIVED"))
                .containsExactly("ko", "[" + organization + "] 두 번째 공고 지원이 접수되었습니다");
    }

    private List<String> message(String applicationId, String event) {
        return jdbc.sql("select language, subject from outbound_message where application_id = ? and event = ?")
                .params(UUID.fromString(applicationId), event)
                .query((rs, row) -> List.of(rs.getString("language"), rs.getString("subject"))).single();
    }

    @Test
    void aJobThatIsNotPublishedHasNoForm() {
        Tenant tenant = organizations.create();
        String id = tenant.user("RECRUITER").post("/api/v1/jobs", Map.of("title", "Hidden", "employmentType",
                "FULL_TIME")).text("id");
        assertThat(new WebSession(port).get("/careers/" + tenant.slug() + "/jobs/" + id + "/apply").statusCode())
                .isEqualTo(404);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    record Posted(Tenant tenant, ApiClient recruiter, String id, String firstStage) {

        String applyPath() {
            return "/careers/" + tenant.slug() + "/jobs/" + id + "/apply";
        }
    }

    private Posted publishedJob() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "Careers Test", "employmentType", "FULL_TIME"));
        recruiter.post("/api/v1/jobs/" + job.text("id") + "/publish", Map.of());
        return new Posted(tenant, recruiter, job.text("id"),
                job.json().path("stages").get(0).path("id").asString());
    }

    /** Opens the form (for its CSRF token) and answers its submission key. */
    private static String openForm(WebSession browser, Posted job) {
        HttpResponse<String> form = browser.get(job.applyPath());
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher key = SUBMISSION.matcher(form.body());
        assertThat(key.find()).as("the form has a submission key").isTrue();
        return key.group(1);
    }

    private static Map<String, String> fields(String submission, String name, String email, boolean consent) {
        Map<String, String> fields = new HashMap<>(Map.of("submission", submission, "name", name, "email", email,
                "phone", "010-1234-5678", "region", "대전", "githubUrl", "https://github.com/jiwon"));
        if (consent) {
            fields.put("consentApplication", "true");
        }
        return fields;
    }
}
