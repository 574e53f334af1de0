package io.hireflow.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * The question bank: Hireflow's DevOps questions from the start, questions checked whole by their kind, CSV in and
 * out (all rows or none, formulas neutralised), and other organizations' banks out of sight.
 */
class QuestionBankTests extends ApiTest {

    private static final String CSV = "text/csv";
    private static final String HEADER =
            "topic,difficulty,type,language,prompt,choices,correct,accepted_answers,grading_notes,tags\n";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QuestionBank bank;

    @Test
    void anOrganizationStartsWithTheDevOpsQuestionsInBothLanguages() {
        Tenant tenant = organizations.create();
        ApiClient interviewer = tenant.user("INTERVIEWER");
        for (String topic : List.of("Kubernetes", "AWS", "Networking", "Linux", "Databases", "Kafka", "CI/CD",
                "Observability")) {
            JsonNode items = interviewer.get("/api/v1/questions?topic=" + topic.toLowerCase().replace("/", "%2F"))
                    .json().path("items");
            assertThat(items).as(topic).hasSize(8);
            List<String> kinds = new ArrayList<>();
            items.forEach(item -> kinds.add(item.path("language").asString() + " " + item.path("kind").asString()));
            assertThat(kinds).as(topic).containsExactlyInAnyOrder("ko SINGLE_CHOICE", "ko MULTIPLE_CHOICE",
                    "ko SHORT_ANSWER", "ko ESSAY", "en SINGLE_CHOICE", "en MULTIPLE_CHOICE", "en SHORT_ANSWER",
                    "en ESSAY");
        }
        JsonNode english = interviewer.get("/api/v1/questions?topic=Kafka&language=en").json().path("items");
        assertThat(english).hasSize(4);
        // a second start seeds nobody twice
        bank.seedMissing();
        assertThat(count(tenant)).isEqualTo(64);
        // another organization's questions are not this one's
        Tenant other = organizations.create();
        String someone = other.admin().get("/api/v1/questions?limit=1").json().path("items").get(0).path("id")
                .asString();
        assertThat(interviewer.get("/api/v1/questions/" + someone).status()).isEqualTo(404);
    }

    @Test
    void anOrganizationFromBeforeTheBankGetsItsQuestionsOnceOnTheNextStart() {
        Tenant tenant = organizations.create();
        UUID organization = UUID.fromString(tenant.id());
        jdbc.sql("delete from question where organization_id = ?").param(organization).update();
        jdbc.sql("delete from question_bank_seed where organization_id = ?").param(organization).update();
        bank.seedMissing();
        bank.seedMissing();
        assertThat(count(tenant)).isEqualTo(64);
    }

    @Test
    void aQuestionIsCheckedWholeByItsKind() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        int before = count(tenant);

