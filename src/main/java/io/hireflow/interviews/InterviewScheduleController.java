package io.hireflow.interviews;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.StaffUserView;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.HireflowException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.PublicAddress;
import io.hireflow.shared.Role;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An application's interviews page: those it has, each moved or called off from here, and the form that schedules a
 * new one at a time or offers the candidate up to three times to pick from. Times are typed in the user's zone.
 */
@Controller
class InterviewScheduleController {

    private final Interviews interviews;
    private final PipelineManagement pipeline;
    private final IdentityManagement identity;
    private final PublicAddress publicAddress;
    private final MessageSource messages;

    InterviewScheduleController(Interviews interviews, PipelineManagement pipeline, IdentityManagement identity,
            PublicAddress publicAddress, MessageSource messages) {
        this.interviews = interviews;
        this.pipeline = pipeline;
        this.identity = identity;
        this.publicAddress = publicAddress;
        this.messages = messages;
    }

    /** The form as typed; {@code when} is {@code time} (startsAt) or {@code slots} (slot1..3). */
    record ScheduleForm(String title, String kind, Integer durationMinutes, String format, String location,
            String videoLink, String when, LocalDateTime startsAt, List<LocalDateTime> slots, Map<UUID, String> panel) {

        static ScheduleForm blank(ZoneId zone) {
            LocalDateTime tomorrow = LocalDateTime.now(zone).truncatedTo(ChronoUnit.DAYS).plusDays(1).plusHours(14);
            return new ScheduleForm(null, InterviewKind.TECHNICAL.name(), 60, InterviewFormat.IN_PERSON.name(), null,
                    null, "time", tomorrow, List.of(), Map.of());
        }

        Interviews.Draft draft(ZoneId zone) {
            List<Interviews.PanelDraft> members = new ArrayList<>();
            panel.forEach((user, role) -> members.add(new Interviews.PanelDraft(user, role)));
            boolean offering = "slots".equals(when);
            return new Interviews.Draft(title, kind, durationMinutes, format, location, videoLink,
                    offering || startsAt == null ? null : startsAt.atZone(zone).toInstant(),
                    offering ? slots.stream().map(slot -> slot.atZone(zone).toInstant()).toList() : List.of(),
                    members);
        }
    }

    @GetMapping("/applications/{applicationId}/interviews")
    @PreAuthorize(Role.STAFF)
    String page(Actor actor, @PathVariable UUID applicationId, Model page) {
        show(actor, applicationId, ScheduleForm.blank(actor.timeZone()), null, page);
        return "interviews/application-interviews";
    }

    @PostMapping("/applications/{applicationId}/interviews")
    @PreAuthorize(Role.RECRUITING)
    String schedule(Actor actor, @PathVariable UUID applicationId, @RequestParam Map<String, String> form,
            @RequestParam(required = false) List<UUID> member, Model page, RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<UUID, String> panel = new LinkedHashMap<>();
        if (member != null) {
            member.forEach(user -> panel.put(user, form.getOrDefault("role-" + user, "")));
        }
        List<LocalDateTime> slots = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            LocalDateTime slot = local(form.get("slot" + i));
            if (slot != null) {
                slots.add(slot);
            }
        }
        ScheduleForm typed = new ScheduleForm(form.get("title"), form.get("kind"), number(form.get("durationMinutes")),
                form.get("format"), form.get("location"), form.get("videoLink"), form.getOrDefault("when", "time"),
                local(form.get("startsAt")), slots, panel);
        try {
            interviews.schedule(actor, applicationId, typed.draft(actor.timeZone()), publicAddress.of(""));
            redirect.addFlashAttribute("notice", "slots".equals(typed.when()) ? "interviews.schedule.offered"
                    : "interviews.schedule.scheduled");
            return "redirect:/applications/" + applicationId + "/interviews";
        } catch (InvalidInputException refusal) {
            Map<String, InvalidInputException.FieldProblem> problems = new LinkedHashMap<>();
            refusal.problems().forEach(problem -> problems.putIfAbsent(
                    problem.field().replaceAll("\\[\\d+].*", ""), problem));
            show(actor, applicationId, typed, problems, page);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "interviews/application-interviews";
        } catch (ConflictException refusal) {
            page.addAttribute("problem", refusal.code());
            page.addAttribute("problemArgs", refusal.arguments());
            show(actor, applicationId, typed, null, page);
            response.setStatus(HttpStatus.CONFLICT.value());
            return "interviews/application-interviews";
        }
    }

    @PostMapping("/interviews/{interviewId}/time")
    @PreAuthorize(Role.RECRUITING)
    String reschedule(Actor actor, @PathVariable UUID interviewId, @RequestParam(required = false) String startsAt,
            @RequestParam(required = false) Long version, RedirectAttributes redirect, Locale locale) {
        Interview interview = interviews.interview(actor.organizationId(), interviewId);
        try {
            LocalDateTime at = local(startsAt);
            interviews.reschedule(actor, interviewId, at == null ? null : at.atZone(actor.timeZone()).toInstant(),
                    version, publicAddress.of(""));
            redirect.addFlashAttribute("notice", "interviews.schedule.moved");
        } catch (HireflowException refusal) {
            refuse(redirect, refusal, locale);
        }
        return "redirect:/applications/" + interview.applicationId() + "/interviews";
    }

    @PostMapping("/interviews/{interviewId}/cancellation")
    @PreAuthorize(Role.RECRUITING)
    String cancel(Actor actor, @PathVariable UUID interviewId, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long version, RedirectAttributes redirect, Locale locale) {
        Interview interview = interviews.interview(actor.organizationId(), interviewId);
        try {
            interviews.cancel(actor, interviewId, reason, version, publicAddress.of(""));
            redirect.addFlashAttribute("notice", "interviews.schedule.cancelled");
        } catch (HireflowException refusal) {
            refuse(redirect, refusal, locale);
        }
        return "redirect:/applications/" + interview.applicationId() + "/interviews";
    }

    private void refuse(RedirectAttributes redirect, HireflowException refusal, Locale locale) {
        String why = refusal instanceof InvalidInputException invalid ? String.join(" ", invalid.problems().stream()
                .map(problem -> messages.getMessage(problem.code(), problem.arguments(), problem.code(), locale))
                .toList()) : PageRefusals.text(messages, refusal, locale);
        PageRefusals.flash(redirect, "interviews.schedule.refused", why);
    }

    private void show(Actor actor, UUID applicationId, ScheduleForm form,
            Map<String, InvalidInputException.FieldProblem> problems, Model page) {
        page.addAttribute("jobApplication", pipeline.application(actor.organizationId(),
                new JobApplicationId(applicationId)));
        page.addAttribute("interviews", interviews.ofApplication(actor.organizationId(), applicationId));
        page.addAttribute("staff", identity.users(actor.organizationId()).stream().filter(StaffUserView::enabled)
                .toList());
        page.addAttribute("form", form);
        page.addAttribute("problems", problems);
        page.addAttribute("kinds", InterviewKind.values());
        page.addAttribute("formats", InterviewFormat.values());
    }

    private static LocalDateTime local(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip());
        } catch (java.time.format.DateTimeParseException notATime) {
            return null;
        }
    }

    private static Integer number(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
