package io.hireflow.assessments;

import static io.hireflow.assessments.AssignmentFixtures.assignment;
import static io.hireflow.assessments.AssignmentFixtures.job;
import static io.hireflow.assessments.AssignmentFixtures.portal;
import static io.hireflow.assessments.AssignmentFixtures.released;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import io.hireflow.WebSession.FilePart;
import io.hireflow.candidates.DocumentFixtures;
import tools.jackson.databind.JsonNode;

/**
 * The candidate hands an assignment in through the portal as its template asks (files, or a link and files), the
 * files judged by their bytes as every candidate document is; a refused hand-in stores nothing. The reviewers are
 * emailed in the hand-in's transaction; staff and the candidate can download the files.
 */
class AssignmentHandInTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void filesAreHandedInCheckedByTheirBytesAndTheReviewersAreTold() {
        Tenant tenant = organizations.create();
        String recruiterEmail = tenant.userEmail("RECRUITER");
        ApiClient recruiter = organizations.signIn(recruiterEmail, TestOrganizations.PASSWORD);
        String reviewerEmail = tenant.userEmail("INTERVIEWER");
        String jobId = job(recruiter, "Platform", "FILES", "REFUSE", List.of(tenant.userId(reviewerEmail)));
        String email = "files-" + UUID.randomUUID() + "@example.com";
        String id = released(recruiter, jdbc, jobId, "Lee Files", email);

        WebSession candidate = portal(port, jdbc, email);
        String page = candidate.get("/portal?lang=en").body();
        assertThat(page).contains("type=\"file\" name=\"files\"").doesNotContain("name=\"link\"")
                .contains("Archives (.zip) and other types are not taken");

