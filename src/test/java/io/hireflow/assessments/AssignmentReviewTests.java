package io.hireflow.assessments;

import static io.hireflow.assessments.AssignmentFixtures.assignment;
import static io.hireflow.assessments.AssignmentFixtures.job;
import static io.hireflow.assessments.AssignmentFixtures.released;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
import io.hireflow.shared.OrganizationId;
import tools.jackson.databind.JsonNode;

/**
 * The reviewers on an assignment's template score it against its rubric, each once and independently: a reviewer sees
 * no other reviewer's scores until they have submitted their own; the deciders see every submitted review; it is
 * reviewed when every reviewer has submitted. Nobody else scores it, and a score outside the rubric is refused.
 */
class AssignmentReviewTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Assignments assignments;

    @Test
    void twoReviewersScoreIndependentlyUntilBothHaveSubmitted() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String emailA = tenant.userEmail("INTERVIEWER");
        String emailB = tenant.userEmail("HIRING_MANAGER");
        ApiClient reviewerA = organizations.signIn(emailA, TestOrganizations.PASSWORD);
        ApiClient reviewerB = organizations.signIn(emailB, TestOrganizations.PASSWORD);
        String a = tenant.userId(emailA);
        String b = tenant.userId(emailB);
        String jobId = job(recruiter, "SRE", "LINK", "REFUSE", List.of(a, b));
        String id = released(recruiter, jdbc, jobId, "Choi Review", "review-" + UUID.randomUUID() + "@example.com");
        JsonNode rubric = recruiter.get("/api/v1/jobs/" + jobId + "/assignment-templates").json().get(0)
                .path("criteria");
        String diagnosis = rubric.get(0).path("id").asString();
        String operability = rubric.get(1).path("id").asString();
        String scores = "/api/v1/applications/" + id + "/assignment/scores";

        // nothing to score before the hand-in
        var early = reviewerA.post(scores, review(diagnosis, 4, operability, 7, "early"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("code").asString()).isEqualTo("error.assignment.notSubmitted");
        assignments.submit(new OrganizationId(UUID.fromString(tenant.id())), UUID.fromString(id),
                "https://github.com/choi/drill", List.of(), "http://localhost:" + port);

        JsonNode before = assignment(reviewerA, id).path("review");
        assertThat(before.path("reviewer").asBoolean()).isTrue();
        assertThat(before.path("mayScore").asBoolean()).isTrue();
        assertThat(before.path("scoresVisible").asBoolean()).isFalse();
        assertThat(before.path("reviewers")).extracting(r -> r.path("submitted").asBoolean())
                .containsExactly(false, false);

        // refused, each problem named, nothing stored: over the maximum, below zero, a line left out, a line not
        // in the rubric
        var over = reviewerA.post(scores, review(diagnosis, 6, operability, 7, null));
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.body()).contains("scores[0].score").contains("must be 0 to 5 points for \\\"Diagnosis\\\"");
        var negative = reviewerA.post(scores, review(diagnosis, 3, operability, -1, null));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body()).contains("scores[1].score").contains("must be 0 to 10 points");
        var missing = reviewerA.post(scores, Map.of("scores", List.of(Map.of("criterionId", diagnosis, "score",
                3))));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("has no score for \\\"Operability\\\"");
        var stranger = reviewerA.post(scores, Map.of("scores", List.of(Map.of("criterionId", diagnosis, "score", 3),
                Map.of("criterionId", operability, "score", 3), Map.of("criterionId", UUID.randomUUID().toString(),
                        "score", 1))));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.body()).contains("scores[2].criterionId").contains("is not a line of this assignment");
        assertThat(reviews(id)).isZero();

        // a member of staff who is not on the template's reviewers does not score it
        var notReviewer = recruiter.post(scores, review(diagnosis, 5, operability, 10, null));
        assertThat(notReviewer.status()).isEqualTo(409);
        assertThat(notReviewer.json().path("code").asString()).isEqualTo("error.assignment.notReviewer");
        assertThat(notReviewer.json().path("detail").asString()).contains("you are not one of them");

        // A submits: A sees the submitted reviews (only A's so far); B still sees none of A's scores
        var submittedA = reviewerA.post(scores, review(diagnosis, 4, operability, 7, "Solid diagnosis of lag"));
        assertThat(submittedA.status()).as(submittedA.body()).isEqualTo(200);
        JsonNode seenByA = submittedA.json().path("review");
        assertThat(seenByA.path("scoresVisible").asBoolean()).isTrue();
        assertThat(seenByA.path("mayScore").asBoolean()).isFalse();
        assertThat(seenByA.path("reviews")).hasSize(1);
        assertThat(seenByA.path("reviews").get(0).path("total").asInt()).isEqualTo(11);
        assertThat(seenByA.path("reviews").get(0).path("maxTotal").asInt()).isEqualTo(15);
        var seenByB = reviewerB.get("/api/v1/applications/" + id + "/assignment");
        assertThat(seenByB.json().path("review").path("scoresVisible").asBoolean()).isFalse();
        assertThat(seenByB.json().path("review").path("reviews")).isEmpty();
        assertThat(seenByB.json().path("review").path("reviewers")).extracting(r -> r.path("submitted").asBoolean())
                .containsExactly(true, false);
        assertThat(seenByB.body()).doesNotContain("Solid diagnosis");
        // nor on the page: B gets the rubric form and not A's scores
        WebSession pageB = new WebSession(port);
        pageB.signIn(emailB, TestOrganizations.PASSWORD);
        assertThat(pageB.get("/applications/" + id).body()).contains("hx-get=\"/applications/" + id + "/assignment\"");
        String panelB = pageB.get("/applications/" + id + "/assignment").body();
        assertThat(panelB).contains("id=\"rubric-form\"").contains("name=\"score-" + diagnosis + "\"")
                .contains("The other reviewers&#39; scores show here once you have submitted yours")
                .doesNotContain("Solid diagnosis").doesNotContain("assignment-scores");
        // the recruiter, who decides, sees what has been submitted; it is not reviewed yet
        JsonNode seenByRecruiter = assignment(recruiter, id);
        assertThat(seenByRecruiter.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(seenByRecruiter.path("review").path("reviews")).hasSize(1);

        // B submits through the page's rubric form: now it is reviewed, and both see both
        pageB.post("/applications/" + id + "/assignment/scores", Map.of("score-" + diagnosis, "2",
                "score-" + operability, "9", "note-" + operability, "Runbook is thin", "note", "Hire"));
        assertThat(pageB.get("/applications/" + id).body()).contains("Your review was submitted.")
                .contains("Assignment reviewed");
        JsonNode afterA = assignment(reviewerA, id);
        assertThat(afterA.path("state").asString()).isEqualTo("REVIEWED");
        assertThat(afterA.path("review").path("reviews")).extracting(r -> r.path("reviewerId").asString())
                .containsExactlyInAnyOrder(a, b);
        JsonNode afterB = assignment(reviewerB, id).path("review");
        assertThat(afterB.path("scoresVisible").asBoolean()).isTrue();
        JsonNode byB = afterB.path("reviews").get(1);
        assertThat(byB.path("reviewerId").asString()).isEqualTo(b);
        assertThat(byB.path("total").asInt()).isEqualTo(11);
        assertThat(byB.path("note").asString()).isEqualTo("Hire");
        assertThat(byB.path("scores").get(1).path("note").asString()).isEqualTo("Runbook is thin");
        assertThat(pageB.get("/applications/" + id + "/assignment").body()).contains("Solid diagnosis of lag")
                .contains("11 / 15").doesNotContain("rubric-form");

        // a review is submitted once; a page's second submission says so
        var again = reviewerA.post(scores, review(diagnosis, 5, operability, 10, null));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("error.assignment.reviewed");
        var redirected = pageB.post("/applications/" + id + "/assignment/scores", Map.of("score-" + diagnosis, "5",
                "score-" + operability, "10"));
        assertThat(redirected.statusCode()).isEqualTo(302);
        assertThat(pageB.get("/applications/" + id).body()).contains("Your review was not submitted")
                .contains("submitted once");
        assertThat(reviews(id)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from access_log where action = 'REVIEW_ASSIGNMENT' and organization_id = ?")
                .param(UUID.fromString(tenant.id())).query(Integer.class).single()).isEqualTo(2);

        // an interviewer who does not review it sees who reviewed, not the scores; another organization, nothing
        JsonNode bystander = assignment(tenant.user("INTERVIEWER"), id).path("review");
        assertThat(bystander.path("scoresVisible").asBoolean()).isFalse();
        assertThat(bystander.path("reviews")).isEmpty();
        Tenant other = organizations.create();
        assertThat(other.admin().get("/api/v1/applications/" + id + "/assignment").status()).isEqualTo(404);
        assertThat(other.admin().post(scores, review(diagnosis, 1, operability, 1, null)).status()).isEqualTo(404);
    }

    @Test
    void aPageScoreThatIsNoNumberIsNamedAndNothingIsStored() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String email = tenant.userEmail("INTERVIEWER");
        String jobId = job(recruiter, "DBA", "LINK", "REFUSE", List.of(tenant.userId(email)));
        String id = released(recruiter, jdbc, jobId, "Han Page", "page-" + UUID.randomUUID() + "@example.com");
        assignments.submit(new OrganizationId(UUID.fromString(tenant.id())), UUID.fromString(id),
                "https://github.com/han/drill", List.of(), "http://localhost:" + port);
        JsonNode rubric = recruiter.get("/api/v1/jobs/" + jobId + "/assignment-templates").json().get(0)
                .path("criteria");
        WebSession page = new WebSession(port);
        page.signIn(email, TestOrganizations.PASSWORD);
        page.get("/applications/" + id);
        page.post("/applications/" + id + "/assignment/scores", Map.of("score-" + rubric.get(0).path("id")
                .asString(), "four", "score-" + rubric.get(1).path("id").asString(), "11"));
        assertThat(page.get("/applications/" + id).body()).contains("Your review was not submitted")
                .contains("needs a score for &quot;Diagnosis&quot;")
                .contains("must be 0 to 10 points for &quot;Operability&quot;");
        assertThat(reviews(id)).isZero();
    }

    private static Map<String, Object> review(String first, int firstScore, String second, int secondScore,
            String note) {
        Map<String, Object> review = new HashMap<>();
        review.put("scores", List.of(Map.of("criterionId", first, "score", firstScore),
                Map.of("criterionId", second, "score", secondScore)));
        if (note != null) {
            review.put("note", note);
        }
        return review;
    }

    private int reviews(String applicationId) {
        return jdbc.sql("""
                select count(*) from assignment_review r join assignment a on a.id = r.assignment_id
                where a.application_id = ?""").param(UUID.fromString(applicationId)).query(Integer.class).single();
    }
}
