package io.hireflow.notifications;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.shared.Actor;
import io.hireflow.shared.HireflowException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/**
 * The home page's panel of promises to candidates that are due today or overdue, by job, and the organization's
 * setting for late decisions.
 */
@Controller
class PromisesController {

    private final Promises promises;
    private final MessageSource messages;
    private final Clock clock;

    PromisesController(Promises promises, MessageSource messages, Clock clock) {
        this.promises = promises;
        this.messages = messages;
        this.clock = clock;
    }

    /** One job's line in the panel. */
    record JobLine(String title, int overdue, int dueToday) {
    }

    @GetMapping("/promises/panel")
    @PreAuthorize(Role.STAFF)
    String panel(Actor actor, @RequestParam(defaultValue = "false") boolean mine, Model model) {
        List<Promise> due = promises.due(actor,
                new Promises.PromiseFilter(null, mine ? actor.userId() : null),
                Promises.endOfToday(clock, actor.timeZone()));
        Map<String, JobLine> byJob = new LinkedHashMap<>();
        for (Promise promise : due) {
            String title = promise.jobTitle() == null ? "—" : promise.jobTitle();
            JobLine line = byJob.getOrDefault(title, new JobLine(title, 0, 0));
            byJob.put(title, new JobLine(title, line.overdue() + (promise.overdue() ? 1 : 0),
                    line.dueToday() + (promise.overdue() ? 0 : 1)));
        }
        model.addAttribute("promises", due.stream().limit(20).toList());
        model.addAttribute("jobs", byJob.values());
        model.addAttribute("truncated", due.size() >= Promises.LIMIT);
        model.addAttribute("limit", Promises.LIMIT);
        model.addAttribute("mine", mine);
        return "notifications/promises :: panel";
    }

    @PostMapping("/settings/late-decisions")
    @PreAuthorize(Role.ADMINISTRATING)
    String saveDelaySetting(Actor actor, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) Integer days, RedirectAttributes redirect, Locale locale) {
        try {
            promises.setDelayNoticeDays(actor, enabled ? (days == null ? 0 : days) : null);
            redirect.addFlashAttribute("notice", "promises.delay.saved");
        } catch (HireflowException refusal) {
            PageRefusals.flash(redirect, "promises.delay.refused", PageRefusals.text(messages, refusal, locale));
        }
        return "redirect:/settings/message-templates";
    }
}
