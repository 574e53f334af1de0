package io.hireflow.pipeline;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.hireflow.candidates.CandidateDetails;
import io.hireflow.candidates.CandidateId;
import io.hireflow.jobs.Job;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageId;
import io.hireflow.jobs.StageKind;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Applications", description = "Candidates in a job's pipeline, their moves and the pipeline board")
class PipelineApiController {

    private final PipelineManagement pipeline;
    private final JobManagement jobs;
    private final RejectionReasons reasons;
    private final MessageSource messages;
    private final AccessLog accessLog;

    PipelineApiController(PipelineManagement pipeline, JobManagement jobs, RejectionReasons reasons,
            MessageSource messages, AccessLog accessLog) {
        this.pipeline = pipeline;
        this.jobs = jobs;
        this.reasons = reasons;
        this.messages = messages;
        this.accessLog = accessLog;
    }

    /** Either a new or known candidate by details ({@code candidate}), or an existing one by id. */
    record CreateApplicationRequest(@NotNull UUID jobId, @Valid CandidateDetails candidate, UUID candidateId) {
    }

    record TransitionRequest(@NotNull TransitionAction action, UUID toStageId, @Size(max = 60) String reasonCode,
            @Size(max = 2000) String reason, Long version, @Valid NoticeRequest notice) {
    }

    /** How the candidate is told about the move; left out, the stage's default applies. */
    record NoticeRequest(CandidateNotice.Mode mode, Instant sendAt, @Size(max = 500) String reason) {

        CandidateNotice notice() {
            return new CandidateNotice(mode, sendAt, reason);
        }
    }

    record BulkTransitionRequest(@NotNull TransitionAction action,
            @Size(max = PipelineManagement.BULK_LIMIT) List<UUID> applicationIds, UUID jobId, UUID stageId,
            ApplicationStatus status, UUID toStageId, @Size(max = 60) String reasonCode,
            @Size(max = 2000) String reason) {
    }

    record StageRef(UUID id, String name, StageKind kind) {

        static StageRef of(Stage stage) {
            return stage == null ? null : new StageRef(stage.id().value(), stage.name(), stage.kind());
        }
    }

    record CandidateRef(UUID id, String name, String email) {
    }

    record TimelineResponse(TimelineEventType type, UUID fromStageId, UUID toStageId, String fromStage,
            String toStage, String actor, UUID actorId, Instant at, String reasonCode, String reason) {
    }

    record ApplicationResponse(UUID id, UUID jobId, UUID candidateId, CandidateRef candidate, UUID stageId,
            StageRef stage, ApplicationStatus status, long version, Instant appliedAt, Instant stageEnteredAt,
            Instant updatedAt, List<TimelineResponse> timeline) {
    }

    record ApplicationListResponse(List<ApplicationResponse> items, String nextCursor) {
    }

    record FailureResponse(UUID applicationId, String code, String reason) {
    }

    record BulkResponse(int requested, int moved, int failed, List<FailureResponse> failures) {
    }

    record CardResponse(UUID applicationId, UUID candidateId, String candidateName, ApplicationStatus status,
            Instant stageEnteredAt, long daysInStage, boolean overdue, long version) {
    }

    record ColumnResponse(StageRef stage, Integer deadlineDays, long count, List<CardResponse> cards,
            String nextCursor) {
    }

    record BoardResponse(UUID jobId, String title, ApplicationStatus status, List<ColumnResponse> columns) {
    }

    record ReasonResponse(String code, String labelKo, String labelEn, boolean active) {
    }

