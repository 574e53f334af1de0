package io.hireflow.interviews;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.pipeline.RejectionReasons;
import io.hireflow.shared.Actor;
import io.hireflow.shared.HireflowException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/**
 * The kit's page, for the panel (and recruiters, admins and hiring managers): the résumé with its technologies marked,
 * the questions they suggest and the panel's own, the quiz to mark, notes, and the scorecard form; and the decision
 * page, with the scorecards side by side, the early reveal, and pass or reject. Every form posts and comes back to its
 * page (a refusal says why there); the application's page loads the list of its interviews' kits.
 */
@Controller
class InterviewKitController {

    private final InterviewKits kits;
    private final Scorecards scorecards;
    private final Interviews interviews;
    private final RejectionReasons reasons;
    private final MessageSource messages;
    private final io.hireflow.jobs.JobManagement jobs;

    InterviewKitController(InterviewKits kits, Scorecards scorecards, Interviews interviews,
            RejectionReasons reasons, MessageSource messages, io.hireflow.jobs.JobManagement jobs) {
        this.jobs = jobs;
        this.kits = kits;
        this.scorecards = scorecards;
        this.interviews = interviews;
        this.reasons = reasons;
        this.messages = messages;
    }

    @GetMapping("/jobs/{jobId}/interview-kits")
    @PreAuthorize(Role.STAFF)
    String templates(Actor actor, @PathVariable UUID jobId, Model page) {
        page.addAttribute("job", jobs.job(actor.organizationId(), new io.hireflow.jobs.JobId(jobId)));
        page.addAttribute("templates", kits.templates(actor.organizationId(), jobId));
        page.addAttribute("topics", kits.topics(actor.organizationId()));
        return "interviews/templates";
    }

    /**
     * A stage's template as the form writes it: focus attributes one per line, the topics ticked with how many from
     * each, and the chosen bank questions kept as they were (the API chooses them).
     */
    @PostMapping("/jobs/{jobId}/interview-kits")
    @PreAuthorize(Role.RECRUITING)
    String saveTemplate(Actor actor, @PathVariable UUID jobId, @RequestParam UUID stageId,
            @RequestParam(required = false) Long version, @RequestParam(required = false) String focusAttributes,
            @RequestParam(required = false) List<String> quizTopics,
            @RequestParam(required = false) Integer quizPerTopic,
            @RequestParam(required = false) List<UUID> quizQuestionIds, RedirectAttributes redirect, Locale locale) {
        List<String> attributes = focusAttributes == null ? List.of()
                : focusAttributes.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        act(redirect, locale, "kit.template.saved", () -> kits.updateTemplate(actor, jobId, stageId,
                new InterviewKits.TemplateDraft(attributes, quizQuestionIds, quizTopics, quizPerTopic, version)));
        return "redirect:/jobs/{jobId}/interview-kits";
    }

    @GetMapping("/interviews/{interviewId}/kit")
    @PreAuthorize(Role.STAFF)
    String kit(Actor actor, @PathVariable UUID interviewId, Model page) {
        InterviewKits.Kit kit = kits.kit(actor, interviewId);
        page.addAttribute("kit", kit);
        page.addAttribute("resumeHtml", kit.resume() == null ? "" : Technologies.html(kit.resume().text()));
        page.addAttribute("board", scorecards.list(actor, interviewId));
        page.addAttribute("marks", InterviewKits.Mark.values());
        page.addAttribute("ratings", Scorecards.Rating.values());
        return "interviews/kit";
    }

    @PostMapping("/interviews/{interviewId}/kit/questions")
    @PreAuthorize(Role.STAFF)
    String addQuestion(Actor actor, @PathVariable UUID interviewId, @RequestParam(required = false) String text,
            RedirectAttributes redirect, Locale locale) {
        act(redirect, locale, "kit.question.added", () -> kits.addQuestion(actor, interviewId, text));
        return "redirect:/interviews/{interviewId}/kit#panel-questions";
    }

    @PostMapping("/interviews/{interviewId}/kit/marks")
    @PreAuthorize(Role.STAFF)
    String mark(Actor actor, @PathVariable UUID interviewId, @RequestParam UUID quizQuestionId,
            @RequestParam(required = false) String mark, RedirectAttributes redirect, Locale locale) {
        act(redirect, locale, null, () -> kits.mark(actor, interviewId, quizQuestionId, mark));
        return "redirect:/interviews/{interviewId}/kit#quiz";
    }

