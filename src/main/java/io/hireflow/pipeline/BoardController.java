package io.hireflow.pipeline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.jobs.Job;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageId;
import io.hireflow.jobs.StageKind;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.HireflowException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/**
 * The pipeline board of a job: a column per stage, cards to drag to another stage, and bulk moves of selected cards.
 * Dragging a card to the next stage advances it (the stage counts as passed), to the hired stage hires it, anywhere
 * else moves it.
 */
@Controller
class BoardController {

    static final int CARDS_PER_COLUMN = 50;

    private final PipelineManagement pipeline;
    private final JobManagement jobs;
    private final RejectionReasons reasons;
    private final MessageSource messages;
    private final Clock clock;
    private final AccessLog accessLog;
    private final Badges badges;

    BoardController(PipelineManagement pipeline, JobManagement jobs, RejectionReasons reasons,
            MessageSource messages, Clock clock, AccessLog accessLog, Badges badges) {
        this.accessLog = accessLog;
        this.badges = badges;
        this.pipeline = pipeline;
        this.jobs = jobs;
        this.reasons = reasons;
        this.messages = messages;
        this.clock = clock;
    }

    /** A bulk move's leftovers, for the page after the redirect. */
    record Leftover(UUID applicationId, String candidateName, String code, Object[] arguments) {
    }

    @GetMapping("/jobs/{jobId}")
    @PreAuthorize(Role.STAFF)
    String board(Actor actor, @PathVariable UUID jobId, @RequestParam(defaultValue = "ACTIVE") ApplicationStatus status,
            Model model) {
        Board board = pipeline.board(actor.organizationId(), new JobId(jobId), status, CARDS_PER_COLUMN);
        BoardCards.logView(accessLog, actor, board.job(), board.columns());
        model.addAttribute("board", board);
        model.addAttribute("badges", badges.of(actor.organizationId(), board.columns()));
        model.addAttribute("job", board.job());
        model.addAttribute("status", status);
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("reasons", reasons.reasons(actor.organizationId()).stream()
                .filter(RejectionReason::active).toList());
        model.addAttribute("movableStages", board.job().stages().stream()
                .filter(stage -> stage.kind() != StageKind.HIRED).toList());
        return "pipeline/board";
    }

    @GetMapping("/jobs/{jobId}/board/{stageId}")
    @PreAuthorize(Role.STAFF)
    String moreCards(Actor actor, @PathVariable UUID jobId, @PathVariable UUID stageId,
            @RequestParam(defaultValue = "ACTIVE") ApplicationStatus status, @RequestParam String cursor,
            Model model) {
        BoardColumn column = pipeline.column(actor.organizationId(), new JobId(jobId), new StageId(stageId), status,
                cursor, CARDS_PER_COLUMN);
        accessLog.candidates(actor, AccessLog.Action.VIEW_BOARD, "board of job " + jobId,
                column.cards().stream().map(card -> card.candidateId().value()).toList());
        model.addAttribute("job", jobs.job(actor.organizationId(), new JobId(jobId)));
        model.addAttribute("column", column);
        model.addAttribute("badges", badges.of(actor.organizationId(), List.of(column)));
        model.addAttribute("status", status);
        return "pipeline/board :: more-cards";
    }

    /** A card dropped on another column. Answers the card as it is now, or 409 with why the move was refused. */
    @PostMapping("/jobs/{jobId}/board/move")
    @PreAuthorize(Role.DECIDING)
    Object move(Actor actor, @PathVariable UUID jobId, @RequestParam UUID applicationId,
            @RequestParam UUID toStageId, @RequestParam long version, Model model, Locale locale) {
        Job job = jobs.job(actor.organizationId(), new JobId(jobId));
        try {
            ApplicationView application = pipeline.application(actor.organizationId(),
                    new JobApplicationId(applicationId));
            Stage target = job.stage(new StageId(toStageId))
                    .orElseThrow(() -> new InvalidInputException("toStageId", "validation.move.foreignStage"));
            Stage current = job.stage(application.stageId()).orElseThrow();
            boolean next = job.next(current).filter(target::equals).isPresent();
            TransitionAction action = target.kind() == StageKind.HIRED ? TransitionAction.HIRE
                    : next ? TransitionAction.ADVANCE : TransitionAction.MOVE;
            ApplicationView moved = pipeline.transition(actor, application.id(),
                    new Transition(action, action == TransitionAction.MOVE ? toStageId : null, null, null, version));
            model.addAttribute("card", BoardCards.of(moved, target, clock.instant()));
            model.addAttribute("badges", badges.of(actor.organizationId(), List.of(moved.id())));
            model.addAttribute("movedMessage", messages.getMessage("board.moved." + action.name(),
                    new Object[] {moved.candidateName(), target.name()}, locale));
            return "pipeline/board :: moved-card";
        } catch (HireflowException refusal) {
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_PLAIN)
                    .body(PageRefusals.text(messages, refusal, locale));
        }
    }

    @PostMapping("/jobs/{jobId}/board/bulk")
    @PreAuthorize(Role.DECIDING)
    String bulk(Actor actor, @PathVariable UUID jobId, @RequestParam(required = false) TransitionAction action,
            @RequestParam(required = false) List<UUID> applicationIds, @RequestParam(required = false) UUID toStageId,
            @RequestParam(required = false) String reasonCode, @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "ACTIVE") ApplicationStatus status,
            @RequestParam(defaultValue = "selected") String scope, RedirectAttributes redirect, Locale locale) {
        jobs.job(actor.organizationId(), new JobId(jobId));
        redirect.addAttribute("status", status);
        UUID wholeStage = scope.equals("selected") ? null : parseStage(scope);
        if (wholeStage == null && (applicationIds == null || applicationIds.isEmpty())) {
            redirect.addFlashAttribute("problem", "board.bulk.nothingSelected");
            return "redirect:/jobs/{jobId}";
        }
        try {
            BulkResult result = pipeline.bulkTransition(actor, wholeStage == null
                    ? new BulkTransition(action, applicationIds, null, null, null, toStageId, reasonCode, reason)
                    : new BulkTransition(action, null, jobId, wholeStage, status, toStageId, reasonCode, reason));
            Map<JobApplicationId, String> names = pipeline.candidateNames(actor.organizationId(),
                    result.failures().stream().map(BulkResult.Failure::applicationId).toList());
            List<Leftover> leftovers = new ArrayList<>();
            for (BulkResult.Failure failure : result.failures()) {
                leftovers.add(new Leftover(failure.applicationId().value(), names.get(failure.applicationId()),
                        failure.code(), failure.arguments()));
            }
            redirect.addFlashAttribute("notice", "board.bulk.done");
            redirect.addFlashAttribute("noticeArgs", new Object[] {result.moved(), result.failures().size()});
            redirect.addFlashAttribute("leftovers", leftovers);
        } catch (HireflowException refusal) {
            PageRefusals.flash(redirect, "board.bulk.refused", PageRefusals.text(messages, refusal, locale));
        }
        return "redirect:/jobs/{jobId}";
    }

    private static UUID parseStage(String scope) {
        try {
            return UUID.fromString(scope);
        } catch (IllegalArgumentException notAStage) {
            return null;
        }
    }
}