        var created = recruiter.post("/api/v1/questions", Map.of("topic", "Kafka", "difficulty", "HARD", "kind",
                "SINGLE_CHOICE", "language", "en", "prompt", "Which setting bounds a consumer's time between polls?",
                "choices", List.of("max.poll.interval.ms", "session.timeout.ms", "linger.ms"),
                "correct", List.of("max.poll.interval.ms"), "gradingNotes", "Past it the consumer leaves the group.",
                "tags", List.of("Kafka", "consumer")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("tags").toString()).isEqualTo("[\"kafka\",\"consumer\"]");
        var shortAnswer = recruiter.post("/api/v1/questions", Map.of("topic", "Kubernetes", "difficulty", "EASY",
                "kind", "SHORT_ANSWER", "language", "ko", "prompt", "API 서버의 기본 보안 포트는?",
                "acceptedAnswers", List.of("6443", "TCP 6443")));
        assertThat(shortAnswer.status()).as(shortAnswer.body()).isEqualTo(201);

        // each refused with its field named, and nothing stored
        assertRefused(recruiter, Map.of("topic", "Kafka", "difficulty", "EASY", "kind", "TRUE_FALSE", "language",
                "en", "prompt", "?"), "kind", "must be one of SINGLE_CHOICE, MULTIPLE_CHOICE, SHORT_ANSWER, ESSAY");
        assertRefused(recruiter, Map.of("topic", "Kafka", "difficulty", "EASY", "kind", "SINGLE_CHOICE",
                "language", "en", "prompt", "?", "choices", List.of("a", "b"), "correct", List.of("c")),
                "correct", "must name one or more of the choices");
        assertRefused(recruiter, Map.of("topic", "Kafka", "difficulty", "EASY", "kind", "SINGLE_CHOICE",
                "language", "en", "prompt", "?", "choices", List.of("a", "b"), "correct", List.of("a", "b")),
                "correct", "exactly one choice");
        assertRefused(recruiter, Map.of("topic", "Kafka", "difficulty", "EASY", "kind", "MULTIPLE_CHOICE",
                "language", "en", "prompt", "?", "choices", List.of("only one")), "choices", "2 to 10");
        assertRefused(recruiter, Map.of("topic", "Linux", "difficulty", "EASY", "kind", "SHORT_ANSWER",
                "language", "en", "prompt", "?"), "acceptedAnswers", "needs 1 to 20 accepted answers");
        assertRefused(recruiter, Map.of("topic", "Linux", "difficulty", "EASY", "kind", "ESSAY", "language", "en",
                "prompt", "?", "choices", List.of("a", "b")), "choices", "does not belong to a ESSAY question");
        assertRefused(recruiter, Map.of("topic", "Linux", "difficulty", "EASY", "kind", "ESSAY", "language", "ja",
                "prompt", "?"), "language", "must be one of ko, en");
        assertRefused(recruiter, Map.of("topic", "Linux", "difficulty", "EASY", "kind", "ESSAY", "language", "en"),
                "prompt", "is required");
        assertThat(count(tenant)).isEqualTo(before + 2);

        // interviewers read the bank; they do not change it
        ApiClient interviewer = tenant.user("INTERVIEWER");
        assertThat(interviewer.get("/api/v1/questions?topic=kafka").json().path("items").toString())
                .contains("max.poll.interval.ms");
        assertThat(interviewer.post("/api/v1/questions", Map.of("topic", "x")).status()).isEqualTo(403);
    }

    @Test
    void theBankGoesOutAndComesBackAsCsvAllRowsOrNone() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String csv = HEADER
                + "Linux,MEDIUM,MULTIPLE_CHOICE,en,\"Which signals cannot be caught?\",\"SIGKILL\nSIGSTOP\nSIGTERM\","
                + "\"SIGKILL\nSIGSTOP\",,\"Both are handled by the kernel, not the process.\",\"linux\nsignals\"\n"
                + "Linux,EASY,SHORT_ANSWER,ko,\"=1+1 이 무엇인지 셸에서 계산하는 명령은?\",,,\"expr 1 + 1\necho $((1+1))\","
                + ",linux\n";
        var imported = recruiter.send("POST", "/api/v1/questions/import", "application/json", CSV, csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(2);
        JsonNode signals = recruiter.get("/api/v1/questions?topic=linux&language=en").json().path("items");
        JsonNode imported0 = null;
        for (JsonNode item : signals) {
            if (item.path("prompt").asString().equals("Which signals cannot be caught?")) {
                imported0 = item;
            }
        }
        assertThat(imported0).isNotNull();
        assertThat(imported0.path("correct").toString()).isEqualTo("[\"SIGKILL\",\"SIGSTOP\"]");

        var exported = recruiter.send("GET", "/api/v1/questions/export", CSV, null, null);
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("text/csv");
        assertThat(exported.body()).startsWith("\uFEFF" + HEADER.strip());
        // a cell a spreadsheet would run as a formula goes out with an apostrophe in front
        assertThat(exported.body()).contains("'=1+1 이 무엇인지").doesNotContain(",=1+1").doesNotContain("\"=1+1");

        // what went out comes back in: into another organization, the same questions
        Tenant other = organizations.create();
        UUID otherId = UUID.fromString(other.id());
        jdbc.sql("delete from question where organization_id = ?").param(otherId).update();
        var back = other.admin().send("POST", "/api/v1/questions/import", "application/json", CSV,
                exported.body());
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().path("imported").asInt()).isEqualTo(count(tenant));
        assertThat(jdbc.sql("select prompt from question where organization_id = ? and prompt like '%1+1%'")
                .param(otherId).query(String.class).single()).startsWith("=1+1 이 무엇인지");

