package io.hireflow.assessments;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.assessments.AssignmentTemplate.Criterion;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.shared.Actor;
import io.hireflow.shared.HireflowException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/**
 * An application's assignment on its page (loaded into it, as the pipeline does not know this module): its state,
 * release and deadline, what was handed in, the rubric form for a reviewer who has not scored, and the reviews the
 * caller may see, with their totals.
 */
@Controller
class AssignmentReviewController {

    private final Assignments assignments;
    private final PipelineManagement pipeline;
    private final MessageSource messages;

    AssignmentReviewController(Assignments assignments, PipelineManagement pipeline, MessageSource messages) {
        this.assignments = assignments;
        this.pipeline = pipeline;
        this.messages = messages;
    }

    @GetMapping("/applications/{applicationId}/assignment")
    @PreAuthorize(Role.STAFF)
    String panel(Actor actor, @PathVariable UUID applicationId, Model page) {
        var application = pipeline.application(actor.organizationId(), new JobApplicationId(applicationId));
        page.addAttribute("applicationId", applicationId);
        page.addAttribute("candidateId", application.candidateId().value());
        assignments.assignment(actor.organizationId(), applicationId).ifPresent(assignment -> {
            page.addAttribute("assignment", assignment);
            page.addAttribute("reviews", assignments.reviews(actor, applicationId));
        });
        page.addAttribute("toRelease", !assignments.toRelease(actor.organizationId(), List.of(applicationId))
                .isEmpty());
        page.addAttribute("earliest", LocalDateTime.now(actor.timeZone()).truncatedTo(ChronoUnit.MINUTES));
        return "assessments/assignment :: panel";
    }

    /**
     * Releases the assignment of the application's stage: now, or at a minute to come in the organization's zone
     * ({@code releaseAt}, as a date-time field gives it). A refusal comes back on the application page, saying why.
     */
    @PostMapping("/applications/{applicationId}/assignment/release")
    @PreAuthorize(Role.RECRUITING)
    String release(Actor actor, @PathVariable UUID applicationId, @RequestParam(defaultValue = "now") String when,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            LocalDateTime releaseAt, RedirectAttributes redirect, Locale locale) {
        try {
            if ("later".equals(when) && releaseAt == null) {
                throw new InvalidInputException("releaseAt", "validation.required");
            }
            Assignments.Assignment scheduled = assignments.schedule(actor, applicationId, "later".equals(when)
                    ? releaseAt.atZone(actor.timeZone()).toInstant() : null);
            redirect.addFlashAttribute("notice", "assignment.release.scheduled");
            redirect.addFlashAttribute("noticeArgs", new Object[] {scheduled.title()});
        } catch (InvalidInputException invalid) {
            PageRefusals.flash(redirect, "assignment.release.refused", String.join(" ", invalid.problems().stream()
                    .map(problem -> messages.getMessage(problem.code(), problem.arguments(), problem.code(), locale))
                    .toList()));
        } catch (HireflowException refusal) {
            PageRefusals.flash(redirect, "assignment.release.refused", PageRefusals.text(messages, refusal, locale));
        }
        return "redirect:/applications/{applicationId}";
    }

    /**
     * The rubric form: {@code score-<criterion id>} and {@code note-<criterion id>} for each line, {@code note} for the
     * whole. A refusal comes back on the application page, saying why.
     */
    @PostMapping("/applications/{applicationId}/assignment/scores")
    @PreAuthorize(Role.STAFF)
    String score(Actor actor, @PathVariable UUID applicationId, @RequestParam Map<String, String> form,
            RedirectAttributes redirect, Locale locale) {
        try {
            List<Assignments.ScoreDraft> scores = new ArrayList<>();
            for (Criterion line : assignments.rubric(actor.organizationId(), applicationId)) {
                String score = form.get("score-" + line.id());
                scores.add(new Assignments.ScoreDraft(line.id(), number(score), form.get("note-" + line.id())));
            }
            assignments.score(actor, applicationId, new Assignments.ReviewDraft(scores, form.get("note")));
            redirect.addFlashAttribute("notice", "assignment.review.submitted");
        } catch (InvalidInputException invalid) {
            PageRefusals.flash(redirect, "assignment.review.refused", String.join(" ", invalid.problems().stream()
                    .map(problem -> messages.getMessage(problem.code(), problem.arguments(), problem.code(), locale))
                    .toList()));
        } catch (HireflowException refusal) {
            PageRefusals.flash(redirect, "assignment.review.refused", PageRefusals.text(messages, refusal, locale));
        }
        return "redirect:/applications/{applicationId}";
    }

    // a score that is not a whole number is no score: the check names it as missing
    private static Integer number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
