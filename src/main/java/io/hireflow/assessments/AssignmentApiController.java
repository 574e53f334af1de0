package io.hireflow.assessments;

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
import io.hireflow.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Assignments", description = "Take-home assignments of a job's ASSIGNMENT stages")
class AssignmentApiController {

    private final AssignmentTemplates templates;
    private final Assignments assignments;

    AssignmentApiController(AssignmentTemplates templates, Assignments assignments) {
        this.templates = templates;
        this.assignments = assignments;
    }

    /** When to release: a minute to come (seconds are dropped), or none for now. */
    record ScheduleRequest(java.time.Instant releaseAt) {
    }

    @PostMapping("/api/v1/applications/{applicationId}/assignment")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "scheduleAssignmentRelease",
            summary = "Release the assignment of the application's stage at a chosen minute, or now",
            description = "The candidate gets the instructions, the link and the deadline (release plus the "
                    + "template's hours) by email at that minute. 409 when the application is not active in a stage "
                    + "with an assignment, or has it already; 400 for a minute that has passed. Skipping the stage "
                    + "(transitionApplication with SKIP) waives it and cancels a release not yet gone.")
    ResponseEntity<Assignments.Assignment> schedule(Actor actor, @PathVariable UUID applicationId,
            @RequestBody(required = false) ScheduleRequest request) {
        Assignments.Assignment assignment = assignments.schedule(actor, applicationId,
                request == null ? null : request.releaseAt());
        return ResponseEntity.created(URI.create("/api/v1/applications/" + applicationId + "/assignment"))
                .body(assignment);
    }

    /**
     * An application's assignment as one member of staff reads it: what it is, where it stands, what was handed in,
     * and its reviews as the caller may see them.
     */
    record AssignmentResponse(UUID id, UUID applicationId, UUID templateId, String title, String resourceUrl,
            Instant releaseAt, Instant dueAt, Assignments.State state, Instant waivedAt, UUID messageId,
            AssignmentTemplate.Submission submission, String submissionLink, List<Assignments.HandedInFile> files,
            Instant submittedAt, boolean submittedLate, boolean lateAccepted, Assignments.Reviews review) {

        static AssignmentResponse of(Assignments.Assignment a, Assignments.Reviews review) {
            return new AssignmentResponse(a.id(), a.applicationId(), a.templateId(), a.title(), a.resourceUrl(),
                    a.releaseAt(), a.dueAt(), a.state(), a.waivedAt(), a.messageId(), a.submission(),
                    a.submissionLink(), a.files(), a.submittedAt(), a.submittedLate(), a.lateAccepted(), review);
        }
    }

    @GetMapping("/api/v1/applications/{applicationId}/assignment")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getAssignment",
            summary = "The application's assignment: state, release time, deadline, what was handed in, the reviews",
            description = "state is SCHEDULED, RELEASED, SUBMITTED (handed in through the candidate portal; "
                    + "submittedLate says whether after the deadline), REVIEWED (handed in, and every reviewer on the "
                    + "template has submitted a review), EXPIRED (released, past its deadline, nothing handed in), "
                    + "WAIVED or NOT_RELEASED (its release was cancelled by hand or could not be delivered). "
                    + "submission says what is handed in (LINK, FILES or LINK_AND_FILES); files are the candidate's "
                    + "documents, downloaded as any of their documents. review lists the reviewers and who has "
                    + "submitted; its reviews (each line's score out of its maximum, with totals) are there only when "
                    + "scoresVisible: for a reviewer once they have submitted their own, for an admin, recruiter or "
                    + "hiring manager who does not review it always, for anyone else never.")
    AssignmentResponse get(Actor actor, @PathVariable UUID applicationId) {
        Assignments.Assignment assignment = assignments.assignment(actor.organizationId(), applicationId)
                .orElseThrow(() -> new io.hireflow.shared.NotFoundException("assignment"));
        return AssignmentResponse.of(assignment, assignments.reviews(actor, applicationId));
    }

    @PostMapping("/api/v1/applications/{applicationId}/assignment/scores")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "submitAssignmentScores",
            summary = "Submit your review of a handed-in assignment: a score for every line of the rubric",
            description = "Only a reviewer named on the assignment's template may submit, once, after the candidate "
                    + "handed it in; anyone else, a second review, a review before the hand-in or of a waived "
                    + "assignment is refused with 409 and a code saying why. scores holds one entry per rubric line "
                    + "(criterionId from the template's criteria) with a whole score from 0 to the line's maxScore and "
                    + "an optional note; note is on the whole. A line left out, scored twice, not in the rubric or "
                    + "scored outside its range is refused with 400 naming each problem, and nothing is stored. "
                    + "Answers the assignment as getAssignment does, now with every submitted review visible to you.")
    AssignmentResponse score(Actor actor, @PathVariable UUID applicationId,
            @RequestBody(required = false) Assignments.ReviewDraft review) {
        Assignments.Reviews reviews = assignments.score(actor, applicationId, review);
        return AssignmentResponse.of(assignments.assignment(actor.organizationId(), applicationId).orElseThrow(),
                reviews);
    }

    /** A template as written; {@code stageId} is ignored on update (a template stays with its stage). */
    record TemplateRequest(UUID stageId, String title, String instructions, String resourceUrl,
            Integer durationHours, String submission, String latePolicy, List<UUID> reviewerIds,
            List<AssignmentTemplates.CriterionDraft> criteria, Long version) {

        AssignmentTemplates.Draft draft() {
            return new AssignmentTemplates.Draft(stageId, title, instructions, resourceUrl, durationHours,
                    submission, latePolicy, reviewerIds, criteria);
        }
    }

    @PostMapping("/api/v1/jobs/{jobId}/assignment-templates")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "createAssignmentTemplate",
            summary = "Set the take-home assignment of an ASSIGNMENT stage",
            description = "durationHours runs from the release to the deadline (1 to 720); submission is LINK, FILES "
                    + "or LINK_AND_FILES; latePolicy is REFUSE or ACCEPT_MARKED_LATE; reviewerIds are staff of "
                    + "your organization; criteria are the rubric, 1 to 10 lines each scored out of maxScore "
                    + "(1 to 100). One template per stage: a second is refused with 409.")
    ResponseEntity<AssignmentTemplate> create(Actor actor, @PathVariable UUID jobId,
            @RequestBody TemplateRequest request) {
        AssignmentTemplate template = templates.create(actor, new JobId(jobId), request.draft());
        return ResponseEntity.created(URI.create("/api/v1/assignment-templates/" + template.id())).body(template);
    }

    @GetMapping("/api/v1/jobs/{jobId}/assignment-templates")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "listAssignmentTemplates", summary = "A job's assignment templates, in stage order")
    List<AssignmentTemplate> list(Actor actor, @PathVariable UUID jobId) {
        return templates.templates(actor.organizationId(), new JobId(jobId));
    }

    @PutMapping("/api/v1/assignment-templates/{assignmentTemplateId}")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "updateAssignmentTemplate", summary = "Change an assignment template",
            description = "Give the version you read; a stale one is refused with 409.")
    AssignmentTemplate update(Actor actor, @PathVariable UUID assignmentTemplateId,
            @RequestBody TemplateRequest request) {
        if (request.version() == null) {
            throw new io.hireflow.shared.InvalidInputException("version", "validation.required");
        }
        return templates.update(actor, assignmentTemplateId, request.draft(), request.version());
    }
}
