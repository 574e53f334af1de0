package io.hireflow.interviews;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.hireflow.pipeline.ApplicationView;
import io.hireflow.shared.Actor;
import io.hireflow.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Interview kits", description = "Kits, quiz marks, scorecards and the decision of interviews")
class InterviewKitApiController {

    private final InterviewKits kits;
    private final Scorecards scorecards;

    InterviewKitApiController(InterviewKits kits, Scorecards scorecards) {
        this.kits = kits;
        this.scorecards = scorecards;
    }

    @GetMapping("/api/v1/jobs/{jobId}/interview-kit-templates")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "listInterviewKitTemplates", summary = "The kit template of each interview stage of a job",
            description = "A stage without a template yet has an empty one with version -1.")
    List<InterviewKits.Template> templates(Actor actor, @PathVariable UUID jobId) {
        return kits.templates(actor.organizationId(), jobId);
    }

    @PutMapping("/api/v1/jobs/{jobId}/interview-kit-templates/{stageId}")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "updateInterviewKitTemplate", summary = "Write an interview stage's kit template",
            description = "focusAttributes: 1 to 10 names, each once; quizQuestionIds: questions of the bank, in "
                    + "order; quizTopics with quizPerTopic (0 to 10): that many drawn at random from each topic, in "
                    + "the organization's language first, when an interview's kit is first opened (the panel shares "
                    + "one quiz); 20 quiz questions at most. version: the one read (-1 or none for a new template); "
                    + "a stale one is refused (409). Kits made already keep theirs.")
    InterviewKits.Template update(Actor actor, @PathVariable UUID jobId, @PathVariable UUID stageId,
            @RequestBody InterviewKits.TemplateDraft draft) {
        return kits.updateTemplate(actor, jobId, stageId, draft);
    }

    @GetMapping("/api/v1/interviews/{interviewId}/kit")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getInterviewKit", summary = "An interview's kit as the caller may see it",
            description = "For its panel and for admins, recruiters and hiring managers (404 for anyone else). The "
                    + "résumé's text in segments, those naming a technology with its name; the bank's questions "
                    + "about those technologies (the organization's language first); the panel's own questions; the "
                    + "quiz with the caller's marks and score (correct 1, partial 0.5, wrong 0, as a percentage of "
                    + "the marked questions). expectedAnswer is null unless the caller is on the panel, an admin or "
                    + "a recruiter. The look is recorded in the access log.")
    InterviewKits.Kit kit(Actor actor, @PathVariable UUID interviewId) {
        return kits.kit(actor, interviewId);
    }

    /** A question for this candidate. */
    record PanelQuestionRequest(String text) {
    }

    @PostMapping("/api/v1/interviews/{interviewId}/kit/questions")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "addInterviewQuestion", summary = "Add a question of the panel's own for this candidate")
    ResponseEntity<InterviewKits.PanelQuestion> addQuestion(Actor actor, @PathVariable UUID interviewId,
            @RequestBody PanelQuestionRequest request) {
        return ResponseEntity.status(201).body(kits.addQuestion(actor, interviewId, request.text()));
    }

    /** CORRECT, PARTIAL or WRONG; null clears the mark. */
    record MarkRequest(String mark) {
    }

    @PutMapping("/api/v1/interviews/{interviewId}/kit/quiz/{quizQuestionId}/mark")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "markQuizAnswer", summary = "Mark the candidate's answer to a quiz question",
            description = "The caller's own mark, private until their scorecard is in; only the panel marks, and not "
                    + "after submitting (409).")
    ResponseEntity<Void> mark(Actor actor, @PathVariable UUID interviewId, @PathVariable UUID quizQuestionId,
            @RequestBody MarkRequest request) {
        kits.mark(actor, interviewId, quizQuestionId, request.mark());
        return ResponseEntity.noContent().build();
    }

    /** The caller's notes. */
    record NotesRequest(String notes) {
    }

    @PutMapping("/api/v1/interviews/{interviewId}/kit/notes")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "saveInterviewNotes", summary = "Save the caller's notes in the kit",
            description = "Private until their scorecard takes them; only the panel, and not after submitting (409).")
    ResponseEntity<Void> notes(Actor actor, @PathVariable UUID interviewId, @RequestBody NotesRequest request) {
        kits.saveNotes(actor, interviewId, request.notes());
        return ResponseEntity.noContent().build();
    }

    /** A rating by focus attribute, notes (null: the kit's), and the recommendation. */
    record ScorecardRequest(Map<String, String> ratings, String notes, String recommendation) {
    }

    @PostMapping("/api/v1/interviews/{interviewId}/scorecards")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "submitScorecard", summary = "Submit the caller's scorecard, once",
            description = "ratings: every focus attribute of the kit, each STRONG_NO, NO, YES or STRONG_YES; "
                    + "recommendation likewise; a missing or unknown one is named (400). The quiz marks and score "
                    + "are taken as they stand. Only a panelist, once the interview has begun, and once (409). "
                    + "Answers the scorecards as the caller may then see them.")
    ResponseEntity<Scorecards.Board> submit(Actor actor, @PathVariable UUID interviewId,
            @RequestBody ScorecardRequest request) {
        return ResponseEntity.status(201).body(scorecards.submit(actor, interviewId,
                new Scorecards.Draft(request.ratings(), request.notes(), request.recommendation())));
    }

    @GetMapping("/api/v1/interviews/{interviewId}/scorecards")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "listScorecards", summary = "An interview's scorecards as the caller may see them",
            description = "A panelist sees the others' only once their own is in; admins, recruiters and hiring "
                    + "managers off the panel once every panelist's is in or they were revealed. Otherwise "
                    + "scorecards is empty and panel says who has submitted.")
    Scorecards.Board list(Actor actor, @PathVariable UUID interviewId) {
        return scorecards.list(actor, interviewId);
    }

    @PostMapping("/api/v1/interviews/{interviewId}/scorecards/reveal")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "revealScorecards", summary = "Show the scorecards to those who decide before all are in",
            description = "Panelists still see the others' only once their own is in.")
    Scorecards.Board reveal(Actor actor, @PathVariable UUID interviewId) {
        return scorecards.reveal(actor, interviewId);
    }

    /** PASS or REJECT (with reasonCode or reason), and the application's version read. */
    record DecisionRequest(String outcome, String reasonCode, String reason, Long version) {
    }

    @PostMapping("/api/v1/interviews/{interviewId}/decision")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "decideInterview", summary = "Pass the candidate on from the interview, or reject them",
            description = "PASS advances the application from the interview's stage; REJECT needs a reasonCode of "
                    + "the organization or a reason in words. The candidate is told as the stage's notice says. 409 "
                    + "when the application has left the interview's stage or for a stale version.")
    ApplicationView decide(Actor actor, @PathVariable UUID interviewId, @RequestBody DecisionRequest request) {
        return scorecards.decide(actor, interviewId, new Scorecards.Decision(request.outcome(), request.reasonCode(),
                request.reason(), request.version()));
    }
}
