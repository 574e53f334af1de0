package io.hireflow.assessments;

import static io.hireflow.assessments.AssignmentFixtures.inAssignmentStage;
import static io.hireflow.assessments.AssignmentFixtures.job;
import static io.hireflow.assessments.AssignmentFixtures.released;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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

/**
 * The assignment's state on the pipeline board's cards and on the application page (which the pipeline gets from
 * the assessments module through its badges, without depending on it): scheduled for when, in the organization's
 * zone; released with its deadline; handed in, late or not, with the reviews in; reviewed; waived; expired.
 */
class AssignmentBoardTests extends ApiTest {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Assignments assignments;

    @Test
    void theBoardCardsAndTheApplicationPageShowTheAssignmentsState() {
        Tenant tenant = organizations.create();
        String recruiterEmail = tenant.userEmail("RECRUITER");
        ApiClient recruiter = organizations.signIn(recruiterEmail, TestOrganizations.PASSWORD);
        String reviewerEmail = tenant.userEmail("INTERVIEWER");
        String jobId = job(recruiter, "Board", "LINK", "ACCEPT_MARKED_LATE",
                List.of(tenant.userId(reviewerEmail)));
        OrganizationId organization = new OrganizationId(UUID.fromString(tenant.id()));
        ZoneId seoul = ZoneId.of("Asia/Seoul");

        String none = inAssignmentStage(recruiter, jobId, "No Assignment", mail());
        String scheduled = inAssignmentStage(recruiter, jobId, "Scheduled One", mail());
        Instant minute = Instant.now().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MINUTES);
        assertThat(recruiter.post("/api/v1/applications/" + scheduled + "/assignment", Map.of("releaseAt",
                minute.toString())).status()).isEqualTo(201);
        String open = released(recruiter, jdbc, jobId, "Released One", mail());
        String expired = released(recruiter, jdbc, jobId, "Expired One", mail());
        jdbc.sql("update assignment set due_at = now() - interval '1 hour' where application_id = ?")
                .param(UUID.fromString(expired)).update();
        String late = released(recruiter, jdbc, jobId, "Late One", mail());
        jdbc.sql("update assignment set due_at = now() - interval '1 hour' where application_id = ?")
                .param(UUID.fromString(late)).update();
        assignments.submit(organization, UUID.fromString(late), "https://github.com/late/x", List.of(),
                "http://localhost:" + port);
        String reviewed = released(recruiter, jdbc, jobId, "Reviewed One", mail());
        assignments.submit(organization, UUID.fromString(reviewed), "https://github.com/done/x", List.of(),
                "http://localhost:" + port);
        String criterion = recruiter.get("/api/v1/jobs/" + jobId + "/assignment-templates").json().get(0)
                .path("criteria").get(0).path("id").asString();
        String second = recruiter.get("/api/v1/jobs/" + jobId + "/assignment-templates").json().get(0)
                .path("criteria").get(1).path("id").asString();
        var scored = organizations.signIn(reviewerEmail, TestOrganizations.PASSWORD).post("/api/v1/applications/"
                + reviewed + "/assignment/scores", Map.of("scores", List.of(Map.of("criterionId", criterion,
                        "score", 3), Map.of("criterionId", second, "score", 8))));
        assertThat(scored.status()).as(scored.body()).isEqualTo(200);
        String waived = released(recruiter, jdbc, jobId, "Waived One", mail());
        long version = recruiter.get("/api/v1/applications/" + waived).json().path("version").asLong();
        assertThat(recruiter.post("/api/v1/applications/" + waived + "/transitions", Map.of("action", "SKIP",
                "version", version, "reason", "Portfolio")).status()).isEqualTo(200);

        WebSession staff = new WebSession(port);
        staff.signIn(recruiterEmail, TestOrganizations.PASSWORD);
        String board = staff.get("/jobs/" + jobId).body();
        // in the stage without its assignment yet: flagged for the recruiter to release it
        assertThat(card(board, none)).contains("Assignment to release");
        assertThat(card(board, scheduled)).contains("Assignment on " + MINUTE.format(minute.atZone(seoul)));
        String due = jdbc.sql("select due_at from assignment where application_id = ?")
                .param(UUID.fromString(open)).query(java.sql.Timestamp.class).single().toInstant().atZone(seoul)
                .format(MINUTE);
        assertThat(card(board, open)).contains("Assignment due " + due);
        assertThat(card(board, expired)).contains("Assignment expired");
        assertThat(card(board, late)).contains("Assignment handed in late · 0/1 reviews");
        assertThat(card(board, reviewed)).contains("Assignment reviewed").contains("tone-DONE");
        // skipped: the card moved on to the next stage, and says the assignment was waived
        assertThat(card(board, waived)).contains("Assignment waived");

        // the application page shows the same, and loads the assignment's details from their address
        String page = staff.get("/applications/" + late).body();
        assertThat(page).contains("Assignment handed in late · 0/1 reviews")
                .contains("hx-get=\"/applications/" + late + "/assignment\"");
        // the one waiting for its release loads the panel with the release form
        assertThat(staff.get("/applications/" + none).body()).contains("Assignment to release")
                .contains("hx-get=\"/applications/" + none + "/assignment\"");
        String panel = staff.get("/applications/" + late + "/assignment").body();
        assertThat(panel).contains("Handed in, waiting for reviews").contains("after the deadline")
                .contains("https://github.com/late/x");
        assertThat(staff.get("/applications/" + scheduled + "/assignment").body()).contains("data-state=\"SCHEDULED\"");

        // a card dropped on another column comes back with its badge
        String next = jdbc.sql("""
                select n.id from job_application a join job_stage s on s.id = a.stage_id
                join job_stage n on n.job_id = s.job_id and n.position = s.position + 1 where a.id = ?""")
                .param(UUID.fromString(open)).query(UUID.class).single().toString();
        long openVersion = recruiter.get("/api/v1/applications/" + open).json().path("version").asLong();
        var moved = staff.post("/jobs/" + jobId + "/board/move", Map.of("applicationId", open, "toStageId", next,
                "version", String.valueOf(openVersion)));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).contains("Assignment due " + due);
    }

    private static String mail() {
        return "board-" + UUID.randomUUID() + "@example.com";
    }

    /** The HTML of one card of the board. */
    private static String card(String board, String applicationId) {
        int at = board.indexOf("data-id=\"" + applicationId + "\"");
        assertThat(at).as("the board shows " + applicationId).isNotNegative();
        return board.substring(at, board.indexOf("</li>", at));
    }
}
