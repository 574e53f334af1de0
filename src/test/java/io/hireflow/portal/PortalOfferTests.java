package io.hireflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import tools.jackson.databind.JsonNode;

/**
 * A candidate answers an offer in the portal, over plain HTTP: their applications link to it; another candidate does
 * not find it; a counter-proposal with an amount that is not one is refused naming the field, keeps what was typed and
 * stores nothing; one with a message is sent and waits for the company; a decline without a reason is refused, one
 * with a reason ends the offer; the letter opens as a PDF.
 */
class PortalOfferTests extends ApiTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aCandidateCountersAndDeclinesTheirOfferAndNobodyElseSeesIt() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String email = "offer-" + UUID.randomUUID() + "@example.com";
        Setup setup = offerStage(recruiter, "Kim Jiwon", email);
        recruiter.put("/api/v1/jobs/" + setup.job() + "/salary-bands/L4", Map.of("minKrw", 60_000_000,
                "maxKrw", 75_000_000));
        var created = recruiter.post("/api/v1/applications/" + setup.application() + "/offers", Map.of(
                "level", "L4", "baseSalaryKrw", 65_000_000, "startDate", today().plusDays(30).toString(),
                "expiresOn", today().plusDays(7).toString(), "workLocation", "Seoul HQ",
                "otherTerms", "Laptop of your choice", "message", "We would love to have you."));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String offer = created.text("id");
        String path = "/portal/offers/" + offer;
        // nothing is shown before it is sent
        WebSession candidate = WebSession.portal(port, jdbc, email);
        assertThat(candidate.get("/portal").body()).doesNotContain(path);
        assertThat(candidate.get(path).statusCode()).isEqualTo(404);
        assertThat(recruiter.post("/api/v1/offers/" + offer + "/send", Map.of()).status()).isEqualTo(200);

        // another candidate (of another job, with their own application) finds none of it
        Setup other = offerStage(recruiter, "Park Minho", "other-" + email);
        WebSession stranger = WebSession.portal(port, jdbc, other.email());
        stranger.get("/portal");
        assertThat(stranger.get(path).statusCode()).isEqualTo(404);
        assertThat(stranger.get(path + "/versions/1/letter").statusCode()).isEqualTo(404);
        assertThat(stranger.post(path + "/accept", Map.of("version", "1")).statusCode()).isEqualTo(404);
        assertThat(stranger.post(path + "/counter", counter("90,000,000", "please")).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/portal").body()).doesNotContain(path);
        // and nobody signed out does
        assertThat(new WebSession(port).get(path).headers().firstValue("Location").orElse("")).endsWith("/portal");

        // the candidate's applications link to the offer; its page shows the terms, the letter and the three answers
        String applications = candidate.get("/portal").body();
        assertThat(applications).contains("href=\"" + path + "\"").contains("Offer from Test " + tenant.slug())
                .contains("answer by the end of " + today().plusDays(7));
        String page = candidate.get(path).body();
        assertThat(page).contains("KRW 65,000,000").contains("Laptop of your choice").contains("We would love")
                .contains("the end of " + today().plusDays(7) + " (Asia/Seoul)")
                .contains(path + "/versions/1/letter").contains("id=\"accept-offer\"")
                .contains("id=\"decline-offer\"").contains("id=\"counter-offer\"")
                .contains("value=\"65,000,000\"").contains("value=\"Seoul HQ\"")
                .doesNotContain("name=\"expiresOn\"");

        // an amount that is not one is refused naming the field, comes back as typed, and stores nothing
        HttpResponse<String> refused = candidate.post(path + "/counter", counter("eighty million",
                "My expectation is higher."));
        assertThat(refused.statusCode()).isEqualTo(302);
        page = candidate.get(path).body();
        assertThat(page).contains("Your counter-proposal was not sent: Base salary (a year) must be a whole number.")
                .contains("value=\"eighty million\"").contains("My expectation is higher.");
        assertThat(versions(offer)).isEqualTo(1);
        // as does a counter without a message, or one that changes nothing
        candidate.post(path + "/counter", counter("80,000,000", ""));
        assertThat(candidate.get(path).body()).contains("Your message is required.");
        candidate.post(path + "/counter", counter("65,000,000", "Fine as it is"));
        assertThat(candidate.get(path).body()).contains("Nothing changes from the version in hand");
        assertThat(versions(offer)).isEqualTo(1);

        // with a message it is sent: the thread shows what changed, and it waits for the company's answer
        candidate.post(path + "/counter", counter("80,000,000", "My expectation is 80 million."));
        page = candidate.get(path).body();
        assertThat(page).contains("Your counter-proposal was sent.").contains("Your counter-proposal to version 1")
                .contains("Base salary (a year): KRW 65,000,000 \u2192 KRW 80,000,000")
                .contains("My expectation is 80 million.").contains("id=\"counter-waiting\"")
                .doesNotContain("id=\"counter-offer\"").contains("id=\"accept-offer\"");
        assertThat(versions(offer)).isEqualTo(2);
        assertThat(candidate.get(path + "/versions/2/letter").statusCode()).as("no version 2 was sent")
                .isEqualTo(404);

        // the letter of the version in hand opens in the browser as a PDF
        var letter = candidate.get(path + "/versions/1/letter");
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(letter.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(letter.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("inline; filename=\"offer-v1.pdf\"");
        assertThat(letter.body()).startsWith("%PDF-");

        // a decline without a reason is refused; with one, the offer ends and the page says how
        candidate.post(path + "/decline", Map.of("version", "1", "reason", "", "note", ""));
        assertThat(candidate.get(path).body()).contains("Your answer was not sent: Choose why you decline the offer.");
        candidate.post(path + "/decline", Map.of("version", "1", "reason", "OTHER", "note", ""));
        assertThat(candidate.get(path).body()).contains("Your words is required.");
        assertThat(status(offer)).isEqualTo("OPEN");
        candidate.post(path + "/decline", Map.of("version", "1", "reason", "COMPENSATION",
                "note", "Another company offered more."));
        page = candidate.get(path).body();
        assertThat(page).contains("You declined the offer.")
                .contains("You declined version 1 of this offer: Compensation.")
                .contains("Another company offered more.").doesNotContain("id=\"offer-answer\"");
        assertThat(status(offer)).isEqualTo("DECLINED");
        // answering again is refused for the offer's state
        candidate.post(path + "/accept", Map.of("version", "1"));
        assertThat(candidate.get(path).body()).contains("The offer has ended");
        assertThat(candidate.get("/portal").body()).contains("Declined");
        // and in Korean
        assertThat(candidate.get(path + "?lang=ko").body()).contains("버전 1의 제안을 거절하셨습니다: 처우.")
                .contains("기본 연봉: 65,000,000원 \u2192 80,000,000원");
    }

    private static Map<String, String> counter(String base, String message) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", "1");
        form.put("level", "L4");
        form.put("title", "DevOps engineer");
        form.put("baseSalaryKrw", base);
        form.put("signOnBonusKrw", "0");
        form.put("bonusTargetPercent", "0");
        form.put("stockOptions", "0");
        form.put("vesting", "");
        form.put("startDate", "");
        form.put("workLocation", "Seoul HQ");
        form.put("otherTerms", "Laptop of your choice");
        form.put("message", message);
        return form;
    }

    private long versions(String offer) {
        return jdbc.sql("select count(*) from offer_version where offer_id = ?").param(UUID.fromString(offer))
                .query(Long.class).single();
    }

    private String status(String offer) {
        return jdbc.sql("select status from offer where id = ?").param(UUID.fromString(offer)).query(String.class)
                .single();
    }

    /** A job with the interview pipeline and an application in its Offer stage. */
    private static Setup offerStage(ApiClient recruiter, String name, String email) {
        JsonNode job = TestJobs.job(recruiter, "DevOps engineer", TestJobs.INTERVIEW_PIPELINE);
        String jobId = job.path("id").asString();
        Map<String, Object> candidate = new HashMap<>(Map.of("name", name, "email", email));
        String application = TestJobs.advanced(recruiter, jobId, candidate);
        var moved = recruiter.post("/api/v1/applications/" + application + "/transitions",
                Map.of("action", "ADVANCE", "version", 1));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        return new Setup(jobId, application, email);
    }

    record Setup(String job, String application, String email) {
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SEOUL));
    }
}