        // an HTML page named .pdf, and a zip of code: refused by their bytes, and nothing is stored
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] code = DocumentFixtures.zip(DocumentFixtures.entries("main.go", "package main"));
        candidate.postMultipart("/portal/applications/" + id + "/assignment", Map.of(), List.of(
                new FilePart("files", "design.pdf", "application/pdf", html),
                new FilePart("files", "code.zip", "application/zip", code)));
        assertThat(candidate.get("/portal?lang=en").body()).contains("Your assignment was not handed in")
                .contains("The file &quot;design.pdf&quot; is not a PDF or Word (DOCX) file")
                .contains("The file &quot;code.zip&quot; is not a valid Word (DOCX) file");
        // nor is a link, which this assignment does not take, or nothing at all
        candidate.postMultipart("/portal/applications/" + id + "/assignment",
                Map.of("link", "https://github.com/lee/drill"), List.of());
        assertThat(candidate.get("/portal?lang=en").body())
                .contains("The link is not taken: this assignment is handed in as files")
                .contains("The hand-in needs at least one file");
        assertThat(assignment(recruiter, id).path("state").asString()).isEqualTo("RELEASED");
        assertThat(storedFiles(id)).isZero();
        assertThat(reviewerMails(id)).isEmpty();

        // a PDF and a Word document: handed in, kept as the candidate's documents, and the reviewer told
        byte[] pdf = DocumentFixtures.minimalPdf();
        candidate.postMultipart("/portal/applications/" + id + "/assignment", Map.of(), List.of(
                new FilePart("files", "design.pdf", "application/pdf", pdf),
                new FilePart("files", "notes.docx", "application/octet-stream",
                        DocumentFixtures.docx(Map.of()))));
        String after = candidate.get("/portal?lang=en").body();
        assertThat(after).contains("Your assignment was handed in.").contains("design.pdf").contains("notes.docx")
                .doesNotContain("type=\"file\"");
        JsonNode handedIn = assignment(recruiter, id);
        assertThat(handedIn.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(handedIn.path("submission").asString()).isEqualTo("FILES");
        assertThat(handedIn.path("files")).extracting(file -> file.path("name").asString())
                .containsExactly("design.pdf", "notes.docx");
        assertThat(storedFiles(id)).isEqualTo(2);
        List<Map<String, Object>> mails = reviewerMails(id);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("recipient")).isEqualTo(reviewerEmail);
        assertThat((String) mails.get(0).get("body_text")).contains("Lee Files").contains("Platform drill")
                .contains("http://localhost:" + port + "/applications/" + id);
        // the reviewers' email is staff mail: never in the candidate's portal, even once sent
        jdbc.sql("update outbound_message set status = 'SENT', sent_at = now() where application_id = ? "
                + "and event = 'ASSIGNMENT_SUBMITTED'").param(UUID.fromString(id)).update();
        assertThat(candidate.get("/portal?lang=en").body()).doesNotContain(
                (String) mails.get(0).get("subject"));

        // the staff download it as any candidate document; the candidate downloads their own
        String document = handedIn.path("files").get(0).path("documentId").asString();
        String candidateId = recruiter.get("/api/v1/applications/" + id).json().path("candidateId").asString();
        WebSession staff = new WebSession(port);
        staff.signIn(recruiterEmail, TestOrganizations.PASSWORD);
        var download = staff.get("/candidates/" + candidateId + "/documents/" + document);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(download.body()).startsWith("%PDF-");
        var own = candidate.get("/portal/applications/" + id + "/documents/" + document);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(own.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(own.body()).isEqualTo(new String(pdf, StandardCharsets.UTF_8));
        // another candidate, and another application's path, find nothing
        String otherEmail = "other-" + UUID.randomUUID() + "@example.com";
        String other = released(recruiter, jdbc, jobId, "Other", otherEmail);
        WebSession stranger = portal(port, jdbc, otherEmail);
        assertThat(stranger.get("/portal/applications/" + id + "/documents/" + document).statusCode())
                .isEqualTo(404);
        assertThat(stranger.get("/portal/applications/" + other + "/documents/" + document).statusCode())
                .isEqualTo(404);
        // handed in once
        candidate.postMultipart("/portal/applications/" + id + "/assignment", Map.of(), List.of(
                new FilePart("files", "again.pdf", "application/pdf", pdf)));
        assertThat(candidate.get("/portal?lang=en").body()).contains("This assignment was handed in already.");
        assertThat(storedFiles(id)).isEqualTo(2);
    }

    @Test
    void aLinkAndFilesHandInNeedsBoth() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String jobId = job(recruiter, "Both", "LINK_AND_FILES", "ACCEPT_MARKED_LATE", List.of());
        String email = "both-" + UUID.randomUUID() + "@example.com";
        String id = released(recruiter, jdbc, jobId, "Park Both", email);
        WebSession candidate = portal(port, jdbc, email);
        assertThat(candidate.get("/portal?lang=en").body()).contains("name=\"link\"")
                .contains("type=\"file\" name=\"files\"");
        byte[] pdf = DocumentFixtures.minimalPdf();
        String path = "/portal/applications/" + id + "/assignment";

        candidate.postMultipart(path, Map.of("link", "https://github.com/park/drill"), List.of());
        assertThat(candidate.get("/portal?lang=en").body()).contains("The hand-in needs at least one file");
        candidate.postMultipart(path, Map.of(), List.of(new FilePart("files", "design.pdf", "application/pdf",
                pdf)));
        assertThat(candidate.get("/portal?lang=en").body()).contains("The link is required");
        candidate.postMultipart(path, Map.of("link", "github.com/park drill"), List.of(new FilePart("files",
                "design.pdf", "application/pdf", pdf)));
        assertThat(candidate.get("/portal?lang=en").body()).contains("The link must be a web address");
        assertThat(assignment(recruiter, id).path("state").asString()).isEqualTo("RELEASED");
        assertThat(storedFiles(id)).isZero();

        // past the deadline, where late work is taken: both, marked late
        jdbc.sql("update assignment set due_at = now() - interval '1 hour' where application_id = ?")
                .param(UUID.fromString(id)).update();
        candidate.postMultipart(path, Map.of("link", "https://github.com/park/drill/pull/3"), List.of(
                new FilePart("files", "design.pdf", "application/pdf", pdf)));
        assertThat(candidate.get("/portal?lang=en").body()).contains("Your assignment was handed in.");
        JsonNode handedIn = assignment(recruiter, id);
        assertThat(handedIn.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(handedIn.path("submittedLate").asBoolean()).isTrue();
        assertThat(handedIn.path("submissionLink").asString()).isEqualTo("https://github.com/park/drill/pull/3");
        assertThat(handedIn.path("files")).hasSize(1);
    }

    private int storedFiles(String applicationId) {
        return jdbc.sql("select count(*) from candidate_document where application_id = ? and kind = 'ASSIGNMENT'")
                .param(UUID.fromString(applicationId)).query(Integer.class).single();
    }

    private List<Map<String, Object>> reviewerMails(String applicationId) {
        return jdbc.sql("""
                select recipient, subject, body_text from outbound_message
                where application_id = ? and event = 'ASSIGNMENT_SUBMITTED'""")
                .param(UUID.fromString(applicationId)).query().listOfRows();
    }
}
