package io.hireflow.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestJobs;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.WebSession;

/**
 * The in-person policy and its exceptions: remote interviews only of the kinds the organization allows; a candidate's
 * request from the portal, the recruiters told; an approval that changes the interview and sends it again, a decline
 * with a note; the candidate told either way.
 */
class RemoteExceptionTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void interviewsAreInPersonUnlessThePolicyOrAnApprovedExceptionSaysOtherwise() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String recruiterEmail = tenant.userEmail("RECRUITER");
        String lead = tenant.userId(tenant.userEmail("INTERVIEWER"));
        String jobId = TestJobs.job(recruiter, "SRE", "Screening:REVIEW", "Interview:INTERVIEW", "Hired:HIRED")
                .path("id").asString();
        assertThat(recruiter.put("/api/v1/jobs/" + jobId + "/team", Map.of("recruiters",
                List.of(tenant.userId(recruiterEmail)), "hiringManagers", List.of(), "interviewers", List.of(lead)))
                .status()).isEqualTo(200);
        String email = "jeju-" + UUID.randomUUID() + "@example.com";
        String application = recruiter.post("/api/v1/applications", Map.of("jobId", jobId, "candidate",
                Map.of("name", "Jeju Candidate", "email", email))).text("id");
        recruiter.post("/api/v1/applications/" + application + "/transitions", Map.of("action", "ADVANCE",
                "version", 0));
        Instant start = clock.instant().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);

        // a technical interview by video: the policy holds them in person
        var remote = recruiter.inLanguage("en").post("/api/v1/applications/" + application + "/interviews",
                Map.of("title", "Tech", "kind", "TECHNICAL", "durationMinutes", 60, "format", "VIDEO",
                        "videoLink", "https://meet.example.com/x", "startsAt", start,
                        "panel", List.of(Map.of("userId", lead, "role", "Lead"))));
        assertThat(remote.status()).isEqualTo(409);
        assertThat(remote.body()).contains("holds TECHNICAL interviews in person");
        // an admin lets culture-fit interviews be remote; a technical one stays in person
        assertThat(tenant.admin().put("/api/v1/interview-policy", Map.of("remoteKinds", List.of("CULTURE_FIT")))
                .json().path("remoteKinds").get(0).asString()).isEqualTo("CULTURE_FIT");
        assertThat(recruiter.put("/api/v1/interview-policy", Map.of("remoteKinds", List.of())).status())
                .isEqualTo(403);
        String interview = recruiter.post("/api/v1/applications/" + application + "/interviews", Map.of("title",
                "Tech", "kind", "TECHNICAL", "durationMinutes", 60, "location", "Seoul HQ", "startsAt", start,
                "panel", List.of(Map.of("userId", lead, "role", "Lead")))).text("id");

        // the candidate asks from the portal; without a reason nothing is stored
        WebSession portal = WebSession.portal(port, jdbc, email);
        assertThat(portal.get("/portal?lang=en").body()).contains("Cannot come in person?");
        portal.post("/portal/interviews/" + interview + "/remote", Map.of("format", "VIDEO", "reason", " "));
        assertThat(recruiter.get("/api/v1/remote-exceptions").json()).isEmpty();
        portal.post("/portal/interviews/" + interview + "/remote", Map.of("format", "VIDEO",
                "reason", "I live on Jeju and the flights that week are full."));
        assertThat(portal.get("/portal?lang=en").body()).contains("waiting for an answer")
                .doesNotContain("Cannot come in person?");
        portal.post("/portal/interviews/" + interview + "/remote", Map.of("format", "PHONE", "reason", "Again"));
        var requests = recruiter.get("/api/v1/remote-exceptions?status=PENDING").json();
        assertThat(requests).hasSize(1);
        String request = requests.get(0).path("id").asString();
        assertThat(requests.get(0).path("reason").asString()).contains("Jeju");
        assertThat(jdbc.sql("select count(*) from outbound_message where event = 'REMOTE_REQUESTED' and recipient = ?")
                .param(recruiterEmail).query(Integer.class).single()).isEqualTo(1);

        // approving a video interview needs its link; then the interview is by video and its invite goes again
        var noLink = recruiter.post("/api/v1/remote-exceptions/" + request + "/decision", Map.of("approve", true));
        assertThat(noLink.status()).isEqualTo(400);
        assertThat(noLink.body()).contains("videoLink");
        var approved = recruiter.post("/api/v1/remote-exceptions/" + request + "/decision", Map.of("approve", true,
                "videoLink", "https://meet.example.com/jeju", "note", "Of course."));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        var changed = recruiter.get("/api/v1/interviews/" + interview).json();
        assertThat(changed.path("format").asString()).isEqualTo("VIDEO");
        assertThat(changed.path("videoLink").asString()).isEqualTo("https://meet.example.com/jeju");
        assertThat(changed.path("sequence").asInt()).isEqualTo(1);
        String updated = jdbc.sql("""
                select convert_from(attachment_data, 'UTF8') from outbound_message
                where event = 'INTERVIEW_UPDATED' and recipient = ?""")
                .param(email).query(String.class).single().replace("\r\n ", "");
        assertThat(updated).contains("SEQUENCE:1").contains("LOCATION:https://meet.example.com/jeju");
        assertThat(jdbc.sql("select body_text from outbound_message where event = 'REMOTE_ANSWERED' and recipient = ?")
                .param(email).query(String.class).single()).contains("승인: 화상(으)로 진행합니다").contains("Of course.");
        assertThat(recruiter.post("/api/v1/remote-exceptions/" + request + "/decision", Map.of("approve", false,
                "note", "No")).status()).isEqualTo(409);
        assertThat(portal.get("/portal?lang=en").body()).contains("By video call: https://meet.example.com/jeju")
                .contains("was approved");
    }
}
