package io.hireflow.notifications;

import java.util.List;
import java.util.Locale;
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

import io.hireflow.jobs.Job;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageKind;
import io.hireflow.shared.Minutes;
import io.hireflow.shared.Actor;
import io.hireflow.shared.HireflowException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/**
 * Bulk result announcements in the browser: choose a stage of the job and the templates for those who passed and
 * those who did not, preview one of each, start, and watch the progress (kept in the database, so a reload shows it
 * as it is).
 */
@Controller
class AnnouncementController {

    private final Announcements announcements;
    private final JobManagement jobs;
    private final MessageSource messages;

    AnnouncementController(Announcements announcements, JobManagement jobs, MessageSource messages) {
        this.announcements = announcements;
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping("/jobs/{jobId}/announcements/new")
    @PreAuthorize(Role.DECIDING)
    String form(Actor actor, @PathVariable UUID jobId, Model model) {
        Job job = jobs.job(actor.organizationId(), new JobId(jobId));
        model.addAttribute("job", job);
        model.addAttribute("stages", stages(job));
        model.addAttribute("passEvents", List.of(MessageEvent.STAGE_PASSED, MessageEvent.FREE_FORM));
        model.addAttribute("failEvents", List.of(MessageEvent.REJECTED, MessageEvent.FREE_FORM));
        return "notifications/announcement-new";
    }

    @PostMapping("/jobs/{jobId}/announcements/preview")
    @PreAuthorize(Role.DECIDING)
    String preview(Actor actor, @PathVariable UUID jobId, @RequestParam(required = false) UUID stageId,
            @RequestParam(required = false) MessageEvent passEvent,
            @RequestParam(required = false) MessageEvent failEvent, Model model, Locale locale) {
        try {
            model.addAttribute("preview", announcements.preview(actor,
                    new Announcements.StartAnnouncement(jobId, stageId, passEvent, failEvent, null)));
        } catch (HireflowException refusal) {
            model.addAttribute("refused", PageRefusals.text(messages, refusal, locale));
        }
        return "notifications/announcement-new :: preview";
    }

    @PostMapping("/jobs/{jobId}/announcements")
    @PreAuthorize(Role.DECIDING)
    String start(Actor actor, @PathVariable UUID jobId, @RequestParam(required = false) UUID stageId,
            @RequestParam(required = false) MessageEvent passEvent,
            @RequestParam(required = false) MessageEvent failEvent, @RequestParam(required = false) String sendAt,
            RedirectAttributes redirect, Locale locale) {
        try {
            Announcement started = announcements.start(actor, new Announcements.StartAnnouncement(jobId, stageId,
                    passEvent, failEvent, Minutes.local(sendAt, actor.timeZone(), "sendAt")));
            return "redirect:/announcements/" + started.id();
        } catch (HireflowException refusal) {
            PageRefusals.flash(redirect, "announcements.refused", PageRefusals.text(messages, refusal, locale));
            return "redirect:/jobs/{jobId}/announcements/new";
        }
    }

    @GetMapping("/announcements/{announcementId}")
    @PreAuthorize(Role.STAFF)
    String page(Actor actor, @PathVariable UUID announcementId, Model model) {
        Announcement announcement = announcements.announcement(actor, announcementId);
        model.addAttribute("announcement", announcement);
        model.addAttribute("job", jobs.job(actor.organizationId(), new JobId(announcement.jobId())));
        return "notifications/announcement";
    }

    /** The progress panel alone, which the page asks for every second until nothing is left to send. */
    @GetMapping("/announcements/{announcementId}/progress")
    @PreAuthorize(Role.STAFF)
    String progress(Actor actor, @PathVariable UUID announcementId, Model model) {
        model.addAttribute("announcement", announcements.announcement(actor, announcementId));
        return "notifications/announcement :: progress";
    }

    private static List<Stage> stages(Job job) {
        return job.stages().stream().filter(stage -> stage.kind() != StageKind.HIRED).toList();
    }
}
