package io.hireflow.assessments;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.hireflow.jobs.JobId;
import io.hireflow.shared.Actor;
import io.hireflow.shared.PublicAddress;
import io.hireflow.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Online tests", description = "Online tests of a job's ONLINE_TEST stages, taken in the candidate portal")
class OnlineTestApiController {

    private final OnlineTests tests;
    private final PublicAddress publicAddress;

    OnlineTestApiController(OnlineTests tests, PublicAddress publicAddress) {
        this.tests = tests;
        this.publicAddress = publicAddress;
    }

    /** A test as written. */
    record CreateRequest(UUID stageId, String title, String language, Integer timeLimitMinutes, Instant opensAt,
            Instant closesAt, List<OnlineTests.Pick> questions, List<OnlineTests.Draw> randomByTopic) {
    }

    @PostMapping("/api/v1/jobs/{jobId}/online-tests")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "createOnlineTest", summary = "Build the online test of an ONLINE_TEST stage from the "
            + "question bank",
            description = "questions are bank questions the test has for certain ({questionId, points}); randomByTopic "
                    + "draws count questions at random from a topic, in the test's language (ko or en). The draw "
                    + "happens now: every candidate gets the same questions, copied from the bank so that later "
                    + "edits to the bank do not change the test. points default to 1, an essay's to 5. "
                    + "timeLimitMinutes (1 to 600) runs from the candidate's start; the window (opensAt to closesAt) "
                    + "is when they may start, and a sitting also ends when the window closes. 400 names every "
                    + "problem (no questions, a question not in the bank, a topic without enough questions, a window "
                    + "that ends before it starts or has ended); 409 when the stage has a test already.")
    ResponseEntity<OnlineTest> create(Actor actor, @PathVariable UUID jobId, @RequestBody CreateRequest request) {
        OnlineTest test = tests.create(actor, new JobId(jobId), new OnlineTests.Draft(request.stageId(),
                request.title(), request.language(), request.timeLimitMinutes(), request.opensAt(),
                request.closesAt(), request.questions(), request.randomByTopic()));
        return ResponseEntity.created(URI.create("/api/v1/online-tests/" + test.id())).body(test);
    }

    @GetMapping("/api/v1/jobs/{jobId}/online-tests")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "listOnlineTests", summary = "A job's online tests, in stage order, without questions")
    List<OnlineTest> list(Actor actor, @PathVariable UUID jobId) {
        return tests.tests(actor.organizationId(), new JobId(jobId));
    }

    @GetMapping("/api/v1/online-tests/{onlineTestId}")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getOnlineTest", summary = "An online test with its questions and what counts as right")
    OnlineTest get(Actor actor, @PathVariable UUID onlineTestId) {
        return tests.test(actor.organizationId(), onlineTestId);
    }

    /** Whom to invite: application ids, or none for every active application in the test's stage. */
    record InviteRequest(List<UUID> applicationIds) {
    }

    @PostMapping("/api/v1/online-tests/{onlineTestId}/invitations")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "inviteToOnlineTest", summary = "Invite candidates in the test's stage, in bulk",
            description = "Without applicationIds, every active application in the test's stage. Each gets one "
                    + "sitting and an email in their language with the window, the time limit and the candidate "
                    + "portal's address, where they take the test. Applications already invited are counted in "
                    + "alreadyInvited; those not active in the stage are listed in refused. 409 once the window "
                    + "has closed.")
    OnlineTests.Invitations invite(Actor actor, @PathVariable UUID onlineTestId,
            @RequestBody(required = false) InviteRequest request) {
        return tests.invite(actor, onlineTestId, request == null ? null : request.applicationIds(),
                publicAddress.of("/portal"));
    }

    @GetMapping("/api/v1/online-tests/{onlineTestId}/results")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getOnlineTestResults", summary = "Every invited candidate's result, and the score "
            + "distribution",
            description = "Sittings that have ended (handed in, or out of time: what was saved by the deadline "
                    + "counts) are graded on the way: choice questions are right when exactly the correct choices "
                    + "were picked, short answers when they match an accepted answer (case and spacing aside). "
                    + "points and percent stay null until a sitting is graded; essaysToGrade counts essay answers "
                    + "waiting for staff. state is INVITED, IN_PROGRESS, SUBMITTED, TIMED_OUT or MISSED. "
                    + "distribution counts graded sittings per tenth of the scale.")
    OnlineTests.Results results(Actor actor, @PathVariable UUID onlineTestId) {
        return tests.results(actor.organizationId(), onlineTestId);
    }

    @GetMapping("/api/v1/online-tests/{onlineTestId}/sittings/{sittingId}")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getOnlineTestSitting", summary = "One candidate's answers with their grades")
    OnlineTests.SittingDetail sitting(Actor actor, @PathVariable UUID onlineTestId, @PathVariable UUID sittingId) {
        return tests.sitting(actor.organizationId(), onlineTestId, sittingId);
    }

    /** The points an essay answer earned, from 0 to the question's. */
    record EssayGrade(BigDecimal points) {
    }

    @PutMapping("/api/v1/online-tests/{onlineTestId}/sittings/{sittingId}/essays/{position}")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "gradeOnlineTestEssay", summary = "Grade one essay answer of an ended sitting",
            description = "400 for a position that is not an essay of the test, an essay left blank, or points "
                    + "outside 0 to the question's points; 409 while the sitting is still running.")
    OnlineTests.SittingDetail gradeEssay(Actor actor, @PathVariable UUID onlineTestId, @PathVariable UUID sittingId,
            @PathVariable Integer position, @RequestBody EssayGrade grade) {
        return tests.gradeEssay(actor, onlineTestId, sittingId, position, grade == null ? null : grade.points());
    }

    /** A pass mark (percent), the rejection reason for those below it, and whether to announce the results. */
    record PassMarkRequest(BigDecimal passMark, String reasonCode, Boolean announce) {
    }

    @PostMapping("/api/v1/online-tests/{onlineTestId}/pass-mark")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "applyOnlineTestPassMark",
            summary = "Move everyone at or above a pass mark forward, and everyone below it out",
            description = "passMark is a percentage of the test's points (0 to 100). Candidates still active in the "
                    + "test's stage at or above it advance to the next stage; the rest (below it, or who never "
                    + "took the test) are rejected with reasonCode, or a reason naming the pass mark. With "
                    + "announce (default true) the stage's result announcement then tells each of them. 409 while "
                    + "anyone can still take the test or an essay waits to be graded.")
    OnlineTests.PassMarkOutcome passMark(Actor actor, @PathVariable UUID onlineTestId,
            @RequestBody PassMarkRequest request) {
        return tests.applyPassMark(actor, onlineTestId, request == null ? null : request.passMark(),
                request == null ? null : request.reasonCode(), request == null || request.announce() == null
                        || request.announce());
    }
}
