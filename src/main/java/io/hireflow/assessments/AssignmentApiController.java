package io.hireflow.assessments;

import java.net.URI;
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

    AssignmentApiController(AssignmentTemplates templates) {
        this.templates = templates;
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
