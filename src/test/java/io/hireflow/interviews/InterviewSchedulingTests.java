package io.hireflow.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestJobs;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.shared.ConflictException;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import tools.jackson.databind.JsonNode;

/**
 * Scheduling interviews: every bad input refused with its reason, an interviewer never in two interviews at once (also
 * when both are scheduled at the same moment), slots first come first served between candidates, and the iCalendar
 * an interview is written as.
 */
class InterviewSchedulingTests extends ApiTest {

    private static final String BASE = "https://hireflow.example.com";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Interviews interviews;

    @Test
    void badInputIsRefusedWithItsReasonAndAnInterviewerIsNeverInTwoInterviewsAtOnce() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String lead = tenant.userId(tenant.userEmail("INTERVIEWER"));
        String hr = tenant.userId(tenant.userEmail("INTERVIEWER"));
        String job = job(recruiter);
        String first = inInterview(recruiter, job, "first");
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);

        var refused = recruiter.post("/api/v1/applications/" + first + "/interviews", Map.of("title", "Tech",
                "durationMinutes", 90, "startsAt", clock.instant().minusSeconds(3600),
                "panel", List.of(Map.of("userId", lead, "role", "Group lead"))));
        assertRefused(refused, "startsAt", "is in the past");
        assertRefused(recruiter.post("/api/v1/applications/" + first + "/interviews", Map.of("title", "Tech",
                "durationMinutes", 90, "startsAt", tomorrow, "panel", List.of())), "panel", "needs 1 to 10");
        assertRefused(recruiter.post("/api/v1/applications/" + first + "/interviews", Map.of("title", "Tech",
                "durationMinutes", 90, "format", "IN_PERSON", "startsAt", tomorrow,
                "panel", List.of(Map.of("userId", lead, "role", "Group lead")))), "location", "required");
        assertRefused(recruiter.post("/api/v1/applications/" + first + "/interviews", Map.of("title", "Tech",
                "durationMinutes", 90, "location", "HQ", "slots", List.of(tomorrow, clock.instant().minusSeconds(60)),
                "panel", List.of(Map.of("userId", lead, "role", "Group lead")))), "slots[1]", "is in the past");
        String notYet = recruiter.post("/api/v1/applications", Map.of("jobId", job, "candidate",
                Map.of("name", "Screening", "email", "screening-" + UUID.randomUUID() + "@example.com"))).text("id");
        assertThat(recruiter.post("/api/v1/applications/" + notYet + "/interviews", Map.of("title", "Tech",
                "durationMinutes", 90, "location", "HQ", "startsAt", tomorrow,
                "panel", List.of(Map.of("userId", lead, "role", "Group lead")))).status()).isEqualTo(409);

        var scheduled = recruiter.post("/api/v1/applications/" + first + "/interviews", Map.of("title",
                "Technical interview", "kind", "TECHNICAL", "durationMinutes", 90, "location", "Seoul HQ, room 3",
                "startsAt", tomorrow, "panel", List.of(Map.of("userId", lead, "role", "Group lead"),
                        Map.of("userId", hr, "role", "HR"))));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        JsonNode interview = scheduled.json();
        assertThat(interview.path("format").asString()).isEqualTo("IN_PERSON");
        assertThat(interview.path("sequence").asInt()).isZero();
        assertThat(interview.path("panel").get(0).path("panelRole").asString()).isEqualTo("Group lead");

        // the lead's second interview an hour into the first: refused, saying who and when
        String second = inInterview(recruiter, job, "second");
        var overlapping = recruiter.inLanguage("en").post("/api/v1/applications/" + second + "/interviews",
                Map.of("title", "Tech", "durationMinutes", 60, "location", "HQ", "startsAt",
                        tomorrow.plus(Duration.ofHours(1)), "panel", List.of(Map.of("userId", lead, "role", "Lead"))));
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.body()).contains("has another interview then");
        // right after it: fine
        var after = recruiter.post("/api/v1/applications/" + second + "/interviews", Map.of("title", "Tech",
                "durationMinutes", 60, "location", "HQ", "startsAt", tomorrow.plus(Duration.ofMinutes(90)),
                "panel", List.of(Map.of("userId", lead, "role", "Lead"))));
        assertThat(after.status()).as(after.body()).isEqualTo(201);

        // moving the first onto the second is refused; moving it elsewhere raises its sequence
        String id = interview.path("id").asString();
        assertThat(recruiter.put("/api/v1/interviews/" + id + "/time", Map.of("startsAt",
                tomorrow.plus(Duration.ofMinutes(100)), "version", 0)).status()).isEqualTo(409);
        var moved = recruiter.put("/api/v1/interviews/" + id + "/time", Map.of("startsAt",
                tomorrow.plus(Duration.ofDays(1)), "version", 0));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("sequence").asInt()).isEqualTo(1);
        // cancelling needs a reason, raises the sequence again and frees the panel's time
        assertRefused(recruiter.post("/api/v1/interviews/" + id + "/cancellation", Map.of("version", 1)), "reason",
                "required");
        var cancelled = recruiter.post("/api/v1/interviews/" + id + "/cancellation", Map.of("reason",
                "The candidate asked to move to next week", "version", 1));
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("sequence").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from interviewer_busy where interview_id = ?")
                .param(UUID.fromString(id)).query(Integer.class).single()).isZero();
    }

    @Test
    void twoInterviewsForOneInterviewerScheduledAtTheSameMomentCannotBothLand() throws Exception {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String lead = tenant.userId(tenant.userEmail("INTERVIEWER"));
        String job = job(recruiter);
        Instant at = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String application = inInterview(recruiter, job, "race" + i);
            Instant start = at.plus(Duration.ofMinutes(10L * i));
            attempts.add(() -> recruiter.post("/api/v1/applications/" + application + "/interviews",
                    Map.of("title", "Tech", "durationMinutes", 60, "location", "HQ", "startsAt", start,
                            "panel", List.of(Map.of("userId", lead, "role", "Lead")))).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(attempts)) {
            statuses.add(status.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from interviewer_busy where user_id = ?")
                .param(UUID.fromString(lead)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void slotsAreFirstComeFirstServedBetweenCandidates() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String lead = tenant.userId(tenant.userEmail("INTERVIEWER"));
        String job = job(recruiter);
        Instant day = clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
        List<Instant> slots = List.of(day, day.plus(Duration.ofHours(2)), day.plus(Duration.ofHours(4)));
        String emailA = "slot-a-" + UUID.randomUUID() + "@example.com";
        String emailB = "slot-b-" + UUID.randomUUID() + "@example.com";
        String a = offered(recruiter, inInterview(recruiter, job, emailA), lead, slots);
        String b = offered(recruiter, inInterview(recruiter, job, emailB), lead, slots);
        Interview forA = interviews.interview(new io.hireflow.shared.OrganizationId(UUID.fromString(tenant.id())),
                UUID.fromString(a));
        assertThat(forA.status()).isEqualTo(InterviewStatus.OFFERED);
        assertThat(forA.slots()).hasSize(3).allMatch(Interview.Slot::available);

        Interview picked = interviews.pick(emailA, UUID.fromString(a), forA.slots().get(0).id(), BASE);
        assertThat(picked.status()).isEqualTo(InterviewStatus.SCHEDULED);
        assertThat(picked.startsAt()).isEqualTo(day);
        // the slot A took is gone for B; taking it anyway is refused
        JsonNode forB = recruiter.get("/api/v1/interviews/" + b).json();
        assertThat(forB.path("slots").get(0).path("available").asBoolean()).isFalse();
        assertThat(forB.path("slots").get(1).path("available").asBoolean()).isTrue();
        UUID takenSlot = UUID.fromString(forB.path("slots").get(0).path("id").asString());
        try {
            interviews.pick(emailB, UUID.fromString(b), takenSlot, BASE);
            throw new AssertionError("a taken slot was given twice");
        } catch (ConflictException refused) {
            assertThat(refused.code()).isEqualTo("error.interview.slotTaken");
        }
        // nor can B pick A's interview, which is not theirs
        try {
            interviews.pick(emailB, UUID.fromString(a), forA.slots().get(1).id(), BASE);
            throw new AssertionError("another candidate's interview was found");
        } catch (io.hireflow.shared.NotFoundException expected) {
            // as it should be
        }
        Interview second = interviews.pick(emailB, UUID.fromString(b),
                UUID.fromString(forB.path("slots").get(1).path("id").asString()), BASE);
        assertThat(second.startsAt()).isEqualTo(day.plus(Duration.ofHours(2)));
    }

    @Test
    void theCandidateIsToldOfTheTimesOfferedAndPicksOneInThePortal() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String lead = tenant.userId(tenant.userEmail("INTERVIEWER"));
        String job = job(recruiter);
        Instant day = clock.instant().plus(Duration.ofDays(6)).truncatedTo(ChronoUnit.HOURS);
        String email = "picker-" + UUID.randomUUID() + "@example.com";
        String other = "other-" + UUID.randomUUID() + "@example.com";
        String mine = offered(recruiter, inInterview(recruiter, job, email), lead,
                List.of(day, day.plus(Duration.ofHours(3))));
        String theirs = offered(recruiter, inInterview(recruiter, job, other), lead,
                List.of(day, day.plus(Duration.ofHours(3))));
        assertThat(jdbc.sql("""
                select count(*) from outbound_message where event = 'INTERVIEW_SLOTS_OFFERED' and lower(recipient) = ?
                  and body_text like '%/portal%'""").param(email).query(Integer.class).single()).isEqualTo(1);

        io.hireflow.WebSession portal = io.hireflow.WebSession.portal(port, jdbc, email);
        String page = portal.get("/portal?lang=en").body();
        assertThat(page).contains("Please pick a time for this 60-minute interview").contains("In person at HQ");
        String slot = recruiter.get("/api/v1/interviews/" + mine).json().path("slots").get(0).path("id").asString();
        assertThat(portal.post("/portal/interviews/" + mine + "/slot", Map.of("slotId", slot)).statusCode())
                .isEqualTo(302);
        assertThat(portal.get("/portal?lang=en").body()).contains("Your interview is booked")
                .contains("In person at HQ").doesNotContain("Please pick a time");
        assertThat(recruiter.get("/api/v1/interviews/" + mine).json().path("status").asString())
                .isEqualTo("SCHEDULED");
        // the other candidate no longer sees the time taken, and cannot pick the interview of someone else
        io.hireflow.WebSession otherPortal = io.hireflow.WebSession.portal(port, jdbc, other);
        String theirPage = otherPortal.get("/portal?lang=en").body();
        assertThat(theirPage).contains("Please pick a time");
        assertThat(java.util.regex.Pattern.compile("name=\"slotId\"").matcher(theirPage).results().count())
                .isEqualTo(1);
        otherPortal.post("/portal/interviews/" + mine + "/slot", Map.of("slotId", slot));
        assertThat(recruiter.get("/api/v1/interviews/" + theirs).json().path("status").asString())
                .isEqualTo("OFFERED");
    }

    @Test
    void anInterviewIsWrittenAsOneICalendarEventThatCalendarsUpdateAndCancel() throws Exception {
        Instant start = Instant.parse("2026-12-15T05:00:00Z");
        UUID id = UUID.randomUUID();
        var organizer = new InterviewCalendar.Person("김하늘", "recruit@moveon.example");
        List<InterviewCalendar.Person> attendees = List.of(new InterviewCalendar.Person("정우진",
                "woojin.jung@example.com"), new InterviewCalendar.Person("박지훈", "lead@moveon.example"));
        String request = InterviewCalendar.write(new InterviewCalendar.Invite(InterviewCalendar.uid(id), 0, false,
                "1차 기술면접", start, start.plus(Duration.ofMinutes(90)), ZoneId.of("Asia/Seoul"), "서울 성동구 본사 3층",
                "대면 면접입니다", null, organizer, attendees, start.minus(Duration.ofDays(3))));
        String cancel = InterviewCalendar.write(new InterviewCalendar.Invite(InterviewCalendar.uid(id), 2, true,
                "1차 기술면접", start, start.plus(Duration.ofMinutes(90)), ZoneId.of("Asia/Seoul"), null, null, null,
                organizer, attendees, start.minus(Duration.ofDays(1))));
        Calendar requested = new CalendarBuilder().build(new StringReader(request));
        Calendar cancelled = new CalendarBuilder().build(new StringReader(cancel));
        assertThat(requested.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(cancelled.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = (VEvent) requested.getComponent("VEVENT").orElseThrow();
        VEvent gone = (VEvent) cancelled.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("UID").orElseThrow().getValue())
                .isEqualTo(gone.getProperty("UID").orElseThrow().getValue()).isEqualTo("interview-" + id + "@hireflow");
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
        assertThat(gone.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
        assertThat(gone.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(event.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20261215T140000");
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Asia/Seoul");
        assertThat(event.getProperty("DTEND").orElseThrow().getValue()).isEqualTo("20261215T153000");
        assertThat(requested.getComponent("VTIMEZONE")).isPresent();
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:recruit@moveon.example");
        assertThat(event.getProperties("ATTENDEE")).hasSize(2);
        assertThat(event.getProperty("LOCATION").orElseThrow().getValue()).isEqualTo("서울 성동구 본사 3층");
        // every line folded to 75 octets, as RFC 5545 asks
        for (String line : request.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
    }

    @Test
    void everyChangeSendsTheCandidateAndEachPanelistAnInviteOfOneEventWithARisingSequence() throws Exception {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String leadEmail = tenant.userEmail("INTERVIEWER");
        String hrEmail = tenant.userEmail("INTERVIEWER");
        String job = job(recruiter);
        String candidateEmail = "invitee-" + UUID.randomUUID() + "@example.com";
        String application = inInterview(recruiter, job, candidateEmail);
        Instant start = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        var scheduled = recruiter.post("/api/v1/applications/" + application + "/interviews", Map.of("title",
                "Technical interview", "durationMinutes", 90, "location", "Seoul HQ, 3F meeting room",
                "startsAt", start, "panel", List.of(Map.of("userId", tenant.userId(leadEmail), "role", "Group lead"),
                        Map.of("userId", tenant.userId(hrEmail), "role", "HR"))));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        String id = scheduled.text("id");
        recruiter.put("/api/v1/interviews/" + id + "/time", Map.of("startsAt", start.plus(Duration.ofDays(1)),
                "version", 0));
        recruiter.post("/api/v1/interviews/" + id + "/cancellation", Map.of("reason", "Position filled",
                "version", 1));

        String uid = "interview-" + id + "@hireflow";
        for (String email : List.of(candidateEmail, leadEmail, hrEmail)) {
            List<Map<String, Object>> sent = jdbc.sql("""
                    select event, attachment_type, convert_from(attachment_data, 'UTF8') as ics, body_text
                    from outbound_message where lower(recipient) = lower(?) and attachment_data is not null
                    order by created_at""")
                    .param(email).query().listOfRows();
            assertThat(sent).as("three invites to " + email).hasSize(3);
            for (int sequence = 0; sequence < 3; sequence++) {
                String ics = (String) sent.get(sequence).get("ics");
                Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
                VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
                boolean cancel = sequence == 2;
                assertThat(calendar.getProperty("METHOD").orElseThrow().getValue())
                        .isEqualTo(cancel ? "CANCEL" : "REQUEST");
                assertThat(sent.get(sequence).get("attachment_type"))
                        .isEqualTo("text/calendar; method=" + (cancel ? "CANCEL" : "REQUEST"));
                assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(uid);
                assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo(String.valueOf(sequence));
                assertThat(event.getProperty("STATUS").orElseThrow().getValue())
                        .isEqualTo(cancel ? "CANCELLED" : "CONFIRMED");
                Instant expected = sequence == 0 ? start : start.plus(Duration.ofDays(1));
                assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                        .isEqualTo("Asia/Seoul");
                assertThat(event.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo(
                        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                                .format(expected.atZone(ZoneId.of("Asia/Seoul"))));
                assertThat(event.getProperties("ATTENDEE")).hasSize(3);
                assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).startsWith("mailto:");
                boolean kit = ics.replace("\r\n ", "").contains("/interviews/" + id + "/kit");
                // the panel's invites link to the candidate and the kit; the candidate's never do
                assertThat(kit).as("kit link in " + email).isEqualTo(!email.equals(candidateEmail));
            }
            assertThat(sent.get(0).get("event")).isIn("INTERVIEW_INVITED", "PANEL_INVITED");
            assertThat(sent.get(2).get("event")).isIn("INTERVIEW_CANCELLED", "PANEL_CANCELLED");
        }
        // a reminder was set for the day before each time, the first one cancelled by the move and the second by the
        // cancellation: none is left to go
        List<Map<String, Object>> reminders = jdbc.sql("""
                select event, status, send_at from outbound_message
                where event in ('INTERVIEW_REMINDER', 'PANEL_REMINDER') and starts_with(idempotency_key, ?)
                order by created_at""").param("interview/" + id + "/reminder/").query().listOfRows();
        assertThat(reminders).hasSize(6).allMatch(row -> row.get("status").equals("CANCELLED"));
        assertThat(((java.sql.Timestamp) reminders.get(0).get("send_at")).toInstant())
                .isEqualTo(start.minus(Duration.ofDays(1)));
        assertThat(((java.sql.Timestamp) reminders.get(5).get("send_at")).toInstant()).isEqualTo(start);
    }

    @Test
    void anInterviewerAbroadGetsTheTimeInTheirOwnZoneAndSeesItSoOnTheirPages() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String abroadEmail = tenant.userEmail("INTERVIEWER");
        io.hireflow.WebSession abroad = new io.hireflow.WebSession(port);
        abroad.signIn(abroadEmail, io.hireflow.TestOrganizations.PASSWORD);
        abroad.get("/account?lang=en");
        abroad.post("/account", Map.of("timeZone", "Mars/Olympus"));
        assertThat(abroad.get("/account?lang=en").body()).contains("is not a known time zone (Mars/Olympus)");
        abroad.post("/account", Map.of("timeZone", "America/Los_Angeles"));
        assertThat(abroad.get("/account?lang=en").body()).contains("value=\"America/Los_Angeles\" selected");

        String job = job(recruiter);
        String application = inInterview(recruiter, job, "abroad");
        // 2026-12-16 10:00 in Seoul is 2026-12-15 17:00 in Los Angeles
        Instant start = Instant.parse("2026-12-16T01:00:00Z");
        var scheduled = recruiter.post("/api/v1/applications/" + application + "/interviews", Map.of("title",
                "Tech", "durationMinutes", 60, "location", "HQ", "startsAt", start,
                "panel", List.of(Map.of("userId", tenant.userId(abroadEmail), "role", "Lead"))));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        String invite = jdbc.sql("select body_text from outbound_message where event = 'PANEL_INVITED' and recipient = ?")
                .param(abroadEmail).query(String.class).single();
        assertThat(invite).contains("17:00 (America/Los_Angeles)").contains("15");
        var mine = abroad.get("/interviews?lang=en");
        assertThat(mine.statusCode()).as(mine.headers().toString()).isEqualTo(200);
        assertThat(mine.body()).contains("2026-12-15 17:00–18:00");
    }

    @Test
    void theApplicationsInterviewsPageSchedulesMovesAndCancels() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String lead = tenant.userId(tenant.userEmail("INTERVIEWER"));
        String job = job(recruiter);
        String application = inInterview(recruiter, job, "pages");
        io.hireflow.WebSession staff = new io.hireflow.WebSession(port);
        staff.signIn(tenant.adminEmail(), io.hireflow.TestOrganizations.PASSWORD);
        String page = "/applications/" + application + "/interviews";
        assertThat(staff.get("/applications/" + application + "?lang=en").body()).contains(page);
        assertThat(staff.get(page + "?lang=en").body()).contains("Schedule an interview");

        var refused = staff.post(page + "?lang=en", List.of(Map.entry("title", "Culture fit"),
                Map.entry("kind", "CULTURE_FIT"), Map.entry("durationMinutes", "60"), Map.entry("format", "IN_PERSON"),
                Map.entry("location", "HQ"), Map.entry("when", "time"), Map.entry("startsAt", "2020-01-01T10:00")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("is in the past").contains("needs 1 to 10 interviewers")
                .contains("value=\"Culture fit\"");
        assertThat(recruiter.get("/api/v1/applications/" + application + "/interviews").json()).isEmpty();

        String at = java.time.LocalDateTime.now(ZoneId.of("Asia/Seoul")).plusDays(3).withHour(15).withMinute(0)
                .withSecond(0).withNano(0).toString();
        var scheduled = staff.post(page + "?lang=en", List.of(Map.entry("title", "Culture fit"),
                Map.entry("kind", "CULTURE_FIT"), Map.entry("durationMinutes", "60"), Map.entry("format", "IN_PERSON"),
                Map.entry("location", "HQ, 5F"), Map.entry("when", "time"), Map.entry("startsAt", at),
                Map.entry("member", lead), Map.entry("role-" + lead, "Head of engineering")));
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(302);
        JsonNode interview = recruiter.get("/api/v1/applications/" + application + "/interviews").json().get(0);
        assertThat(interview.path("panel").get(0).path("panelRole").asString()).isEqualTo("Head of engineering");
        assertThat(interview.path("startsAt").asString()).isEqualTo(java.time.LocalDateTime.parse(at)
                .atZone(ZoneId.of("Asia/Seoul")).toInstant().toString());
        String id = interview.path("id").asString();
        staff.get(page);
        staff.post("/interviews/" + id + "/time", Map.of("startsAt", java.time.LocalDateTime.parse(at).plusDays(1)
                .toString(), "version", "0"));
        assertThat(recruiter.get("/api/v1/interviews/" + id).json().path("sequence").asInt()).isEqualTo(1);
        staff.post("/interviews/" + id + "/cancellation", Map.of("reason", "Filled", "version", "1"));
        assertThat(staff.get(page + "?lang=en").body()).contains("Cancelled: Filled");
    }

    private String offered(ApiClient recruiter, String application, String lead, List<Instant> slots) {
        var offered = recruiter.post("/api/v1/applications/" + application + "/interviews", Map.of("title", "Tech",
                "durationMinutes", 60, "location", "HQ", "slots", slots,
                "panel", List.of(Map.of("userId", lead, "role", "Lead"))));
        assertThat(offered.status()).as(offered.body()).isEqualTo(201);
        return offered.text("id");
    }

    private static String job(ApiClient recruiter) {
        return TestJobs.job(recruiter, "Platform engineer", TestJobs.INTERVIEW_PIPELINE).path("id").asString();
    }

    private static String inInterview(ApiClient recruiter, String job, String who) {
        String email = who.contains("@") ? who : who + "-" + UUID.randomUUID() + "@example.com";
        return TestJobs.advanced(recruiter, job, Map.of("name", "Candidate " + who.substring(0, Math.min(8,
                who.length())), "email", email));
    }

    private static void assertRefused(ApiClient.Response answer, String field, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"" + field + "\"").contains(message);
    }
}
