package io.hireflow.interviews.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
import io.hireflow.candidates.DocumentFixtures;

/**
 * Travel support: who is eligible (the policy's metro regions, in-person interviews only) and what the invite and the
 * portal say; a claim submitted in the portal, approved and paid, with the bank details encrypted at rest, never shown
 * whole to staff and deleted on payment; and every bad claim refused with its reason, storing nothing.
 */
class TravelClaimTests extends ApiTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final String ACCOUNT = "110-432-905678";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void eligibilityFollowsThePolicyAndTheInviteSaysSo() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String lead = tenant.userId(tenant.userEmail("INTERVIEWER"));
        String job = job(recruiter);
        Instant at = tomorrow();

        Candidate busan = candidate(recruiter, job, "부산 해운대구");
        String inPerson = schedule(recruiter, busan.application(), lead, at, "IN_PERSON");
        Candidate seongnam = candidate(recruiter, job, "경기 성남");
        String near = schedule(recruiter, seongnam.application(), lead, at.plus(Duration.ofHours(2)), "IN_PERSON");
        Candidate daejeon = candidate(recruiter, job, "대전");
        // a video interview needs the organization's policy to let technical interviews be remote
        assertThat(tenant.admin().put("/api/v1/interview-policy", Map.of("remoteKinds", List.of("TECHNICAL")))
                .status()).isEqualTo(200);
        schedule(recruiter, daejeon.application(), lead, at.plus(Duration.ofHours(4)), "VIDEO");

        // the invite of an eligible candidate's in-person interview says travel is supported; the others do not
        assertThat(invite(busan.application())).contains("KTX/SRT").contains("150,000");
        assertThat(invite(seongnam.application())).doesNotContain("KTX/SRT");
        assertThat(invite(daejeon.application())).doesNotContain("KTX/SRT");

        WebSession portal = WebSession.portal(port, jdbc, busan.email());
        assertThat(portal.get("/portal").body()).contains("class=\"travel-supported\"")
                .contains("/portal/interviews/" + inPerson + "/travel-claim");
        WebSession nearby = WebSession.portal(port, jdbc, seongnam.email());
        String page = nearby.get("/portal").body();
        assertThat(page).contains("travel-not-eligible").doesNotContain("/portal/interviews/" + near + "/travel-claim");
        // a claim for an interview that is not eligible is refused, whatever the form says
        HttpResponse<String> refused = nearby.postMultipart("/portal/interviews/" + near + "/travel-claim",
                claimForm(LocalDate.ofInstant(at, SEOUL), "TRAIN", "59800"), List.of(receipt("ktx.pdf")));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(nearby.get("/portal").body()).contains("Travel support is not offered for this interview");
        assertThat(claims(tenant)).isZero();

        // the policy is the organization's: with Busan in the metro area, the Busan candidate is no longer eligible
        ApiClient admin = tenant.admin();
        assertThat(admin.get("/api/v1/travel-policy").json().path("capPerTripKrw").asInt()).isEqualTo(150_000);
        var bad = admin.put("/api/v1/travel-policy", Map.of("enabled", true, "metroRegions", List.of("서울"),
                "modes", List.of("SHIP"), "capPerTripKrw", 0, "receiptsRequired", true, "version", 0));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("\"modes[0]\"").contains("\"capPerTripKrw\"").contains("1,000");
        var saved = admin.put("/api/v1/travel-policy", Map.of("enabled", true, "metroRegions",
                List.of("서울", "경기", "인천", "부산"), "modes", List.of("TRAIN", "BUS", "FLIGHT"), "capPerTripKrw",
                120_000, "receiptsRequired", true, "version", 0));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("version").asLong()).isEqualTo(1);
        assertThat(admin.put("/api/v1/travel-policy", Map.of("enabled", true, "metroRegions", List.of(),
                "modes", List.of("TRAIN"), "capPerTripKrw", 100_000, "receiptsRequired", true, "version", 0))
                .status()).isEqualTo(409);
        assertThat(portal.get("/portal").body()).contains("travel-not-eligible");
        assertThat(recruiter.put("/api/v1/travel-policy", Map.of()).status()).isEqualTo(403);

        // the settings page shows the policy and saves it: without Busan again, flights no more, a lower cap
        WebSession settings = new WebSession(port);
        settings.signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);
        String form = settings.get("/settings/travel").body();
        assertThat(form).contains("부산").contains("value=\"120000\"");
        HttpResponse<String> posted = settings.post("/settings/travel", List.of(Map.entry("enabled", "true"),
                Map.entry("metroRegions", "서울\r\n경기\r\n인천"), Map.entry("modes", "TRAIN"),
                Map.entry("modes", "BUS"), Map.entry("capPerTripKrw", "100000"),
                Map.entry("receiptsRequired", "true"), Map.entry("version", "1")));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(settings.get("/settings/travel").body()).contains("The travel policy was saved.");
        var policy = admin.get("/api/v1/travel-policy").json();
        assertThat(policy.path("metroRegions").toString()).isEqualTo("[\"서울\",\"경기\",\"인천\"]");
        assertThat(policy.path("modes").toString()).isEqualTo("[\"TRAIN\",\"BUS\"]");
        assertThat(policy.path("capPerTripKrw").asInt()).isEqualTo(100_000);
        assertThat(portal.get("/portal").body()).contains("class=\"travel-supported\"").contains("100,000");
        // a stale form is refused with the reason, and changes nothing
        settings.post("/settings/travel", List.of(Map.entry("enabled", "false"), Map.entry("modes", "TRAIN"),
                Map.entry("capPerTripKrw", "100000"), Map.entry("version", "1")));
        assertThat(settings.get("/settings/travel").body()).contains("Someone else changed this meanwhile");
        assertThat(admin.get("/api/v1/travel-policy").json().path("enabled").asBoolean()).isTrue();
    }

    @Test
    void aClaimIsSubmittedApprovedAndPaidAndTheBankDetailsAreEncryptedThenDeleted() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String lead = tenant.userId(tenant.userEmail("INTERVIEWER"));
        String job = job(recruiter);
        Instant at = tomorrow();
        Candidate candidate = candidate(recruiter, job, "부산");
        String interview = schedule(recruiter, candidate.application(), lead, at, "IN_PERSON");

        WebSession portal = WebSession.portal(port, jdbc, candidate.email());
        portal.get("/portal");
        HttpResponse<String> sent = portal.postMultipart("/portal/interviews/" + interview + "/travel-claim",
                claimForm(LocalDate.ofInstant(at, SEOUL), "TRAIN", "59,800"), List.of(receipt("ktx-부산.pdf")));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(portal.get("/portal").body()).contains("Your travel claim was submitted")
                .contains("Your claim: Submitted, KRW 59,800");

        // at rest: one ciphertext, holding neither the number nor the holder; the last four digits in clear
        Map<String, Object> row = jdbc.sql("select * from travel_claim where interview_id = ?")
                .param(UUID.fromString(interview)).query().singleRow();
        byte[] sealed = (byte[]) row.get("bank_details");
        String hex = HexFormat.of().formatHex(sealed);
        for (String secret : List.of("110432905678", "905678", ACCOUNT, "정우진", "부산은행")) {
            assertThat(hex).doesNotContain(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(row.get("account_last4")).isEqualTo("5678");
        String claim = row.get("id").toString();
        assertThat(outbox(candidate.email(), "TRAVEL_CLAIM_SUBMITTED")).isEqualTo(1);

        // staff see the claim with the account's last four digits only, in the API and on the page
        var listed = recruiter.get("/api/v1/travel-claims?status=SUBMITTED");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(claim);
        assertThat(recruiter.get("/api/v1/travel-claims?status=PAID").body()).doesNotContain(claim);
        var shown = recruiter.get("/api/v1/travel-claims/" + claim);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().path("bank").path("accountLast4").asString()).isEqualTo("5678");
        assertThat(shown.json().path("bank").path("accountHolder").asString()).isEqualTo("정우진");
        assertThat(shown.json().path("totalKrw").asLong()).isEqualTo(59_800);
        assertThat(shown.body()).doesNotContain("110432905678").doesNotContain("432905678").doesNotContain(ACCOUNT);
        WebSession staff = new WebSession(port);
        staff.signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);
        String claimPage = staff.get("/travel-claims/" + claim).body();
        assertThat(claimPage).contains("••••5678").doesNotContain("432905678").doesNotContain(ACCOUNT);
        String document = shown.json().path("receipts").get(0).path("documentId").asString();
        String candidateId = shown.json().path("candidateId").asString();
        assertThat(claimPage).contains("/candidates/" + candidateId + "/documents/" + document);
        HttpResponse<String> download = staff.get("/candidates/" + candidateId + "/documents/" + document);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(jdbc.sql("select count(*) from access_log where subject = ?").param("document " + document)
                .query(Integer.class).single()).isEqualTo(1);
        // another organization's recruiter: not found, like a claim that does not exist
        ApiClient stranger = organizations.create().user("RECRUITER");
        var elsewhere = stranger.get("/api/v1/travel-claims/" + claim);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.json().path("detail").asString()).isEqualTo(stranger.get("/api/v1/travel-claims/"
                + UUID.randomUUID()).json().path("detail").asString());
        assertThat(stranger.get("/api/v1/travel-claims").body()).doesNotContain(claim);

        // approve: needs a known decision and the version; then paid
        var unknown = recruiter.post("/api/v1/travel-claims/" + claim + "/decision", Map.of("decision", "MAYBE",
                "version", 0));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(recruiter.post("/api/v1/travel-claims/" + claim + "/payment", Map.of("paidOn",
                LocalDate.now(SEOUL).toString(), "version", 0)).status()).isEqualTo(409);
        var approved = recruiter.post("/api/v1/travel-claims/" + claim + "/decision", Map.of("decision", "APPROVE",
                "version", 0));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(recruiter.post("/api/v1/travel-claims/" + claim + "/decision", Map.of("decision", "REJECT",
                "reason", "late", "version", 1)).status()).isEqualTo(409);
        assertThat(outbox(candidate.email(), "TRAVEL_CLAIM_APPROVED")).isEqualTo(1);
        // the whole number only for an admin paying an approved claim, and the read is recorded
        assertThat(recruiter.get("/api/v1/travel-claims/" + claim + "/bank-details").status()).isEqualTo(403);
        var toPay = tenant.admin().get("/api/v1/travel-claims/" + claim + "/bank-details");
        assertThat(toPay.status()).as(toPay.body()).isEqualTo(200);
        assertThat(toPay.text("accountNumber")).isEqualTo("110432905678");
        assertThat(toPay.text("accountHolder")).isEqualTo("정우진");
        assertThat(jdbc.sql("select count(*) from access_log where subject = ?")
                .param("travel claim " + claim + " bank details for payment").query(Integer.class).single())
                .isEqualTo(1);
        var future = recruiter.post("/api/v1/travel-claims/" + claim + "/payment", Map.of("paidOn",
                LocalDate.now(SEOUL).plusDays(2).toString(), "version", 1));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("\"paidOn\"").contains("is in the future");
        var paid = recruiter.post("/api/v1/travel-claims/" + claim + "/payment", Map.of("paidOn",
                LocalDate.now(clock.withZone(SEOUL)).toString(), "version", 1));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().path("status").asString()).isEqualTo("PAID");
        assertThat(paid.json().path("bank").isMissingNode()).isTrue();
        Map<String, Object> after = jdbc.sql("select bank_details, account_last4, paid_on from travel_claim where id = ?")
                .param(UUID.fromString(claim)).query().singleRow();
        assertThat(after.get("bank_details")).isNull();
        assertThat(after.get("account_last4")).isNull();
        assertThat(after.get("paid_on")).isNotNull();
        assertThat(outbox(candidate.email(), "TRAVEL_CLAIM_PAID")).isEqualTo(1);
        assertThat(tenant.admin().get("/api/v1/travel-claims/" + claim + "/bank-details").status()).isEqualTo(409);
        assertThat(staff.get("/travel-claims/" + claim).body()).contains("Deleted after payment");
        assertThat(portal.get("/portal").body()).contains("Your claim: Paid, KRW 59,800");
    }

    @Test
    void badClaimsAreRefusedWithTheirReasonAndOverTheCapNeedsAnOverride() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String lead = tenant.userId(tenant.userEmail("INTERVIEWER"));
        String job = job(recruiter);
        Instant at = tomorrow();
        LocalDate day = LocalDate.ofInstant(at, SEOUL);
        Candidate candidate = candidate(recruiter, job, "광주");
        String interview = schedule(recruiter, candidate.application(), lead, at, "IN_PERSON");
        WebSession portal = WebSession.portal(port, jdbc, candidate.email());
        portal.get("/portal");
        String path = "/portal/interviews/" + interview + "/travel-claim";

        assertRefused(portal, path, claimForm(day, "TRAIN", "59800"), List.of(),
                "Receipts are required: add the receipts as PDF files");
        assertRefused(portal, path, claimForm(day, "SHIP", "59800"), List.of(receipt("a.pdf")),
                "Trip 1, Transport: must be one of the modes this company pays for: TRAIN, BUS");
        assertRefused(portal, path, claimForm(day, "FLIGHT", "59800"), List.of(receipt("a.pdf")),
                "must be one of the modes this company pays for: TRAIN, BUS");
        assertRefused(portal, path, claimForm(day, "TRAIN", "-5000"), List.of(receipt("a.pdf")),
                "Trip 1, Amount (KRW): must be a whole number of KRW from 1 to 1,000,000");
        assertRefused(portal, path, claimForm(day, "TRAIN", "50000000"), List.of(receipt("a.pdf")),
                "must be a whole number of KRW from 1 to 1,000,000");
        assertRefused(portal, path, claimForm(day.plusDays(3), "TRAIN", "59800"), List.of(receipt("a.pdf")),
                "Trip 1, Date: is after the day after the interview (" + day + ")");
        Map<String, String> shortAccount = claimForm(day, "TRAIN", "59800");
        shortAccount.put("accountNumber", "12-34");
        assertRefused(portal, path, shortAccount, List.of(receipt("a.pdf")),
                "Account number must be the account number: 8 to 20 digits");
        assertRefused(portal, path, claimForm(day, "TRAIN", "59800"), List.of(new WebSession.FilePart("receipts",
                "receipt.pdf", "application/pdf", DocumentFixtures.docxWithText("a receipt"))),
                "The file &quot;receipt.pdf&quot; is not a PDF: receipts are taken as PDF files");
        assertRefused(portal, path, claimForm(day, "TRAIN", "59800"), List.of(new WebSession.FilePart("receipts",
                "receipt.pdf", "application/pdf", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))),
                "is not a PDF or Word (DOCX) file");
        assertThat(claims(tenant)).isZero();
        assertThat(jdbc.sql("select count(*) from candidate_document where kind = 'RECEIPT' and organization_id = ?")
                .param(UUID.fromString(tenant.id())).query(Integer.class).single()).isZero();

        // a trip over the cap is taken, flagged, and approved only with an explicit override and its note
        HttpResponse<String> sent = portal.postMultipart(path, claimForm(day, "TRAIN", "180000"),
                List.of(receipt("a.pdf")));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(portal.get("/portal").body()).contains("Your claim: Submitted, KRW 180,000");
        String claim = jdbc.sql("select id from travel_claim where interview_id = ?")
                .param(UUID.fromString(interview)).query(UUID.class).single().toString();
        assertThat(recruiter.get("/api/v1/travel-claims/" + claim).json().path("overCap").asBoolean()).isTrue();
        var overCap = recruiter.post("/api/v1/travel-claims/" + claim + "/decision", Map.of("decision", "APPROVE",
                "version", 0));
        assertThat(overCap.status()).isEqualTo(409);
        assertThat(overCap.body()).contains("Trip 1 costs more than the cap of KRW 150,000 a trip");
        var noNote = recruiter.post("/api/v1/travel-claims/" + claim + "/decision", Map.of("decision", "APPROVE",
                "override", true, "version", 0));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body()).contains("\"overrideNote\"");
        assertThat(recruiter.post("/api/v1/travel-claims/" + claim + "/decision", Map.of("decision", "REJECT",
                "version", 0)).body()).contains("\"reason\"");
        var overridden = recruiter.post("/api/v1/travel-claims/" + claim + "/decision", Map.of("decision", "APPROVE",
                "override", true, "overrideNote", "Only seats left were first class", "version", 0));
        assertThat(overridden.status()).as(overridden.body()).isEqualTo(200);
        assertThat(overridden.json().path("overrideNote").asString()).isEqualTo("Only seats left were first class");

        // one claim per interview
        assertRefused(portal, path, claimForm(day, "TRAIN", "59800"), List.of(receipt("a.pdf")),
                "You have claimed travel for this interview already.");
    }

    @Test
    void aRejectionCarriesItsReasonToTheCandidate() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String lead = tenant.userId(tenant.userEmail("INTERVIEWER"));
        Instant at = tomorrow();
        Candidate candidate = candidate(recruiter, job(recruiter), "울산");
        String interview = schedule(recruiter, candidate.application(), lead, at, "IN_PERSON");
        WebSession portal = WebSession.portal(port, jdbc, candidate.email());
        portal.get("/portal");
        portal.postMultipart("/portal/interviews/" + interview + "/travel-claim",
                claimForm(LocalDate.ofInstant(at, SEOUL), "BUS", "32000"), List.of(receipt("bus.pdf")));
        String claim = recruiter.get("/api/v1/travel-claims?status=SUBMITTED").json().get(0).path("id").asString();
        var rejected = recruiter.post("/api/v1/travel-claims/" + claim + "/decision", Map.of("decision", "REJECT",
                "reason", "The receipt is for another day", "version", 0));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(jdbc.sql("""
                select body_text from outbound_message where event = 'TRAVEL_CLAIM_REJECTED' and lower(recipient) = ?""")
                .param(candidate.email()).query(String.class).single()).contains("The receipt is for another day");
        assertThat(portal.get("/portal").body()).contains("Your claim: Rejected, KRW 32,000")
                .contains("The receipt is for another day");
        assertThat(recruiter.post("/api/v1/travel-claims/" + claim + "/payment", Map.of("paidOn",
                LocalDate.now(SEOUL).toString(), "version", 1)).status()).isEqualTo(409);
    }

    // --- fixtures ------------------------------------------------------------------------------------------------------

    record Candidate(String application, String email) {
    }

    private Instant tomorrow() {
        return clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
    }

    private static Map<String, String> claimForm(LocalDate date, String mode, String amount) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("tripDate", date.toString());
        form.put("tripFrom", "부산역");
        form.put("tripTo", "서울역");
        form.put("tripMode", mode);
        form.put("tripAmount", amount);
        form.put("accountHolder", "정우진");
        form.put("bankName", "부산은행");
        form.put("accountNumber", ACCOUNT);
        return form;
    }

    private static WebSession.FilePart receipt(String name) {
        return new WebSession.FilePart("receipts", name, "application/pdf", DocumentFixtures.minimalPdf());
    }

    private static void assertRefused(WebSession portal, String path, Map<String, String> form,
            List<WebSession.FilePart> files, String reason) {
        HttpResponse<String> answer = portal.postMultipart(path, form, files);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(portal.get("/portal").body()).as("the portal after a refused claim").contains(reason);
    }

    private String invite(String application) {
        return jdbc.sql("""
                select body_text from outbound_message where event = 'INTERVIEW_INVITED' and application_id = ?""")
                .param(UUID.fromString(application)).query(String.class).single();
    }

    private int outbox(String email, String event) {
        return jdbc.sql("select count(*) from outbound_message where event = ? and lower(recipient) = ?")
                .params(event, email.toLowerCase()).query(Integer.class).single();
    }

    private int claims(Tenant tenant) {
        return jdbc.sql("select count(*) from travel_claim where organization_id = ?")
                .param(UUID.fromString(tenant.id())).query(Integer.class).single();
    }

    static String job(ApiClient recruiter) {
        return TestJobs.job(recruiter, "Platform engineer", TestJobs.INTERVIEW_PIPELINE).path("id").asString();
    }

    static Candidate candidate(ApiClient recruiter, String job, String region) {
        String email = "traveller-" + UUID.randomUUID() + "@example.com";
        return new Candidate(TestJobs.advanced(recruiter, job, Map.of("name", "Traveller", "email", email, "region",
                region)), email);
    }

    static String schedule(ApiClient recruiter, String application, String lead, Instant at, String format) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("title", "Technical interview", "durationMinutes", 60,
                "format", format, "startsAt", at, "panel", List.of(Map.of("userId", lead, "role", "Lead"))));
        body.put(format.equals("VIDEO") ? "videoLink" : "location", format.equals("VIDEO")
                ? "https://meet.example.com/x" : "Seoul HQ, 5F");
        var scheduled = recruiter.post("/api/v1/applications/" + application + "/interviews", body);
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        return scheduled.text("id");
    }
}
