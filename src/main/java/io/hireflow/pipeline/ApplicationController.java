package io.hireflow.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.candidates.CandidateDetails;
import io.hireflow.candidates.CandidateManagement;
import io.hireflow.jobs.Job;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageKind;
import io.hireflow.shared.Minutes;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.HireflowException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/** An application's page (where it stands, its timeline, the moves it can make) and adding a candidate to a job. */
@Controller
class ApplicationController {

    private final PipelineManagement pipeline;
    private final JobManagement jobs;
    private final CandidateManagement candidates;
    private final RejectionReasons reasons;
    private final MessageSource messages;
    private final AccessLog accessLog;
    private final Badges badges;

    ApplicationController(PipelineManagement pipeline, JobManagement jobs, CandidateManagement candidates,
            RejectionReasons reasons, MessageSource messages, AccessLog accessLog, Badges badges) {
        this.accessLog = accessLog;
        this.badges = badges;
        this.pipeline = pipeline;
        this.jobs = jobs;
        this.candidates = candidates;
        this.reasons = reasons;
        this.messages = messages;
    }

    /** How far the application got in each stage of its job, read from its timeline. */
    enum Progress {
        PASSED, SKIPPED, CURRENT, UPCOMING
    }

    record StageProgress(Stage stage, Progress progress) {
    }

    @GetMapping("/applications/{applicationId}")
    @PreAuthorize(Role.STAFF)
    String application(Actor actor, @PathVariable UUID applicationId, Model model) {
        ApplicationView application = pipeline.application(actor.organizationId(),
                new JobApplicationId(applicationId));
        Job job = jobs.job(actor.organizationId(), application.jobId());
        accessLog.candidates(actor, AccessLog.Action.VIEW_APPLICATION, "application " + applicationId,
                List.of(application.candidateId().value()));
        Map<String, RejectionReason> reasonsByCode = new HashMap<>();
        List<RejectionReason> all = reasons.reasons(actor.organizationId());
        all.forEach(reason -> reasonsByCode.put(reason.code(), reason));
        Stage current = job.stage(application.stageId()).orElseThrow();
        model.addAttribute("jobApplication", application);
        model.addAttribute("candidate", candidates.candidate(actor.organizationId(), application.candidateId()));
        model.addAttribute("job", job);
        model.addAttribute("stage", current);
        model.addAttribute("stageNames", stageNames(job));
        model.addAttribute("progress", progress(job, application));
        model.addAttribute("badges", badges.of(actor.organizationId(), List.of(application.id()))
                .getOrDefault(application.id(), List.of()));
        List<TimelineEntry> newestFirst = new ArrayList<>(application.timeline());
        Collections.reverse(newestFirst);
        model.addAttribute("timeline", newestFirst);
        model.addAttribute("reasonsByCode", reasonsByCode);
        model.addAttribute("reasons", all.stream().filter(RejectionReason::active).toList());
        model.addAttribute("moveTargets", job.stages().stream()
                .filter(stage -> stage.kind() != StageKind.HIRED && !stage.equals(current)).toList());
        Stage next = job.next(current).orElse(null);
        model.addAttribute("nextStage", next);
        model.addAttribute("hireNext", next != null && next.kind() == StageKind.HIRED);
        return "pipeline/application";
    }

    @PostMapping("/applications/{applicationId}/transitions")
    @PreAuthorize(Role.DECIDING)
    String transition(Actor actor, @PathVariable UUID applicationId, @RequestParam(required = false)
            TransitionAction action, @RequestParam(required = false) UUID toStageId,
            @RequestParam(required = false) String reasonCode, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long version, @RequestParam(required = false) CandidateNotice.Mode noticeMode,
            @RequestParam(required = false) String noticeAt, @RequestParam(required = false) String noticeReason,
            RedirectAttributes redirect, Locale locale) {
        try {
            pipeline.transition(actor, new JobApplicationId(applicationId),
                    new Transition(action, toStageId, reasonCode, reason, version),
                    new CandidateNotice(noticeMode, Minutes.local(noticeAt, actor.timeZone(), "notice.sendAt"),
                            noticeReason));
            redirect.addFlashAttribute("notice", "application.moved." + action.name());
        } catch (HireflowException refusal) {
            PageRefusals.flash(redirect, "application.refused", PageRefusals.text(messages, refusal, locale));
            redirect.addFlashAttribute("refusedAction", action);
        }
        return "redirect:/applications/{applicationId}";
    }

    @GetMapping("/jobs/{jobId}/applications/new")
    @PreAuthorize(Role.RECRUITING)
    String newApplication(Actor actor, @PathVariable UUID jobId, Model model) {
        model.addAttribute("job", jobs.job(actor.organizationId(), new JobId(jobId)));
        model.addAttribute("form", CandidateDetails.of("", ""));
        return "pipeline/new-application";
    }

    @PostMapping("/jobs/{jobId}/applications")
    @PreAuthorize(Role.RECRUITING)
    String createApplication(Actor actor, @PathVariable UUID jobId,
            @Valid @ModelAttribute("form") CandidateDetails form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Job job = jobs.job(actor.organizationId(), new JobId(jobId));
        model.addAttribute("job", job);
        if (errors.hasErrors()) {
            return "pipeline/new-application";
        }
        try {
            ApplicationView created = pipeline.createApplication(actor, job.id(), form);
            redirect.addFlashAttribute("notice", "application.created");
            redirect.addFlashAttribute("noticeArgs", new Object[] {form.name(), job.title()});
            return "redirect:/applications/" + created.id();
        } catch (InvalidInputException invalid) {
            PageRefusals.beside(errors, invalid, model);
        } catch (ConflictException conflict) {
            PageRefusals.onPage(model, conflict);
            if ("error.application.duplicate".equals(conflict.code())) {
                model.addAttribute("existingApplication", conflict.arguments()[0]);
            }
        }
        return "pipeline/new-application";
    }

    private static Map<Object, String> stageNames(Job job) {
        Map<Object, String> names = new HashMap<>();
        job.stages().forEach(stage -> names.put(stage.id(), stage.name()));
        return names;
    }

    /**
     * Passed and skipped stages come from the timeline: advancing or hiring from a stage passes it, skipping skips
     * it, and moving back to an earlier stage makes the stages from there on upcoming again.
     */
    static List<StageProgress> progress(Job job, ApplicationView application) {
        Map<Object, Progress> states = new HashMap<>();
        for (TimelineEntry entry : application.timeline()) {
            if (entry.fromStageId() == null) {
                continue;
            }
            switch (entry.type()) {
                case ADVANCED, HIRED -> states.put(entry.fromStageId(), Progress.PASSED);
                case SKIPPED -> states.put(entry.fromStageId(), Progress.SKIPPED);
                case MOVED -> {
                    int to = job.stage(entry.toStageId()).map(Stage::position).orElse(Integer.MAX_VALUE);
                    job.stages().stream().filter(stage -> stage.position() >= to)
                            .forEach(stage -> states.remove(stage.id()));
                }
                default -> { }
            }
        }
        List<StageProgress> progress = new ArrayList<>();
        for (Stage stage : job.stages()) {
            Progress state = stage.id().equals(application.stageId()) ? Progress.CURRENT
                    : states.getOrDefault(stage.id(), Progress.UPCOMING);
            progress.add(new StageProgress(stage, state));
        }
        return progress;
    }
}
