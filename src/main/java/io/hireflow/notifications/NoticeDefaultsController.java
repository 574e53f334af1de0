package io.hireflow.notifications;

import java.util.HashMap;
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

import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageId;
import io.hireflow.shared.Actor;
import io.hireflow.shared.HireflowException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/** A job's page of which stages tell candidates about decisions by default. */
@Controller
class NoticeDefaultsController {

    private final NoticeDefaults defaults;
    private final JobManagement jobs;
    private final MessageSource messages;

    NoticeDefaultsController(NoticeDefaults defaults, JobManagement jobs, MessageSource messages) {
        this.defaults = defaults;
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping("/jobs/{jobId}/notices")
    @PreAuthorize(Role.STAFF)
    String page(Actor actor, @PathVariable UUID jobId, Model model) {
        model.addAttribute("job", jobs.job(actor.organizationId(), new JobId(jobId)));
        model.addAttribute("defaults", defaults.defaults(actor.organizationId(), new JobId(jobId)));
        return "notifications/notices";
    }

    /** The checked stages tell candidates; every other stage of the job does not. */
    @PostMapping("/jobs/{jobId}/notices")
    @PreAuthorize(Role.RECRUITING)
    String save(Actor actor, @PathVariable UUID jobId, @RequestParam(name = "notify", required = false)
            List<UUID> checked, RedirectAttributes redirect, Locale locale) {
        JobId job = new JobId(jobId);
        Map<StageId, Boolean> changes = new HashMap<>();
        for (Stage stage : defaults.defaults(actor.organizationId(), job).keySet()) {
            changes.put(stage.id(), checked != null && checked.contains(stage.id().value()));
        }
        try {
            defaults.update(actor, job, changes);
            redirect.addFlashAttribute("notice", "notices.saved");
        } catch (HireflowException refusal) {
            PageRefusals.flash(redirect, "notices.refused", PageRefusals.text(messages, refusal, locale));
        }
        return "redirect:/jobs/{jobId}/notices";
    }
}
