package io.hireflow.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
import io.hireflow.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * Interview kits and scorecards: the résumé's technologies found among Korean words and the questions they suggest,
 * one quiz for the whole panel with expected answers for the panel only, a scorecard refused without a rating, the
 * rule of who sees whose scorecard, the reminder a day after the interview, and the decision.
 */
class InterviewKitTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theKitMarksTheResumesTechnologiesAndSuggestsQuestionsAboutThem() {
        var setup = new InterviewKitFixtures(organizations.create(), jdbc, clock);
        ApiClient first = organizations.signIn(setup.firstEmail, TestOrganizations.PASSWORD);
        ApiClient second = organizations.signIn(setup.secondEmail, TestOrganizations.PASSWORD);

        var answer = first.get("/api/v1/interviews/" + setup.interview + "/kit");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode kit = answer.json();
        assertThat(names(kit.path("focusAttributes"))).containsExactly("Problem solving", "Kubernetes depth",
                "Communication");
        JsonNode technologies = kit.path("resume").path("technologies");
        // 쿠버네티스를, k8s and Kubernetes를: three mentions, the particles around them no part of the word
        assertThat(technologies.path("Kubernetes").asInt()).isEqualTo(3);
        assertThat(technologies.path("AWS").asInt()).isEqualTo(2); // AWS에서, EKS
        assertThat(technologies.path("Kafka").asInt()).isEqualTo(2); // Kafka, 카프카
        assertThat(technologies.has("Terraform")).isTrue();
        assertThat(technologies.has("GitHub Actions")).isTrue();
        assertThat(technologies.has("Argo CD")).isTrue();
        assertThat(technologies.has("CI/CD")).isTrue();
        assertThat(technologies.has("Java")).isFalse();
        List<String> marked = new ArrayList<>();
        StringBuilder whole = new StringBuilder();
        for (JsonNode segment : kit.path("resume").path("text")) {
            whole.append(segment.path("text").asString());
            if (!absent(segment.path("technology"))) {
                marked.add(segment.path("text").asString() + "=" + segment.path("technology").asString());
            }
        }
        assertThat(whole.toString()).isEqualTo(InterviewKitFixtures.RESUME);
        assertThat(marked).contains("쿠버네티스=Kubernetes", "k8s=Kubernetes", "Kubernetes=Kubernetes", "AWS=AWS",
                "카프카=Kafka", "GitHub Actions=GitHub Actions", "CI/CD=CI/CD");

        // the bank's questions about them, Korean first for a Korean organization, with the expected answers
        JsonNode suggested = kit.path("suggestedQuestions");
        assertThat(suggested.size()).isGreaterThanOrEqualTo(6);
        assertThat(suggested.get(0).path("technology").asString()).isEqualTo("Kubernetes");
        assertThat(suggested.get(0).path("language").asString()).isEqualTo("ko");
        assertThat(absent(suggested.get(0).path("expectedAnswer"))).isFalse();
        assertThat(names(suggested, "technology")).contains("Kubernetes", "AWS", "Kafka", "Prometheus");

        // one quiz for the panel: 2 Kubernetes and 2 AWS questions, drawn once
        JsonNode quiz = kit.path("quiz");
        assertThat(quiz.size()).isEqualTo(4);
        assertThat(names(quiz, "topic")).containsExactly("Kubernetes", "Kubernetes", "AWS", "AWS");
        assertThat(quiz.get(0).path("expectedAnswer").asString()).isNotBlank();
        JsonNode secondsQuiz = second.get("/api/v1/interviews/" + setup.interview + "/kit").json().path("quiz");
        assertThat(names(secondsQuiz, "id")).isEqualTo(names(quiz, "id"));

