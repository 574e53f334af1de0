package io.hireflow.assessments;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Online tests: built from the bank with every bad input refused by name; invited in bulk; taken in the portal with
 * answers saved one by one and the clock kept by the server; graded automatically (essays by staff); and everyone
 * moved by a pass mark.
 */
class OnlineTestTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aTestIsBuiltFromTheBankAndEveryBadInputIsRefusedWithItsReason() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        JsonNode job = job(recruiter, "Platform engineer");
        String jobId = job.path("id").asString();
        String stage = TestJobs.stage(job, "ONLINE_TEST");
        String path = "/api/v1/jobs/" + jobId + "/online-tests";
        Instant opens = clock.instant();
        Instant closes = opens.plus(Duration.ofDays(2));
        UUID choice = question(tenant, "SINGLE_CHOICE", "en");

        assertRefused(recruiter.post(path, Map.of("stageId", stage, "title", "Empty", "language", "en",
                "timeLimitMinutes", 30, "opensAt", opens, "closesAt", closes)), "questions",
                "a test needs at least one question");
        assertRefused(recruiter.post(path, Map.of("stageId", stage, "title", "Backwards", "language", "en",
                "timeLimitMinutes", 30, "opensAt", closes, "closesAt", opens,
                "questions", List.of(Map.of("questionId", choice)))), "closesAt",
                "the window would end before it starts");
        assertRefused(recruiter.post(path, Map.of("stageId", stage, "title", "Foreign", "language", "en",
                "timeLimitMinutes", 30, "opensAt", opens, "closesAt", closes,
                "questions", List.of(Map.of("questionId", UUID.randomUUID())))), "questions[0].questionId",
                "is not a question of your organization's bank");
        assertRefused(recruiter.post(path, Map.of("stageId", stage, "title", "Greedy", "language", "en",
                "timeLimitMinutes", 30, "opensAt", opens, "closesAt", closes,
                "randomByTopic", List.of(Map.of("topic", "Kubernetes", "count", 50)))), "randomByTopic[0].count",
                "topic \\\"Kubernetes\\\" has only 4 questions in en");
        assertRefused(recruiter.post(path, Map.of("stageId", TestJobs.stage(job, "REVIEW"), "title", "Wrong stage",
                "language", "en", "timeLimitMinutes", 0, "opensAt", opens, "closesAt", closes,
                "questions", List.of(Map.of("questionId", choice)))), "stageId", "which is not an online-test stage");
        assertRefused(recruiter.post(path, Map.of("stageId", stage, "title", "Long", "language", "en",
                "timeLimitMinutes", 0, "opensAt", opens, "closesAt", closes,
                "questions", List.of(Map.of("questionId", choice)))), "timeLimitMinutes", "must be 1 to 600 minutes");
        assertThat(count("online_test", tenant)).isZero();

        var made = recruiter.post(path, Map.of("stageId", stage, "title", "DevOps basics", "language", "en",
                "timeLimitMinutes", 30, "opensAt", opens, "closesAt", closes,
                "questions", List.of(Map.of("questionId", choice, "points", 2)),
                "randomByTopic", List.of(Map.of("topic", "kubernetes", "count", 3))));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode test = made.json();
        assertThat(test.path("questions")).hasSize(4);
        assertThat(test.path("questions").get(0).path("questionId").asString()).isEqualTo(choice.toString());
        int points = 0;
        for (JsonNode question : test.path("questions")) {
            points += question.path("points").asInt();
            // an essay is worth 5 unless said otherwise, any other question 1
            assertThat(question.path("points").asInt()).isEqualTo(question.path("questionId").asString()
                    .equals(choice.toString()) ? 2 : question.path("kind").asString().equals("ESSAY") ? 5 : 1);
        }
        assertThat(test.path("maxPoints").asInt()).isEqualTo(points);
        for (int i = 1; i < 4; i++) {
            assertThat(test.path("questions").get(i).path("topic").asString()).isEqualTo("Kubernetes");
        }
        // one test per stage
        assertThat(recruiter.post(path, Map.of("stageId", stage, "title", "Again", "language", "en",
                "timeLimitMinutes", 30, "opensAt", opens, "closesAt", closes,
                "questions", List.of(Map.of("questionId", choice)))).status()).isEqualTo(409);
        // an interviewer reads the test; only recruiting staff make one
        assertThat(tenant.user("INTERVIEWER").get("/api/v1/online-tests/" + test.path("id").asString()).status())
                .isEqualTo(200);
    }

    @Test
    void candidatesTakeTheTestInThePortalAndAreGradedAndMovedByThePassMark() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        JsonNode job = job(recruiter, "SRE");
        String jobId = job.path("id").asString();
        UUID single = question(tenant, "SINGLE_CHOICE", "en");
        UUID multiple = question(tenant, "MULTIPLE_CHOICE", "en");
        UUID shortAnswer = question(tenant, "SHORT_ANSWER", "en");
        UUID essay = question(tenant, "ESSAY", "en");
        var made = recruiter.post("/api/v1/jobs/" + jobId + "/online-tests", Map.of("stageId",
                TestJobs.stage(job, "ONLINE_TEST"), "title", "SRE screen", "language", "en", "timeLimitMinutes", 45,
                // opened an hour ago, so that closing it a second ago below leaves a window
                "opensAt", clock.instant().minus(Duration.ofHours(1)),
                "closesAt", clock.instant().plus(Duration.ofDays(1)),
                "questions", List.of(Map.of("questionId", single), Map.of("questionId", multiple),
                        Map.of("questionId", shortAnswer), Map.of("questionId", essay))));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String testId = made.text("id");
        JsonNode questions = made.json().path("questions");
        assertThat(made.json().path("maxPoints").asInt()).isEqualTo(1 + 1 + 1 + 5);

        String run = UUID.randomUUID().toString().substring(0, 8);
        String best = inTestStage(recruiter, jobId, "Best " + run, "best-" + run + "@example.com");
        String late = inTestStage(recruiter, jobId, "Late " + run, "late-" + run + "@example.com");
        String absent = inTestStage(recruiter, jobId, "Absent " + run, "absent-" + run + "@example.com");
        String elsewhere = recruiter.post("/api/v1/applications", Map.of("jobId", jobId, "candidate",
                Map.of("name", "Elsewhere", "email", "elsewhere-" + run + "@example.com"))).text("id");

        var invited = recruiter.post("/api/v1/online-tests/" + testId + "/invitations",
                Map.of("applicationIds", List.of(best, late, absent, elsewhere)));
        assertThat(invited.status()).as(invited.body()).isEqualTo(200);
        assertThat(invited.json().path("invited").asInt()).isEqualTo(3);
        assertThat(invited.json().path("refused").get(0).path("applicationId").asString()).isEqualTo(elsewhere);
        // the whole stage again: nobody twice
        var again = recruiter.post("/api/v1/online-tests/" + testId + "/invitations", Map.of());
        assertThat(again.json().path("invited").asInt()).isZero();
        assertThat(again.json().path("alreadyInvited").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("""
                select count(*) from outbound_message
                where event = 'ONLINE_TEST_INVITED' and organization_id = ? and body_text like '%/portal%'""")
                .param(UUID.fromString(tenant.id())).query(Integer.class).single()).isEqualTo(3);

        // the best candidate takes it: every answer saved as they go, the page shows them again
        WebSession portal = WebSession.portal(port, jdbc, "best-" + run + "@example.com");
        assertThat(portal.get("/portal?lang=en").body()).contains("Online test: SRE screen").contains("Not started");
        String sitting = sitting(testId, best);
        assertThat(portal.post("/portal/tests/" + sitting + "/start", Map.of()).statusCode()).isEqualTo(302);
        String page = portal.get("/portal/tests/" + sitting + "?lang=en").body();
        assertThat(page).contains("In progress").contains("Time left");
        assertThat(secondsLeft(page)).isBetween(45 * 60 - 30, 45 * 60);
        JsonNode q1 = questions.get(0);
        JsonNode q2 = questions.get(1);
        JsonNode q3 = questions.get(2);
        assertThat(save(portal, sitting, 1, List.of(q1.path("correct").get(0).asString())).statusCode())
                .isEqualTo(200);
        List<String> rightOnes = new ArrayList<>();
        q2.path("correct").forEach(c -> rightOnes.add(c.asString()));
        assertThat(save(portal, sitting, 2, rightOnes).statusCode()).isEqualTo(200);
        String accepted = q3.path("acceptedAnswers").get(0).asString();
        assertThat(save(portal, sitting, 3, List.of("  " + accepted.toUpperCase() + " ")).statusCode())
                .isEqualTo(200);
        // a single value is saved as written, commas and all
        assertThat(save(portal, sitting, 4, List.of("I would look at consumer lag first, then at the brokers."))
                .statusCode()).isEqualTo(200);
        // answers to questions not in the test, and choices not offered, are refused with the reason
        var outside = save(portal, sitting, 99, List.of("x"));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).isEqualTo("position: is not a question of this test");
        var notOffered = save(portal, sitting, 1, List.of("none of these"));
        assertThat(notOffered.statusCode()).isEqualTo(400);
        assertThat(notOffered.body()).contains("names a choice the question does not offer");
        String reloaded = portal.get("/portal/tests/" + sitting + "?lang=en").body();
        assertThat(reloaded).contains("I would look at consumer lag first, then at the brokers.")
                .contains("4 of 4 answered");
        assertThat(portal.post("/portal/tests/" + sitting + "/submit", Map.of()).statusCode()).isEqualTo(302);
        assertThat(portal.get("/portal/tests/" + sitting + "?lang=en").body()).contains("Your test was handed in.");
        assertThat(save(portal, sitting, 1, List.of(q1.path("correct").get(0).asString())).statusCode())
                .isEqualTo(409);
        // another candidate cannot reach this sitting
        WebSession other = WebSession.portal(port, jdbc, "late-" + run + "@example.com");
        assertThat(save(other, sitting, 1, List.of("x")).statusCode()).isEqualTo(404);

        // the late one runs out of time: nothing more is saved or handed in, what was saved counts
        String lateSitting = sitting(testId, late);
        other.post("/portal/tests/" + lateSitting + "/start", Map.of());
        assertThat(save(other, lateSitting, 1, List.of(wrongChoice(q1))).statusCode()).isEqualTo(200);
        jdbc.sql("update online_test_sitting set deadline_at = ? where id = ?")
                .params(Timestamp.from(clock.instant().minusSeconds(1)), UUID.fromString(lateSitting)).update();
        var afterTime = save(other, lateSitting, 1, List.of(q1.path("correct").get(0).asString()));
        assertThat(afterTime.statusCode()).isEqualTo(409);
        assertThat(afterTime.body()).contains("The time for this test has run out");
        other.post("/portal/tests/" + lateSitting + "/submit", Map.of());
        assertThat(other.get("/portal/tests/" + lateSitting + "?lang=en").body())
                .contains("The time for this test has run out").contains("Time ran out");

        // the pass mark waits for everyone who can still take it
        String passMark = "/api/v1/online-tests/" + testId + "/pass-mark";
        var early = recruiter.post(passMark, Map.of("passMark", 50));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("1 invited candidates can still take or finish the test");
        jdbc.sql("update online_test set closes_at = ? where id = ?")
                .params(Timestamp.from(clock.instant().minusSeconds(1)), UUID.fromString(testId)).update();
        // and for the essays
        assertThat(recruiter.post(passMark, Map.of("passMark", 50)).body())
                .contains("1 essay answers still need a grade");
        String essayPath = "/api/v1/online-tests/" + testId + "/sittings/" + sitting + "/essays/4";
        assertThat(recruiter.put(essayPath, Map.of("points", 6)).body()).contains("must be 0 to 5 points");
        assertThat(recruiter.put("/api/v1/online-tests/" + testId + "/sittings/" + sitting + "/essays/1",
                Map.of("points", 1)).body()).contains("is not an essay question of this test");
        var graded = tenant.user("INTERVIEWER").put(essayPath, Map.of("points", 4));
        assertThat(graded.status()).as(graded.body()).isEqualTo(200);

        JsonNode results = recruiter.get("/api/v1/online-tests/" + testId + "/results").json();
        assertThat(results.path("invited").asInt()).isEqualTo(3);
        assertThat(results.path("finished").asInt()).isEqualTo(3);
        assertThat(results.path("essaysToGrade").asInt()).isZero();
        JsonNode first = results.path("results").get(0);
        assertThat(first.path("applicationId").asString()).isEqualTo(best);
        assertThat(first.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(first.path("points").decimalValue()).isEqualByComparingTo("7");
        assertThat(first.path("percent").decimalValue()).isEqualByComparingTo("87.5");
        JsonNode second = results.path("results").get(1);
        assertThat(second.path("state").asString()).isEqualTo("TIMED_OUT");
        assertThat(second.path("points").decimalValue()).isEqualByComparingTo("0");
        assertThat(results.path("results").get(2).path("state").asString()).isEqualTo("MISSED");
        assertThat(results.path("distribution").get(8).path("count").asInt()).isEqualTo(1);
        assertThat(results.path("distribution").get(0).path("count").asInt()).isEqualTo(1);
        JsonNode detail = recruiter.get("/api/v1/online-tests/" + testId + "/sittings/" + sitting).json();
        assertThat(detail.path("answers").get(2).path("correct").asBoolean()).isTrue();

        assertThat(recruiter.post(passMark, Map.of("passMark", 101)).body())
                .contains("must be a percentage from 0 to 100");
        var moved = recruiter.post(passMark, Map.of("passMark", 50));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("passed").asInt()).isEqualTo(1);
        assertThat(moved.json().path("failed").asInt()).isEqualTo(2);
        assertThat(moved.json().path("announcementId").isNull()).isFalse();
        assertThat(application(recruiter, best).path("stageId").asString()).isEqualTo(TestJobs.stage(job, "INTERVIEW"));
        assertThat(application(recruiter, late).path("status").asString()).isEqualTo("REJECTED");
        assertThat(application(recruiter, absent).path("status").asString()).isEqualTo("REJECTED");
        assertThat(application(recruiter, elsewhere).path("status").asString()).isEqualTo("ACTIVE");

        // the recruiter's page shows the graded results, the chart and the pass mark applied
        WebSession staff = new WebSession(port);
        staff.signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);
        var resultsResponse = staff.get("/online-tests/" + testId + "?lang=en");
        assertThat(resultsResponse.statusCode()).as(resultsResponse.headers().toString()).isEqualTo(200);
        String resultsPage = resultsResponse.body();
        assertThat(resultsPage).contains("Best " + run).contains("7 / 8 (87.5%)").contains("Time ran out")
                .contains("Not taken").contains("class=\"score-chart\"").contains("value=\"50.00\"");
        assertThat(staff.get("/online-tests/" + testId + "/sittings/" + sitting + "?lang=en").body())
                .contains("I would look at consumer lag first, then at the brokers.").contains("right");
        // and the board's card of the one who passed carries the score
        assertThat(staff.get("/jobs/" + jobId + "?lang=en").body()).contains("Test: 87.5%");
    }

    @Test
    void theTestFormKeepsWhatWasTypedAndSaysWhatIsWrongBesideTheField() {
        Tenant tenant = organizations.create();
        JsonNode job = job(tenant.user("RECRUITER"), "Form test");
        WebSession staff = new WebSession(port);
        staff.signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);
        String path = "/jobs/" + job.path("id").asString() + "/online-tests";
        assertThat(staff.get(path + "?lang=en").body()).contains("Build a test from the question bank")
                .contains("Kubernetes (8)");
        var refused = staff.post(path + "?lang=en", Map.of("stageId", TestJobs.stage(job, "ONLINE_TEST"), "title",
                "Backwards window", "language", "en", "timeLimitMinutes", "30", "opensAt", "2030-01-02T10:00",
                "closesAt", "2030-01-01T10:00"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("the window would end before it starts").contains("Backwards window")
                .contains("a test needs at least one question");
        assertThat(count("online_test", tenant)).isZero();
        var made = staff.post(path + "?lang=en", Map.of("stageId", TestJobs.stage(job, "ONLINE_TEST"), "title", "Kafka quiz",
                "language", "ko", "timeLimitMinutes", "20", "opensAt", "2030-01-01T10:00",
                "closesAt", "2030-01-02T10:00", "draw.Kafka", "3"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
        String testPage = staff.get(java.net.URI.create(made.headers().firstValue("Location").orElseThrow()).getPath()
                + "?lang=en").body();
        assertThat(testPage).contains("Kafka quiz").contains("3 questions").contains("2030-01-01 10:00");
    }

    private static JsonNode job(ApiClient recruiter, String title) {
        return TestJobs.job(recruiter, title, "Screening:REVIEW", "Online test:ONLINE_TEST", "Interview:INTERVIEW",
                "Offer:OFFER", "Hired:HIRED");
    }

    private static String inTestStage(ApiClient recruiter, String jobId, String name, String email) {
        return TestJobs.advanced(recruiter, jobId, Map.of("name", name, "email", email));
    }

    private UUID question(Tenant tenant, String kind, String language) {
        return jdbc.sql("""
                select id from question where organization_id = ? and kind = ? and language = ? order by id limit 1""")
                .params(UUID.fromString(tenant.id()), kind, language).query(UUID.class).single();
    }

    private String sitting(String testId, String applicationId) {
        return jdbc.sql("select id from online_test_sitting where test_id = ? and application_id = ?")
                .params(UUID.fromString(testId), UUID.fromString(applicationId)).query(UUID.class).single()
                .toString();
    }

    private static java.net.http.HttpResponse<String> save(WebSession portal, String sitting, int position,
            List<String> answer) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(entry("position", Integer.toString(position)));
        answer.forEach(value -> form.add(entry("answer", value)));
        return portal.post("/portal/tests/" + sitting + "/answers?lang=en", form);
    }

    private static int secondsLeft(String page) {
        var seconds = java.util.regex.Pattern.compile("data-seconds-left=\"(\\d+)\"").matcher(page);
        assertThat(seconds.find()).isTrue();
        return Integer.parseInt(seconds.group(1));
    }

    private static String wrongChoice(JsonNode question) {
        for (JsonNode choice : question.path("choices")) {
            boolean right = false;
            for (JsonNode correct : question.path("correct")) {
                right |= correct.asString().equals(choice.asString());
            }
            if (!right) {
                return choice.asString();
            }
        }
        throw new AssertionError("no wrong choice");
    }

    private static JsonNode application(ApiClient recruiter, String id) {
        return recruiter.get("/api/v1/applications/" + id).json();
    }

    private int count(String table, Tenant tenant) {
        return jdbc.sql("select count(*) from " + table + " where organization_id = ?")
                .param(UUID.fromString(tenant.id())).query(Integer.class).single();
    }

    private static void assertRefused(ApiClient.Response answer, String field, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"" + field + "\"").contains(message);
    }
}