    @PostMapping("/interviews/{interviewId}/kit/notes")
    @PreAuthorize(Role.STAFF)
    String notes(Actor actor, @PathVariable UUID interviewId, @RequestParam(required = false) String notes,
            RedirectAttributes redirect, Locale locale) {
        act(redirect, locale, "kit.notes.saved", () -> kits.saveNotes(actor, interviewId, notes));
        return "redirect:/interviews/{interviewId}/kit#notes";
    }

    /** The scorecard form: {@code rating-<n>} for the n-th focus attribute, {@code recommendation}, {@code notes}. */
    @PostMapping("/interviews/{interviewId}/scorecard")
    @PreAuthorize(Role.STAFF)
    String submit(Actor actor, @PathVariable UUID interviewId, @RequestParam Map<String, String> form,
            RedirectAttributes redirect, Locale locale) {
        List<String> focus = kits.focusAttributes(actor, interviewId);
        Map<String, String> ratings = new LinkedHashMap<>();
        for (int i = 0; i < focus.size(); i++) {
            String rating = form.get("rating-" + i);
            if (rating != null && !rating.isBlank()) {
                ratings.put(focus.get(i), rating);
            }
        }
        act(redirect, locale, "scorecard.submitted", () -> scorecards.submit(actor, interviewId,
                new Scorecards.Draft(ratings, form.get("notes"), form.get("recommendation"))));
        return "redirect:/interviews/{interviewId}/kit#scorecards";
    }

    @GetMapping("/interviews/{interviewId}/scorecards")
    @PreAuthorize(Role.STAFF)
    String decision(Actor actor, @PathVariable UUID interviewId, Model page) {
        Scorecards.Board board = scorecards.list(actor, interviewId);
        page.addAttribute("board", board);
        page.addAttribute("interview", interviews.interview(actor.organizationId(), interviewId));
        page.addAttribute("reasons", reasons.reasons(actor.organizationId()).stream()
                .filter(io.hireflow.pipeline.RejectionReason::active).toList());
        return "interviews/scorecards";
    }

    @PostMapping("/interviews/{interviewId}/scorecards/reveal")
    @PreAuthorize(Role.DECIDING)
    String reveal(Actor actor, @PathVariable UUID interviewId, RedirectAttributes redirect, Locale locale) {
        act(redirect, locale, "scorecard.revealed", () -> scorecards.reveal(actor, interviewId));
        return "redirect:/interviews/{interviewId}/scorecards";
    }

    @PostMapping("/interviews/{interviewId}/decision")
    @PreAuthorize(Role.DECIDING)
    String decide(Actor actor, @PathVariable UUID interviewId, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String reasonCode, @RequestParam(required = false) String reason,
            RedirectAttributes redirect, Locale locale) {
        act(redirect, locale, "PASS".equals(outcome) ? "decision.passed" : "decision.rejected",
                () -> scorecards.decide(actor, interviewId, new Scorecards.Decision(outcome, reasonCode, reason,
                        null)));
        return "redirect:/interviews/{interviewId}/scorecards";
    }

    @GetMapping("/applications/{applicationId}/interview-kits")
    @PreAuthorize(Role.STAFF)
    String ofApplication(Actor actor, @PathVariable UUID applicationId, Model page) {
        page.addAttribute("interviews", interviews.ofApplication(actor.organizationId(), applicationId));
        Map<UUID, Scorecards.Tally> tallies = new java.util.HashMap<>();
        scorecards.tallies(actor.organizationId(), List.of(applicationId))
                .forEach(tally -> tallies.put(tally.interviewId(), tally));
        page.addAttribute("tallies", tallies);
        return "interviews/kits :: panel";
    }

    private void act(RedirectAttributes redirect, Locale locale, String notice, Runnable action) {
        try {
            action.run();
            if (notice != null) {
                redirect.addFlashAttribute("notice", notice);
            }
        } catch (InvalidInputException invalid) {
            PageRefusals.flash(redirect, "kit.refused", String.join(" ", invalid.problems().stream()
                    .map(problem -> problem.field() + ": "
                            + messages.getMessage(problem.code(), problem.arguments(), problem.code(), locale))
                    .toList()));
        } catch (HireflowException refusal) {
            PageRefusals.flash(redirect, "kit.refused", PageRefusals.text(messages, refusal, locale));
        }
    }
}