        // a hiring manager off the panel sees the kit without the answers; an interviewer off the panel not at all
        JsonNode managers = setup.tenant.user("HIRING_MANAGER").get("/api/v1/interviews/" + setup.interview + "/kit")
                .json();
        assertThat(absent(managers.path("quiz").get(0).path("expectedAnswer"))).isTrue();
        assertThat(absent(managers.path("suggestedQuestions").get(0).path("expectedAnswer"))).isTrue();
        assertThat(managers.path("expectedAnswersShown").asBoolean()).isFalse();
        assertThat(setup.tenant.user("INTERVIEWER").get("/api/v1/interviews/" + setup.interview + "/kit").status())
                .isEqualTo(404);
        // nor does another organization's recruiter find it
        assertThat(organizations.create().admin().get("/api/v1/interviews/" + setup.interview + "/kit").status())
                .isEqualTo(404);

        // a question the panel writes for this candidate shows to the panel
        assertThat(first.post("/api/v1/interviews/" + setup.interview + "/kit/questions", Map.of("text",
                "Walk us through a Kafka consumer-lag incident you handled")).status()).isEqualTo(201);
        assertThat(second.get("/api/v1/interviews/" + setup.interview + "/kit").json().path("panelQuestions").get(0)
                .path("text").asString()).isEqualTo("Walk us through a Kafka consumer-lag incident you handled");
        assertThat(first.post("/api/v1/interviews/" + setup.interview + "/kit/questions", Map.of("text", " "))
                .status()).isEqualTo(400);
    }

    @Test
    void aScorecardNeedsEveryRatingAndTheOthersShowOnlyOnceOnesOwnIsIn() {
        var setup = new InterviewKitFixtures(organizations.create(), jdbc, clock);
        ApiClient first = organizations.signIn(setup.firstEmail, TestOrganizations.PASSWORD);
        ApiClient second = organizations.signIn(setup.secondEmail, TestOrganizations.PASSWORD);
        String kitPath = "/api/v1/interviews/" + setup.interview + "/kit";
        String cards = "/api/v1/interviews/" + setup.interview + "/scorecards";
        Map<String, Object> complete = Map.of("ratings", Map.of("Problem solving", "YES", "Kubernetes depth",
                "STRONG_YES", "Communication", "NO"), "notes", "Solid on operators", "recommendation", "YES");

        // the reminders a day after the interview's end, one per panelist, were scheduled with the invites
        List<Map<String, Object>> reminders = reminders(setup.interview);
        assertThat(reminders).hasSize(2).allMatch(row -> row.get("status").equals("QUEUED"));
        assertThat(((Timestamp) reminders.get(0).get("send_at")).toInstant())
                .isEqualTo(setup.startsAt.plus(Duration.ofMinutes(60)).plus(Duration.ofHours(24)));

        JsonNode quiz = first.get(kitPath).json().path("quiz");
        // not before the interview has begun
        assertThat(first.post(cards, complete).status()).isEqualTo(409);
        setup.begun(jdbc, clock);

        mark(first, setup.interview, quiz.get(0), "CORRECT");
        mark(first, setup.interview, quiz.get(1), "PARTIAL");
        mark(first, setup.interview, quiz.get(2), "WRONG");
        mark(first, setup.interview, quiz.get(3), "CORRECT");
        assertThat(first.put(kitPath + "/quiz/" + quiz.get(0).path("id").asString() + "/mark", Map.of("mark",
                "MAYBE")).status()).isEqualTo(400);
        assertThat(first.get(kitPath).json().path("quizScore").asDouble()).isEqualTo(62.5);
        // the marks are each interviewer's own
        assertThat(absent(second.get(kitPath).json().path("quiz").get(0).path("myMark"))).isTrue();

        // a missing rating is refused, naming it
        var missing = first.inLanguage("en").post(cards, Map.of("ratings", Map.of("Problem solving", "YES",
                "Kubernetes depth", "STRONG_YES"), "recommendation", "YES"));
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("ratings[Communication]").contains("needs a rating for Communication");
        var unknown = first.post(cards, Map.of("ratings", Map.of("Problem solving", "GREAT", "Kubernetes depth", "NO",
                "Communication", "NO")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("ratings[Problem solving]").contains("\"recommendation\"");
        // an interviewer off the panel cannot score it (not even find it)
        assertThat(setup.tenant.user("INTERVIEWER").post(cards, complete).status()).isEqualTo(404);
        // nor can a recruiter off the panel submit one
        assertThat(setup.recruiter.post(cards, complete).status()).isEqualTo(409);

        var submitted = first.post(cards, complete);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode own = submitted.json();
        assertThat(own.path("visible").asBoolean()).isTrue();
        assertThat(own.path("scorecards").size()).isEqualTo(1);
        assertThat(own.path("scorecards").get(0).path("quizScore").asDouble()).isEqualTo(62.5);
        assertThat(own.path("scorecards").get(0).path("ratings").get(1).path("rating").asString())
                .isEqualTo("STRONG_YES");
        assertThat(first.post(cards, complete).status()).isEqualTo(409);
        assertThat(first.put(kitPath + "/quiz/" + quiz.get(0).path("id").asString() + "/mark", Map.of("mark",
                "WRONG")).status()).isEqualTo(409);
        // the first one's reminder is cancelled; the second one's still waits
        assertThat(reminders(setup.interview)).extracting(row -> row.get("recipient") + ":" + row.get("status"))
                .containsExactlyInAnyOrder(setup.firstEmail + ":CANCELLED", setup.secondEmail + ":QUEUED");

        // the second interviewer sees that the first has submitted, not what
        JsonNode beforeOwn = second.get(cards).json();
        assertThat(beforeOwn.path("visible").asBoolean()).isFalse();
        assertThat(beforeOwn.path("scorecards").size()).isZero();
        assertThat(beforeOwn.path("panel").get(0).path("submitted").asBoolean()).isTrue();
        assertThat(beforeOwn.path("mayScore").asBoolean()).isTrue();
        // nor does the recruiter, until all are in
        assertThat(setup.recruiter.get(cards).json().path("scorecards").size()).isZero();

        var secondOwn = second.post(cards, Map.of("ratings", Map.of("Problem solving", "NO", "Kubernetes depth", "NO",
                "Communication", "YES"), "recommendation", "STRONG_NO"));
        assertThat(secondOwn.status()).as(secondOwn.body()).isEqualTo(201);
        assertThat(secondOwn.json().path("scorecards").size()).isEqualTo(2);
        assertThat(absent(secondOwn.json().path("scorecards").get(1).path("quizScore"))).isTrue();
        JsonNode all = setup.recruiter.get(cards).json();
        assertThat(all.path("allIn").asBoolean()).isTrue();
        assertThat(all.path("scorecards").size()).isEqualTo(2);
        assertThat(all.path("scorecards").get(0).path("notes").asString()).isEqualTo("Solid on operators");
        assertThat(reminders(setup.interview)).allMatch(row -> row.get("status").equals("CANCELLED"));
    }

    @Test
    void aRecruiterMayRevealTheScorecardsEarlyAndTheDecisionMovesTheApplication() {
        var setup = new InterviewKitFixtures(organizations.create(), jdbc, clock);
        ApiClient first = organizations.signIn(setup.firstEmail, TestOrganizations.PASSWORD);
        ApiClient second = organizations.signIn(setup.secondEmail, TestOrganizations.PASSWORD);
        String base = "/api/v1/interviews/" + setup.interview;
        setup.begun(jdbc, clock);
        assertThat(first.post(base + "/scorecards", Map.of("ratings", Map.of("Problem solving", "STRONG_YES",
                "Kubernetes depth", "YES", "Communication", "YES"), "recommendation", "STRONG_YES")).status())
                .isEqualTo(201);
        ApiClient manager = setup.tenant.user("HIRING_MANAGER");
        assertThat(manager.get(base + "/scorecards").json().path("visible").asBoolean()).isFalse();
        // only those who decide reveal
        assertThat(second.post(base + "/scorecards/reveal", Map.of()).status()).isEqualTo(403);
        JsonNode revealed = manager.post(base + "/scorecards/reveal", Map.of()).json();
        assertThat(revealed.path("visible").asBoolean()).isTrue();
        assertThat(revealed.path("scorecards").size()).isEqualTo(1);
        // a panelist still sees the others' only after their own
        assertThat(second.get(base + "/scorecards").json().path("scorecards").size()).isZero();

        // rejecting needs a reason; passing advances the application out of the interview's stage
        assertThat(manager.post(base + "/decision", Map.of("outcome", "REJECT")).status()).isEqualTo(400);
        assertThat(manager.post(base + "/decision", Map.of("outcome", "MAYBE")).status()).isEqualTo(400);
        assertThat(first.post(base + "/decision", Map.of("outcome", "PASS")).status()).isEqualTo(403);
        var passed = manager.post(base + "/decision", Map.of("outcome", "PASS"));
        assertThat(passed.status()).as(passed.body()).isEqualTo(200);
        assertThat(passed.json().path("stageId").path("value").asString()).isNotEqualTo(setup.stage);
        assertThat(jdbc.sql("""
                select count(*) from outbound_message where application_id = ? and event = 'STAGE_PASSED'""")
                .param(UUID.fromString(setup.application)).query(Integer.class).single())
                .as("one for the screening passed, one for the interview").isEqualTo(2);
        // and cannot be decided twice
        assertThat(manager.post(base + "/decision", Map.of("outcome", "REJECT", "reason", "late")).status())
                .isEqualTo(409);
    }

    @Test
    void theScorecardRemindersFollowTheInterviewWhenItMovesAndGoWhenItIsCalledOff() {
        var setup = new InterviewKitFixtures(organizations.create(), jdbc, clock);
        String base = "/api/v1/interviews/" + setup.interview;
        var later = setup.startsAt.plus(Duration.ofDays(1));
        assertThat(setup.recruiter.put(base + "/time", Map.of("startsAt", later, "version", 0)).status())
                .isEqualTo(200);
        List<Map<String, Object>> moved = jdbc.sql("""
                select status, send_at from outbound_message
                where event = 'SCORECARD_DUE' and starts_with(idempotency_key, ?) order by created_at, recipient""")
                .param("interview/" + setup.interview + "/scorecard-due/").query().listOfRows();
        assertThat(moved).extracting(row -> row.get("status")).containsExactly("CANCELLED", "CANCELLED", "QUEUED",
                "QUEUED");
        assertThat(((Timestamp) moved.get(2).get("send_at")).toInstant())
                .isEqualTo(later.plus(Duration.ofMinutes(60)).plus(Duration.ofHours(24)));
        assertThat(setup.recruiter.post(base + "/cancellation", Map.of("reason", "Position filled", "version", 1))
                .status()).isEqualTo(200);
        assertThat(reminders(setup.interview)).hasSize(4).allMatch(row -> row.get("status").equals("CANCELLED"));
    }

    @Test
    void aTemplateIsCheckedWhole() {
        var setup = new InterviewKitFixtures(organizations.create(), jdbc, clock);
        var refused = setup.recruiter.inLanguage("en").put("/api/v1/jobs/" + setup.job + "/interview-kit-templates/"
                + setup.stage, Map.of("focusAttributes", List.of("Communication", "communication", ""),
                        "quizTopics", List.of("Cooking"), "quizPerTopic", 11, "quizQuestionIds",
                        List.of(UUID.randomUUID().toString()), "version", 0));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("focusAttributes[1]", "focusAttributes[2]", "quizTopics[0]",
                "quizPerTopic", "quizQuestionIds[0]");
        // a stale version
        assertThat(setup.recruiter.put("/api/v1/jobs/" + setup.job + "/interview-kit-templates/" + setup.stage,
                Map.of("focusAttributes", List.of("Communication"), "version", 7)).status()).isEqualTo(409);
        JsonNode listed = setup.recruiter.get("/api/v1/jobs/" + setup.job + "/interview-kit-templates").json();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("quizPerTopic").asInt()).isEqualTo(2);
    }

    @Test
    void theJobsInterviewKitsPageWritesAStagesTemplate() {
        var setup = new InterviewKitFixtures(organizations.create(), jdbc, clock);
        WebSession admin = new WebSession(port);
        admin.signIn(setup.tenant.adminEmail(), TestOrganizations.PASSWORD);
        String kitPath = "/api/v1/interviews/" + setup.interview + "/kit";
        assertThat(setup.recruiter.get(kitPath).json().path("quiz").size()).isEqualTo(4);
        String page = admin.get("/jobs/" + setup.job + "/interview-kits").body();
        assertThat(page).contains("Problem solving\nKubernetes depth\nCommunication").contains("value=\"Networking\"");
        var saved = admin.post("/jobs/" + setup.job + "/interview-kits", List.of(Map.entry("stageId", setup.stage),
                Map.entry("version", "0"), Map.entry("focusAttributes", "Systems design\r\n\r\nOwnership\n"),
                Map.entry("quizTopics", "Linux"), Map.entry("quizTopics", "Kafka"), Map.entry("quizPerTopic", "3")));
        assertThat(saved.statusCode()).isEqualTo(302);
        JsonNode template = setup.recruiter.get("/api/v1/jobs/" + setup.job + "/interview-kit-templates").json().get(0);
        assertThat(names(template.path("focusAttributes"))).containsExactly("Systems design", "Ownership");
        assertThat(names(template.path("quizTopics"))).containsExactly("Linux", "Kafka");
        assertThat(template.path("quizPerTopic").asInt()).isEqualTo(3);
        // the kit made before the change keeps what it had
        JsonNode kit = setup.recruiter.get(kitPath).json();
        assertThat(names(kit.path("focusAttributes"))).containsExactly("Problem solving", "Kubernetes depth",
                "Communication");
        assertThat(kit.path("quiz").size()).isEqualTo(4);

        // the application's page shows the interview's badge and loads its kits' links
        assertThat(admin.get("/applications/" + setup.application).body()).contains("data-badge=\"kit.badge.scheduled\"")
                .contains("/applications/" + setup.application + "/interview-kits");
        assertThat(admin.get("/applications/" + setup.application + "/interview-kits").body())
                .contains("/interviews/" + setup.interview + "/kit").contains("Scorecards 0 of 2");
    }

    @Test
    void theMarkedResumeIsEscapedAroundItsMarks() {
        String text = "<b onclick=\"x\">AWS</b> & 'k8s'를";
        assertThat(Technologies.html(Technologies.segments(text, Technologies.find(text)))).isEqualTo(
                "&lt;b onclick=&quot;x&quot;&gt;<mark data-technology=\"AWS\">AWS</mark>&lt;/b&gt; &amp; "
                        + "&#39;<mark data-technology=\"Kubernetes\">k8s</mark>&#39;를");
    }

    private List<Map<String, Object>> reminders(String interview) {
        return jdbc.sql("""
                select recipient, status, send_at from outbound_message
                where event = 'SCORECARD_DUE' and starts_with(idempotency_key, ?) order by recipient""")
                .param("interview/" + interview + "/scorecard-due/").query().listOfRows();
    }

    private static void mark(ApiClient interviewer, String interview, JsonNode question, String mark) {
        var answer = interviewer.put("/api/v1/interviews/" + interview + "/kit/quiz/" + question.path("id").asString()
                + "/mark", Map.of("mark", mark));
        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    }

    // the API leaves out what is null
    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.asString()));
        return names;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.path(field).asString()));
        return names;
    }
}
