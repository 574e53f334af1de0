package io.hireflow.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestJobs;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.ShiftableClock;
import tools.jackson.databind.JsonNode;

/**
 * The story's negotiation end to end through the API (the company's side) and the offers service (the candidate's
 * side, as the portal calls it): version 1 sent; a counter on base salary and start date; version 2 outside the band
 * waits for approval, is approved and sent with its letter; the candidate declines for compensation; the thread with
 * its diffs, the application's end and the reason in reports. Then who sees compensation, expiry, and bad input.
 */
class OfferNegotiationTests extends ApiTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final List<String> COMPENSATION_KEYS = List.of("baseSalaryKrw", "signOnBonusKrw",
            "bonusTargetPercent", "stockOptions", "minKrw", "maxKrw", "vesting");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Offers offers;

    @Autowired
    Clock clock;

    @Test
    void theStorysNegotiationEndsInADeclineForCompensationWithTheWholeThread() throws IOException {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String headEmail = tenant.userEmail("HIRING_MANAGER");
        ApiClient head = organizations.signIn(headEmail, io.hireflow.TestOrganizations.PASSWORD);
        assertThat(tenant.admin().put("/api/v1/offer-approvers", Map.of("userIds",
                List.of(tenant.userId(headEmail)))).status()).isEqualTo(200);
        Setup setup = offerStage(recruiter, "김지원");
        var band = recruiter.put("/api/v1/jobs/" + setup.job() + "/salary-bands/L4",
                Map.of("minKrw", 60_000_000, "maxKrw", 75_000_000));
        assertThat(band.status()).as(band.body()).isEqualTo(200);

        // version 1, inside the band: no approval needed; sent with its letter
        var created = recruiter.post("/api/v1/applications/" + setup.application() + "/offers", terms(
                "baseSalaryKrw", 65_000_000, "signOnBonusKrw", 5_000_000, "bonusTargetPercent", 10,
                "startDate", today().plusDays(30), "expiresOn", today().plusDays(7),
                "workLocation", "서울 성동구 본사", "message", "함께하고 싶습니다."));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String offer = created.text("id");
        assertThat(created.json().path("versions").get(0).path("approval").asString()).isEqualTo("NOT_NEEDED");
        var sent = recruiter.post("/api/v1/offers/" + offer + "/send", Map.of());
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().path("sentVersion").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select attachment_type from outbound_message where event = 'OFFER_SENT' and recipient = ?""")
                .param(setup.email()).query(String.class).list()).containsExactly("application/pdf");

        // the candidate counters on base salary and start date, with a message
        UUID id = UUID.fromString(offer);
        CandidateOffer countered = offers.counter(setup.email(), id, 1, draft(80_000_000L,
                today().plusDays(45), "기대 연봉은 8,000만 원이고, 현 직장 인수인계로 입사일을 2주 미뤄야 합니다."));
        assertThat(countered.counterWaiting()).isTrue();
        assertThat(countered.versions()).hasSize(2);
        assertThat(countered.versions().get(1).changes()).extracting(OfferTerms.Change::field)
                .containsExactly("baseSalaryKrw", "startDate");

        // version 2 (outside the band) waits for approval and cannot be sent until approved
        var proposed = recruiter.post("/api/v1/offers/" + offer + "/versions", terms("baseSalaryKrw", 78_000_000,
                "startDate", today().plusDays(40), "message", "7,800만 원과 40일 뒤 입사로 제안드립니다."));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        JsonNode v2 = proposed.json().path("versions").get(2);
        assertThat(v2.path("number").asInt()).isEqualTo(2);
        assertThat(v2.path("approval").asString()).isEqualTo("PENDING");
        assertThat(v2.path("approvalReason").asString()).isEqualTo("OUTSIDE_BAND");
        var early = recruiter.post("/api/v1/offers/" + offer + "/send", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("waits for an approver");
        assertThat(jdbc.sql("select count(*) from outbound_message where event = 'OFFER_SENT' and recipient = ?")
                .param(setup.email()).query(Long.class).single()).isEqualTo(1);
        // the approvers were asked
        assertThat(jdbc.sql("""
                select count(*) from outbound_message where event = 'OFFER_ACTIVITY' and recipient = ?""")
                .param(headEmail).query(Long.class).single()).isEqualTo(1);
        // only an approver approves
        var notApprover = recruiter.post("/api/v1/offers/" + offer + "/versions/2/approval",
                Map.of("decision", "APPROVE"));
        assertThat(notApprover.status()).isEqualTo(409);
        assertThat(notApprover.body()).contains("approvers");
        var noNote = head.post("/api/v1/offers/" + offer + "/versions/2/approval", Map.of("decision", "REJECT"));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body()).contains("\"note\"");
        var approved = head.post("/api/v1/offers/" + offer + "/versions/2/approval",
                Map.of("decision", "APPROVE", "note", "핵심 인재, 밴드 상단 초과 승인"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("versions").get(2).path("approval").asString()).isEqualTo("APPROVED");
        var sent2 = recruiter.post("/api/v1/offers/" + offer + "/send", Map.of());
        assertThat(sent2.status()).as(sent2.body()).isEqualTo(200);
        assertThat(sent2.json().path("sentVersion").asInt()).isEqualTo(2);

        // the letter is in Korean, with the candidate's name and the amounts
        var letter = recruiter.send("GET", "/api/v1/offers/" + offer + "/versions/2/letter", "application/pdf",
                null, null);
        assertThat(letter.status()).isEqualTo(200);
        assertThat(letter.contentType()).startsWith("application/pdf");
        byte[] pdf = jdbc.sql("""
                select letter_pdf from offer_version where offer_id = ? and number = 2 and proposed_by = 'COMPANY'""")
                .param(id).query(byte[].class).single();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("김지원").contains("78,000,000원").contains("처우 제안서")
                    .contains("서울 성동구").doesNotContain("80,000,000");
        }
        assertThat(recruiter.get("/api/v1/offers/" + offer + "/versions/3/letter").status()).isEqualTo(404);

        // the candidate declines for compensation
        CandidateOffer declined = offers.decline(setup.email(), id, 2, "COMPENSATION",
                "다른 회사에서 더 높은 연봉을 제안받았습니다.");
        assertThat(declined.status()).isEqualTo(OfferStatus.DECLINED);

        // the application shows as declined, with the reason; the thread has every version with its diffs
        JsonNode application = recruiter.get("/api/v1/applications/" + setup.application()).json();
        assertThat(application.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(application.toString()).contains("declined (COMPENSATION)");
        JsonNode thread = recruiter.get("/api/v1/offers/" + offer).json();
        assertThat(thread.path("status").asString()).isEqualTo("DECLINED");
        assertThat(thread.path("declineReason").asString()).isEqualTo("COMPENSATION");
        JsonNode versions = thread.path("versions");
        assertThat(versions.size()).isEqualTo(3);
        assertThat(versions.get(0).path("proposedBy").asString()).isEqualTo("COMPANY");
        assertThat(versions.get(1).path("proposedBy").asString()).isEqualTo("CANDIDATE");
        assertThat(versions.get(1).path("number").asInt()).as("the version it answers").isEqualTo(1);
        assertThat(versions.get(1).path("message").asString()).contains("8,000만 원");
        assertThat(versions.get(1).path("changes").get(0).path("field").asString()).isEqualTo("baseSalaryKrw");
        assertThat(versions.get(1).path("changes").get(0).path("before").asLong()).isEqualTo(65_000_000L);
        assertThat(versions.get(1).path("changes").get(0).path("after").asLong()).isEqualTo(80_000_000L);
        assertThat(versions.get(2).path("changes").get(0).path("after").asLong()).isEqualTo(78_000_000L);
        assertThat(versions.get(2).path("decidedByName").asString()).isNotBlank();
        List<String> kinds = new ArrayList<>();
        thread.path("events").forEach(event -> kinds.add(event.path("kind").asString()));
        assertThat(kinds).containsExactly("PROPOSED", "SENT", "COUNTERED", "PROPOSED", "APPROVAL_REQUESTED",
                "APPROVED", "SENT", "DECLINED");
        // reports: the reason counts
        var list = recruiter.get("/api/v1/offers?status=DECLINED").json();
        assertThat(list.toString()).contains(offer).contains("COMPENSATION").contains("더 높은 연봉");
        assertThat(recruiter.get("/api/v1/offers/decline-reasons").json().path("COMPENSATION").asLong())
                .isGreaterThanOrEqualTo(1);
        // the candidate was thanked
        assertThat(jdbc.sql("select count(*) from outbound_message where event = 'OFFER_DECLINED' and recipient = ?")
                .param(setup.email()).query(Long.class).single()).isEqualTo(1);
        // and cannot answer again
        assertThatThrownBy(() -> offers.accept(setup.email(), id, 2)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anInterviewerGetsNoCompensationAnywhere() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        ApiClient interviewer = tenant.user("INTERVIEWER");
        Setup setup = offerStage(recruiter, "박서준");
        recruiter.put("/api/v1/jobs/" + setup.job() + "/salary-bands/L4", Map.of("minKrw", 60_000_000,
                "maxKrw", 75_000_000));
        String offer = recruiter.post("/api/v1/applications/" + setup.application() + "/offers", terms(
                "baseSalaryKrw", 70_000_000, "startDate", today().plusDays(30), "expiresOn", today().plusDays(7)))
                .text("id");
        assertThat(recruiter.post("/api/v1/offers/" + offer + "/send", Map.of()).status()).isEqualTo(200);

        List<String> refused = List.of("/api/v1/offers/" + offer, "/api/v1/offers",
                "/api/v1/applications/" + setup.application() + "/offers", "/api/v1/jobs/" + setup.job()
                        + "/salary-bands", "/api/v1/offers/" + offer + "/versions/1/letter",
                "/api/v1/offers/decline-reasons", "/api/v1/offer-letter-templates/ko");
        for (String path : refused) {
            var response = interviewer.send("GET", path, path.endsWith("/letter") ? "application/pdf"
                    : "application/json", null, null);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertNoCompensation(path, response.body());
        }
        assertThat(interviewer.post("/api/v1/offers/" + offer + "/versions", Map.of("baseSalaryKrw", 1)).status())
                .isEqualTo(403);
        // what interviewers may read says nothing of compensation
        for (String path : List.of("/api/v1/applications/" + setup.application(), "/api/v1/jobs/" + setup.job(),
                "/api/v1/jobs/" + setup.job() + "/board", "/api/v1/applications?jobId=" + setup.job())) {
            var response = interviewer.get(path);
            assertNoCompensation(path, response.body());
        }
        // while a recruiter sees it
        assertThat(recruiter.get("/api/v1/offers/" + offer).body()).contains("baseSalaryKrw");

        // rejecting the application takes its offer with it
        long version = recruiter.get("/api/v1/applications/" + setup.application()).json().path("version").asLong();
        var rejected = recruiter.post("/api/v1/applications/" + setup.application() + "/transitions",
                Map.of("action", "REJECT", "reason", "포지션이 취소되었습니다", "version", version));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        JsonNode withdrawn = recruiter.get("/api/v1/offers/" + offer).json();
        assertThat(withdrawn.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.path("withdrawReason").asString()).isEqualTo("application rejected");
    }

    @Test
    void anExpiredOfferCannotBeAcceptedUntilExtendedAndAcceptanceHires() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        Setup setup = offerStage(recruiter, "이하은");
        String offer = recruiter.post("/api/v1/applications/" + setup.application() + "/offers", terms(
                "baseSalaryKrw", 70_000_000, "startDate", today().plusDays(30), "expiresOn", today().plusDays(1)))
                .text("id");
        // no band for L4: the version waits for an admin (no approvers chosen), who approves it
        assertThat(recruiter.post("/api/v1/offers/" + offer + "/send", Map.of()).status()).isEqualTo(409);
        assertThat(tenant.admin().post("/api/v1/offers/" + offer + "/versions/1/approval",
                Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        assertThat(recruiter.post("/api/v1/offers/" + offer + "/send", Map.of()).status()).isEqualTo(200);
        UUID id = UUID.fromString(offer);

        // on its last day it can still be countered (the expiry day is the company's, and it has not passed)
        var lastDay = today().plusDays(1).atStartOfDay(SEOUL).toInstant().plus(Duration.ofHours(15));
        CandidateOffer lastDayCounter = ShiftableClock.runAt(lastDay, () -> offers.counter(setup.email(), id, 1,
                draft(74_000_000L, null, "마지막 날이지만 조금만 더 조정해 주실 수 있을까요?")));
        assertThat(lastDayCounter.counterWaiting()).isTrue();
        assertThat(lastDayCounter.versions().get(1).proposedByName()).isEqualTo("이하은");
        // past the end of the expiry day (Seoul time) it cannot be accepted, even before the watch marks it
        var after = today().plusDays(2).atStartOfDay(SEOUL).toInstant().plus(Duration.ofMinutes(1));
        assertThatThrownBy(() -> ShiftableClock.runAt(after, () -> offers.accept(setup.email(), id, 1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("expired");
        int expired = ShiftableClock.runAt(after, offers::expireDue);
        assertThat(expired).isGreaterThanOrEqualTo(1);
        assertThat(recruiter.get("/api/v1/offers/" + offer).json().path("status").asString()).isEqualTo("EXPIRED");
        assertThat(jdbc.sql("select count(*) from outbound_message where event = 'OFFER_EXPIRED' and recipient = ?")
                .param(setup.email()).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> offers.accept(setup.email(), id, 1)).isInstanceOf(ConflictException.class);

        // extended, it can be accepted: the application is hired
        var extended = recruiter.post("/api/v1/offers/" + offer + "/extend",
                Map.of("expiresOn", today().plusDays(5).toString()));
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().path("status").asString()).isEqualTo("OPEN");
        CandidateOffer accepted = offers.accept(setup.email(), id, 1);
        assertThat(accepted.status()).isEqualTo(OfferStatus.ACCEPTED);
        JsonNode application = recruiter.get("/api/v1/applications/" + setup.application()).json();
        assertThat(application.path("status").asString()).isEqualTo("HIRED");
        assertThat(jdbc.sql("select count(*) from outbound_message where event = 'OFFER_ACCEPTED' and recipient = ?")
                .param(setup.email()).query(Long.class).single()).isEqualTo(1);
        // the job's headcount of 1 is filled: the recruiters (here the admins) are told they can close it
        assertThat(jdbc.sql("""
                select body_text from outbound_message where event = 'OFFER_ACTIVITY' and application_id = ?""")
                .param(UUID.fromString(setup.application())).query(String.class).list())
                .anyMatch(text -> text.contains("채용 인원 1명이 모두 찼으니 공고를 마감할 수 있습니다"));
        // and the offer's page closes it
        io.hireflow.WebSession staff = new io.hireflow.WebSession(port);
        staff.signIn(tenant.adminEmail(), io.hireflow.TestOrganizations.PASSWORD);
        assertThat(staff.get("/offers/" + offer).body()).contains("id=\"close-job\"");
        staff.post("/offers/" + offer + "/close-job", Map.of());
        assertThat(recruiter.get("/api/v1/jobs/" + setup.job()).json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(staff.get("/offers/" + offer).body()).doesNotContain("id=\"close-job\"");
    }

    @Test
    void badInputIsRefusedWithItsReasonAndChangesNothing() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        Setup setup = offerStage(recruiter, "최민준");
        String path = "/api/v1/applications/" + setup.application() + "/offers";

        var negative = recruiter.post(path, terms("baseSalaryKrw", -5_000_000, "signOnBonusKrw", -1,
                "startDate", today().plusDays(30), "expiresOn", today().plusDays(7)));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body()).contains("\"baseSalaryKrw\"").contains("\"signOnBonusKrw\"");
        var absurd = recruiter.post(path, terms("baseSalaryKrw", 900_000_000_000L, "bonusTargetPercent", 5000,
                "startDate", today().plusDays(30), "expiresOn", today().plusDays(7)));
        assertThat(absurd.status()).isEqualTo(400);
        assertThat(absurd.body()).contains("\"baseSalaryKrw\"").contains("5,000,000,000")
                .contains("\"bonusTargetPercent\"");
        var pastStart = recruiter.post(path, terms("baseSalaryKrw", 70_000_000, "startDate", today().minusDays(1),
                "expiresOn", today().plusDays(7)));
        assertThat(pastStart.status()).isEqualTo(400);
        assertThat(pastStart.body()).contains("\"startDate\"").contains("before today");
        var expiryToday = recruiter.post(path, terms("baseSalaryKrw", 70_000_000, "startDate", today().plusDays(30),
                "expiresOn", today()));
        assertThat(expiryToday.status()).isEqualTo(400);
        assertThat(expiryToday.body()).contains("\"expiresOn\"").contains("the day it is sent");
        var band = recruiter.put("/api/v1/jobs/" + setup.job() + "/salary-bands/L4", Map.of("minKrw", 80_000_000,
                "maxKrw", 60_000_000));
        assertThat(band.status()).isEqualTo(400);
        assertThat(band.body()).contains("\"maxKrw\"");
        assertThat(jdbc.sql("select count(*) from offer where application_id = ?")
                .param(UUID.fromString(setup.application())).query(Long.class).single()).isZero();

        // a draft whose expiry day has come by the time it is sent is refused at sending
        recruiter.put("/api/v1/jobs/" + setup.job() + "/salary-bands/L4", Map.of("minKrw", 60_000_000,
                "maxKrw", 80_000_000));
        String offer = recruiter.post(path, terms("baseSalaryKrw", 70_000_000, "startDate", today().plusDays(30),
                "expiresOn", today().plusDays(1))).text("id");
        var later = today().plusDays(1).atStartOfDay(SEOUL).toInstant().plus(Duration.ofHours(10));
        assertThatThrownBy(() -> ShiftableClock.runAt(later, () -> offers.send(admin(tenant), UUID.fromString(offer))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(recruiter.post("/api/v1/offers/" + offer + "/send", Map.of()).status()).isEqualTo(200);

        // a withdrawal needs its reason; a withdrawn offer takes no counter
        assertThat(recruiter.post("/api/v1/offers/" + offer + "/withdraw", Map.of()).status()).isEqualTo(400);
        assertThat(recruiter.post("/api/v1/offers/" + offer + "/withdraw",
                Map.of("reason", "포지션 재조정")).status()).isEqualTo(200);
        assertThatThrownBy(() -> offers.counter(setup.email(), UUID.fromString(offer), 1, draft(90_000_000L,
                null, "다시 생각해 주세요"))).isInstanceOf(ConflictException.class).hasMessageContaining("ended");
        assertThat(jdbc.sql("select count(*) from offer_version where offer_id = ?").param(UUID.fromString(offer))
                .query(Long.class).single()).isEqualTo(1);
        // the candidate was told of the withdrawal, not its reason
        String told = jdbc.sql("""
                select body_text from outbound_message where event = 'OFFER_WITHDRAWN' and recipient = ?""")
                .param(setup.email()).query(String.class).single();
        assertThat(told).doesNotContain("재조정");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** A job with the interview pipeline and an application in its Offer stage. */
    private Setup offerStage(ApiClient recruiter, String name) {
        JsonNode job = TestJobs.job(recruiter, "DevOps 엔지니어", TestJobs.INTERVIEW_PIPELINE);
        String jobId = job.path("id").asString();
        String email = "cand-" + UUID.randomUUID() + "@example.com";
        String application = TestJobs.advanced(recruiter, jobId, Map.of("name", name, "email", email));
        var moved = recruiter.post("/api/v1/applications/" + application + "/transitions",
                Map.of("action", "ADVANCE", "version", 1));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        return new Setup(jobId, application, email);
    }

    record Setup(String job, String application, String email) {
    }

    private Map<String, Object> terms(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        body.put("level", "L4");
        body.put("workLocation", "서울 성동구");
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            body.put((String) pairs[i], value instanceof LocalDate date ? date.toString() : value);
        }
        return body;
    }

    private static Offers.Draft draft(Long base, LocalDate start, String message) {
        return new Offers.Draft(null, null, base, null, null, null, null, start, null, null, null, message);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SEOUL));
    }

    private io.hireflow.shared.Actor admin(Tenant tenant) {
        UUID organization = UUID.fromString(tenant.id());
        UUID user = UUID.fromString(tenant.userId(tenant.adminEmail()));
        return new io.hireflow.shared.Actor(user, new io.hireflow.shared.OrganizationId(organization), "Admin",
                java.util.Set.of(io.hireflow.shared.Role.ADMIN), SEOUL);
    }

    private static void assertNoCompensation(String path, String body) {
        for (String key : COMPENSATION_KEYS) {
            assertThat(body).as(path + " answers " + key).doesNotContain("\"" + key + "\"");
        }
    }
}