    @PostMapping("/applications")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "createApplication", summary = "Add a candidate to a job",
            description = "The candidate is found by email within your organization, or created. The application "
                    + "starts in the job's first stage. 409 when the candidate already applied to the job.")
    ResponseEntity<ApplicationResponse> create(Actor actor, @Valid @RequestBody CreateApplicationRequest request) {
        JobId jobId = new JobId(request.jobId());
        ApplicationView created;
        if (request.candidateId() != null) {
            created = pipeline.createApplication(actor, jobId, new CandidateId(request.candidateId()));
        } else if (request.candidate() != null) {
            created = pipeline.createApplication(actor, jobId, request.candidate());
        } else {
            throw new InvalidInputException("candidate", "validation.required");
        }
        return ResponseEntity.created(URI.create("/api/v1/applications/" + created.id()))
                .body(brief(created));
    }

    @GetMapping("/applications/{applicationId}")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getApplication", summary = "An application with its timeline")
    ApplicationResponse get(Actor actor, @PathVariable UUID applicationId) {
        ApplicationView application = pipeline.application(actor.organizationId(),
                new JobApplicationId(applicationId));
        accessLog.candidates(actor, AccessLog.Action.VIEW_APPLICATION, "application " + applicationId,
                List.of(application.candidateId().value()));
        return full(application, jobs.job(actor.organizationId(), application.jobId()));
    }

    @GetMapping("/applications")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "listApplications", summary = "Applications, filtered, in keyset pages",
            description = "Filter by job, stage, status and candidate. Pass the previous page's nextCursor as cursor.")
    ApplicationListResponse list(Actor actor, @RequestParam(required = false) UUID jobId,
            @RequestParam(required = false) UUID stageId, @RequestParam(required = false) ApplicationStatus status,
            @RequestParam(required = false) UUID candidateId, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        ApplicationPage page = pipeline.applications(actor.organizationId(),
                new ApplicationFilter(jobId == null ? null : new JobId(jobId),
                        stageId == null ? null : new StageId(stageId), status,
                        candidateId == null ? null : new CandidateId(candidateId)),
                cursor, Math.max(1, Math.min(limit, 200)));
        Map<StageId, Stage> stages = jobs.stages(actor.organizationId(),
                page.items().stream().map(ApplicationView::stageId).collect(Collectors.toSet()));
        accessLog.candidates(actor, AccessLog.Action.LIST_APPLICATIONS, "applications",
                page.items().stream().map(item -> item.candidateId().value()).toList());
        return new ApplicationListResponse(page.items().stream()
                .map(item -> response(item, stages.get(item.stageId()), List.of())).toList(), page.nextCursor());
    }

    @PostMapping("/applications/{applicationId}/transitions")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "transitionApplication", summary = "Move an application",
            description = "ADVANCE to the next stage; MOVE to toStageId; SKIP the current stage (reason required) to "
                    + "the next; REJECT (reasonCode from the organization's list and/or reason); HOLD; REOPEN; "
                    + "WITHDRAW on the candidate's behalf; HIRE from the stage right before HIRED. version must be "
                    + "the application's current version. 409 for an illegal or stale move, with why. notice says how "
                    + "the candidate is told of a pass, skip or rejection: DEFAULT (the stage's default), NOW, AT "
                    + "(sendAt, a minute in the future) or NONE (reason required, kept on record).")
    ApplicationResponse transition(Actor actor, @PathVariable UUID applicationId,
            @Valid @RequestBody TransitionRequest request) {
        ApplicationView application = pipeline.transition(actor, new JobApplicationId(applicationId),
                new Transition(request.action(), request.toStageId(), request.reasonCode(), request.reason(),
                        request.version()),
                request.notice() == null ? CandidateNotice.DEFAULT : request.notice().notice());
        return full(application, jobs.job(actor.organizationId(), application.jobId()));
    }

    @PostMapping("/applications/bulk-transitions")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "bulkTransitionApplications", summary = "Advance, move or reject many applications",
            description = "Select by applicationIds, or by jobId with an optional stageId and status (ACTIVE by "
                    + "default). The answer says how many moved and lists each that could not, with why.")
    BulkResponse bulk(Actor actor, @Valid @RequestBody BulkTransitionRequest request, Locale locale) {
        BulkResult result = pipeline.bulkTransition(actor, new BulkTransition(request.action(),
                request.applicationIds(), request.jobId(), request.stageId(), request.status(), request.toStageId(),
                request.reasonCode(), request.reason()));
        return new BulkResponse(result.requested(), result.moved(), result.failures().size(),
                result.failures().stream().map(failure -> new FailureResponse(failure.applicationId().value(),
                        failure.code(), messages.getMessage(failure.code(), failure.arguments(), failure.code(),
                                locale)))
                        .toList());
    }

    @GetMapping("/jobs/{jobId}/board")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getPipelineBoard", summary = "The job's pipeline board",
            description = "Per stage: how many applications of the status (ACTIVE by default) it holds and the first "
                    + "cards, longest waiting first; nextCursor pages through a column with listApplications' "
                    + "sibling, the board column endpoint.")
    BoardResponse board(Actor actor, @PathVariable UUID jobId,
            @RequestParam(defaultValue = "ACTIVE") ApplicationStatus status,
            @RequestParam(defaultValue = "50") int cardsPerStage) {
        Board board = pipeline.board(actor.organizationId(), new JobId(jobId), status,
                Math.max(1, Math.min(cardsPerStage, 200)));
        BoardCards.logView(accessLog, actor, board.job(), board.columns());
        return new BoardResponse(board.job().id().value(), board.job().title(), status,
                board.columns().stream().map(PipelineApiController::column).toList());
    }

    @GetMapping("/jobs/{jobId}/board/{stageId}")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getPipelineBoardColumn", summary = "The next cards of one board column")
    ColumnResponse column(Actor actor, @PathVariable UUID jobId, @PathVariable UUID stageId,
            @RequestParam(defaultValue = "ACTIVE") ApplicationStatus status, @RequestParam String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        BoardColumn column = pipeline.column(actor.organizationId(), new JobId(jobId), new StageId(stageId), status,
                cursor, Math.max(1, Math.min(limit, 200)));
        accessLog.candidates(actor, AccessLog.Action.VIEW_BOARD, "board of job " + jobId,
                column.cards().stream().map(card -> card.candidateId().value()).toList());
        return column(column);
    }

    @GetMapping("/rejection-reasons")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "listRejectionReasons", summary = "The organization's rejection reasons")
    List<ReasonResponse> reasons(Actor actor) {
        return reasons.reasons(actor.organizationId()).stream()
                .map(reason -> new ReasonResponse(reason.code(), reason.labelKo(), reason.labelEn(), reason.active()))
                .toList();
    }

    private static ColumnResponse column(BoardColumn column) {
        return new ColumnResponse(StageRef.of(column.stage()), column.stage().deadlineDays(),
                column.count(), column.cards().stream().map(card -> new CardResponse(card.id().value(),
                        card.candidateId().value(), card.candidateName(), card.status(), card.stageEnteredAt(),
                        card.daysInStage(), card.overdue(), card.version())).toList(),
                column.nextCursor());
    }

    private static ApplicationResponse brief(ApplicationView view) {
        return new ApplicationResponse(view.id().value(), view.jobId().value(), view.candidateId().value(), null,
                view.stageId().value(), null, view.status(), view.version(), view.appliedAt(), view.stageEnteredAt(),
                view.updatedAt(), null);
    }

    private static ApplicationResponse full(ApplicationView view, Job job) {
        Map<StageId, Stage> stages = job.stages().stream().collect(Collectors.toMap(Stage::id, Function.identity()));
        List<TimelineResponse> timeline = view.timeline().stream()
                .map(entry -> new TimelineResponse(entry.type(),
                        entry.fromStageId() == null ? null : entry.fromStageId().value(),
                        entry.toStageId() == null ? null : entry.toStageId().value(),
                        name(stages, entry.fromStageId()), name(stages, entry.toStageId()), entry.actorName(),
                        entry.actorId(), entry.at(), entry.reasonCode(), entry.reason()))
                .toList();
        return response(view, stages.get(view.stageId()), timeline);
    }

    private static ApplicationResponse response(ApplicationView view, Stage stage, List<TimelineResponse> timeline) {
        return new ApplicationResponse(view.id().value(), view.jobId().value(), view.candidateId().value(),
                new CandidateRef(view.candidateId().value(), view.candidateName(), view.candidateEmail()),
                view.stageId().value(), StageRef.of(stage), view.status(), view.version(), view.appliedAt(),
                view.stageEnteredAt(), view.updatedAt(), timeline);
    }

    private static String name(Map<StageId, Stage> stages, StageId id) {
        Stage stage = id == null ? null : stages.get(id);
        return stage == null ? null : stage.name();
    }
}