        // one bad row refuses the file, naming the row; nothing of it is stored
        int before = count(tenant);
        String bad = HEADER + "Kafka,EASY,ESSAY,en,\"Explain consumer lag.\",,,,,kafka\n"
                + "Kafka,EASY,SINGLE_CHOICE,en,\"Pick one\",\"a\nb\",c,,,kafka\n"
                + "Kafka,SOMETIMES,ESSAY,en,\"Why?\",,,,,kafka\n";
        var refused = recruiter.send("POST", "/api/v1/questions/import", "application/json", CSV, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("row 3: correct").contains("row 4: difficulty")
                .doesNotContain("row 2");
        assertThat(count(tenant)).isEqualTo(before);
        var notCsv = recruiter.send("POST", "/api/v1/questions/import", "application/json", CSV,
                HEADER + "Kafka,EASY,ESSAY,en,\"never closed\n");
        assertThat(notCsv.status()).isEqualTo(400);
        assertThat(notCsv.body()).contains("could not be read as CSV");
        var wrongHeader = recruiter.send("POST", "/api/v1/questions/import", "application/json", CSV,
                "name,email\nKim,kim@example.com\n");
        assertThat(wrongHeader.status()).isEqualTo(400);
        assertThat(wrongHeader.body()).contains("is not a question bank file");
        var empty = recruiter.send("POST", "/api/v1/questions/import", "application/json", CSV, HEADER);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("has no questions");
        assertThat(count(tenant)).isEqualTo(before);
    }

    @Test
    void thePageShowsTheBankAndTakesQuestionsAndFiles() {
        Tenant tenant = organizations.create();
        WebSession recruiter = new WebSession(port);
        recruiter.signIn(tenant.userEmail("RECRUITER"), TestOrganizations.PASSWORD);
        var kafka = recruiter.get("/questions?topic=Kafka&lang=en");
        assertThat(kafka.statusCode()).isEqualTo(200);
        assertThat(kafka.body()).contains("Question bank").contains("Kafka (8)").contains("consumer")
                .contains("Add a question");

        var refused = recruiter.post("/questions", Map.of("topic", "Kafka", "difficulty", "EASY", "kind",
                "SINGLE_CHOICE", "language", "en", "prompt", "Pick one", "choices", "a\nb", "correct", "c"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("must name one or more of the choices").contains("Pick one");
        var added = recruiter.post("/questions", Map.of("topic", "Kafka", "difficulty", "EASY", "kind",
                "SINGLE_CHOICE", "language", "en", "prompt", "Which one orders messages?", "choices",
                "a partition\na topic", "correct", "a partition", "tags", "kafka, ordering"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(recruiter.get("/questions?topic=Kafka&lang=en").body()).contains("Which one orders messages?")
                .contains("Kafka (9)");

        var file = recruiter.postMultipart("/questions/import", Map.of(), List.of(new WebSession.FilePart("file",
                "bank.csv", CSV, (HEADER + "Kafka,EASY,ESSAY,xx,Why?,,,,,kafka\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(file.statusCode()).isEqualTo(400);
        assertThat(file.body()).contains("row 2: language");

        WebSession interviewer = new WebSession(port);
        interviewer.signIn(tenant.userEmail("INTERVIEWER"), TestOrganizations.PASSWORD);
        var read = interviewer.get("/questions?lang=en");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Question bank").doesNotContain("Add a question");
    }

    private void assertRefused(ApiClient client, Map<String, Object> body, String field, String message) {
        var answer = client.post("/api/v1/questions", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"" + field + "\"").contains(message);
    }

    private int count(Tenant tenant) {
        return jdbc.sql("select count(*) from question where organization_id = ?")
                .param(UUID.fromString(tenant.id())).query(Integer.class).single();
    }
}
