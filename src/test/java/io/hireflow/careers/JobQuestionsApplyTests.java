package io.hireflow.careers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import tools.jackson.databind.JsonNode;

/**
 * A job's own questions: set through the API, where a question the Fair Hiring Procedure Act (Art. 4-3) forbids is
 * refused beside its field with the reason and nothing is saved; asked on the careers site's apply form; answered
 * answers stored with the question as the candidate read it; a required question left unanswered refused beside it.
 */
class JobQuestionsApplyTests extends ApiTest {

    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");

    @Autowired
    JdbcClient jdbc;

    @Test
    void aForbiddenQuestionIsRefusedBesideItsFieldWithTheReasonAndNothingIsSaved() {
        Posted job = publishedJob();
        ApiClient english = job.recruiter().inLanguage("en");

        ApiClient.Response refused = english.put(job.questionsPath(), Map.of("questions", List.of(
                Map.of("kind", "LONG_TEXT", "textKo", "Kubernetes 운영 경험을 알려 주세요",
                        "textEn", "Tell us about running Kubernetes in production."),
                Map.of("kind", "SHORT_TEXT", "textKo", "서울 본사로 출근이 가능한가요?", "textEn", "Are you married?"),
                Map.of("kind", "SINGLE_CHOICE", "textKo", "현재 상황을 골라 주세요", "choices", List.of("기혼", "미혼")))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(errors(refused)).containsOnly(
                Map.entry("questions[1].textEn", "Hireflow cannot ask this: the Fair Hiring Procedure Act "
                        + "(Art. 4-3) forbids asking about marital status."),
                Map.entry("questions[2].choices", "Hireflow cannot ask this: the Fair Hiring Procedure Act "
                        + "(Art. 4-3) forbids asking about marital status."));

        ApiClient.Response korean = job.recruiter().inLanguage("ko").put(job.questionsPath(), Map.of("questions",
                List.of(Map.of("kind", "SHORT_TEXT", "textKo", "부모님의 직업은 무엇인가요?"),
                        Map.of("kind", "SHORT_TEXT", "textKo", "주민등록번호를 적어 주세요"))));
        assertThat(korean.status()).isEqualTo(400);
        assertThat(errors(korean)).containsOnly(
                Map.entry("questions[0].textKo", "채용절차법 제4조의3에 따라 물을 수 없는 질문입니다: 부모·자녀·형제자매의 학력·직업·재산"),
                Map.entry("questions[1].textKo",
                        "주민등록번호는 법령에 근거가 있을 때만 수집할 수 있어 물을 수 없는 질문입니다(개인정보 보호법 제24조의2)."));

        assertThat(english.get(job.questionsPath()).json().path("questions")).as("nothing saved").isEmpty();
        assertThat(revisions(job)).as("no new revision").isEqualTo(1);
    }

    @Test
    void answersAreStoredWithTheQuestionAsTheCandidateReadItAndARequiredQuestionLeftEmptyStoresNothing() {
        Posted job = publishedJob();
        ApiClient.Response saved = job.recruiter().put(job.questionsPath(), Map.of("questions", List.of(
                question("SHORT_TEXT", "Kubernetes 운영 경험을 알려 주세요", "Describe a Kafka incident you handled.",
                        null, true),
                question("SINGLE_CHOICE", "언제부터 출근할 수 있나요?", "Can you start within a month?",
                        List.of("Right away", "Within a month", " Within three months "), true),
                question("MULTIPLE_CHOICE", null, "Which clouds have you run production on?",
                        List.of("AWS", "GCP", "Azure"), false),
                question("YES_NO", "서울 본사로 출근이 가능한가요?", null, null, true),
                question("FILE", "직접 그린 아키텍처 다이어그램을 올려 주세요", "Attach an architecture diagram you drew.",
                        null, false))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode questions = saved.json().path("questions");
        assertThat(questions).hasSize(5);
        assertThat(questions.get(1).path("choices").get(2).asString()).isEqualTo("Within three months");
        assertThat(job.recruiter().get(job.questionsPath()).json().path("questions")).isEqualTo(questions);
        assertThat(revisions(job)).as("the questions are published as a new revision").isEqualTo(2);
        String kafka = questions.get(0).path("id").asString();
        String start = questions.get(1).path("id").asString();
        String clouds = questions.get(2).path("id").asString();
        String office = questions.get(3).path("id").asString();
        String diagram = questions.get(4).path("id").asString();

        // the form asks them in the reader's language, or in the other one when there is none in theirs
        WebSession browser = new WebSession(port);
        HttpResponse<String> page = browser.get(job.applyPath());
        assertThat(page.body()).contains("<fieldset id=\"questions\"", "Describe a Kafka incident you handled.",
                "Which clouds have you run production on? (optional)", "서울 본사로 출근이 가능한가요?",
                "name=\"answerFiles[" + diagram + "]\"");

        // a required question left empty and a choice not offered: refused beside them, the rest kept, nothing stored
        String email = "answers-" + UUID.randomUUID() + "@example.com";
        Map<String, String> fields = fields(submission(page), email);
        fields.put("answers[" + start + "]", "Within a month");
        fields.put("answers[" + clouds + "]", "On-premises");
        fields.put("answers[" + office + "]", "YES");
        HttpResponse<String> refused = browser.postMultipart(job.applyPath(), fields, List.of(resume()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Please fix the marked fields.")
                .containsPattern("id=\"answer-" + kafka + "\"[^>]*class=\"invalid\"[^>]*>\\s*"
                        + "<span class=\"field-error\">is required</span>")
                .containsPattern("is not one of the choices</span>\\s*</fieldset>")
                .containsPattern("value=\"Within a month\"[^>]*checked")
                .containsPattern("value=\"YES\"[^>]*checked");
        assertThat(jdbc.sql("select count(*) from candidate where lower(email) = lower(?)").param(email)
                .query(Integer.class).single()).as("nothing stored").isZero();

        fields = fields(submission(browser.get(job.applyPath())), email);
        fields.put("answers[" + kafka + "]", "  A consumer lag spike; we rebalanced and added partitions.  ");
        fields.put("answers[" + start + "]", "Within a month");
        fields.put("answers[" + clouds + "]", "GCP");
        fields.put("answers[" + office + "]", "YES");
        HttpResponse<String> sent = browser.postMultipart(job.applyPath(), fields, List.of(resume(),
                new FilePart("answerFiles[" + diagram + "]", "diagram.pdf", "application/pdf",
                        DocumentFixtures.minimalPdf())));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);

        UUID application = UUID.fromString(job.recruiter().get("/api/v1/applications?jobId=" + job.id()).json()
                .path("items").get(0).path("id").asString());
        List<String> stored = jdbc.sql("""
                select a.question_text || ' | ' || a.kind || ' | ' || coalesce(a.answer_text, '-') || ' | '
                       || coalesce(array_to_string(a.answer_choices, ','), '-') || ' | '
                       || coalesce(d.kind || ':' || d.original_name, '-')
                from application_answer a left join candidate_document d on d.id = a.document_id
                where a.application_id = ? order by a.question_text""")
                .param(application).query(String.class).list();
        assertThat(stored).containsExactly(
                "Attach an architecture diagram you drew. | FILE | - | - | OTHER:diagram.pdf",
                "Can you start within a month? | SINGLE_CHOICE | - | Within a month | -",
                "Describe a Kafka incident you handled. | SHORT_TEXT | A consumer lag spike; we rebalanced and added "
                        + "partitions. | - | -",
                "Which clouds have you run production on? | MULTIPLE_CHOICE | - | GCP | -",
                "서울 본사로 출근이 가능한가요? | YES_NO | YES | - | -");

        // rewording a question later does not change what the candidate was asked
        job.recruiter().put(job.questionsPath(), Map.of("questions", List.of(Map.of("id", kafka, "kind",
                "SHORT_TEXT", "textEn", "Describe an incident you handled."))));
        assertThat(jdbc.sql("select question_text from application_answer where application_id = ? and question_id = ?")
                .params(application, UUID.fromString(kafka)).query(String.class).single())
                .isEqualTo("Describe a Kafka incident you handled.");
        assertThat(jdbc.sql("select count(*) from application_answer where application_id = ?").param(application)
                .query(Integer.class).single()).as("answers to removed questions stay").isEqualTo(5);
    }

    @Test
    void theStaffPageShowsTheRefusalBesideTheQuestionAndSavesTheFineOnes() {
        Posted job = publishedJob();
        WebSession staff = new WebSession(port);
        staff.signIn(job.tenant().userEmail("RECRUITER"), io.hireflow.TestOrganizations.PASSWORD);
        String path = "/jobs/" + job.id() + "/questions";
        assertThat(staff.get(path).body()).contains("id=\"no-questions\"", "Fair Hiring Procedure Act (Art. 4-3)");

        HttpResponse<String> added = staff.post(path, Map.of("op", "add"));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("name=\"questions[0].textKo\"", "Not saved yet");

        HttpResponse<String> refused = staff.post(path, Map.of("op", "save", "questions[0].kind", "SHORT_TEXT",
                "questions[0].textKo", "고향이 어디세요?", "questions[1].kind", "SINGLE_CHOICE",
                "questions[1].textEn", "Can you start within a month?", "questions[1].choices", "Yes\r\nNo"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).containsPattern("value=\"고향이 어디세요\\?\"[^>]*>\\s*<span class=\"field-error\">"
                + "Hireflow cannot ask this: the Fair Hiring Procedure Act \\(Art. 4-3\\) forbids asking about "
                + "the region a candidate comes from.</span>");
        assertThat(job.recruiter().get(job.questionsPath()).json().path("questions")).isEmpty();

        HttpResponse<String> saved = staff.post(path, Map.of("op", "save", "questions[0].kind", "SINGLE_CHOICE",
                "questions[0].textEn", "Can you start within a month?", "questions[0].choices", "Yes\r\nNo\r\n",
                "questions[0].required", "true"));
        assertThat(saved.statusCode()).isEqualTo(302);
        JsonNode questions = job.recruiter().get(job.questionsPath()).json().path("questions");
        assertThat(questions).hasSize(1);
        assertThat(questions.get(0).path("choices").toString()).isEqualTo("[\"Yes\",\"No\"]");
        assertThat(questions.get(0).path("required").asBoolean()).isTrue();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    record Posted(Tenant tenant, ApiClient recruiter, String id) {

        String applyPath() {
            return "/careers/" + tenant.slug() + "/jobs/" + id + "/apply";
        }

        String questionsPath() {
            return "/api/v1/jobs/" + id + "/questions";
        }
    }

    private Posted publishedJob() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String id = recruiter.post("/api/v1/jobs", Map.of("title", "Platform Engineer", "employmentType",
                "FULL_TIME")).text("id");
        recruiter.post("/api/v1/jobs/" + id + "/publish", Map.of());
        return new Posted(tenant, recruiter, id);
    }

    private int revisions(Posted job) {
        return jdbc.sql("select count(*) from job_posting where job_id = ?").param(UUID.fromString(job.id()))
                .query(Integer.class).single();
    }

    private static Map<String, Object> question(String kind, String textKo, String textEn, List<String> choices,
            boolean required) {
        Map<String, Object> question = new HashMap<>(Map.of("kind", kind, "required", required));
        if (textKo != null) {
            question.put("textKo", textKo);
        }
        if (textEn != null) {
            question.put("textEn", textEn);
        }
        if (choices != null) {
            question.put("choices", choices);
        }
        return question;
    }

    private static Map<String, String> errors(ApiClient.Response response) {
        Map<String, String> errors = new HashMap<>();
        response.json().path("errors").forEach(error -> errors.put(error.path("field").asString(),
                error.path("message").asString()));
        return errors;
    }

    private static String submission(HttpResponse<String> form) {
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher key = SUBMISSION.matcher(form.body());
        assertThat(key.find()).as("the form has a submission key").isTrue();
        return key.group(1);
    }

    private static Map<String, String> fields(String submission, String email) {
        return new HashMap<>(Map.of("submission", submission, "name", "최지원", "email", email,
                "consentApplication", "true"));
    }

    private static FilePart resume() {
        return new FilePart("resume", "resume.pdf", "application/pdf", DocumentFixtures.minimalPdf());
    }
}
