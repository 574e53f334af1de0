package io.hireflow.jobs;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.identity.IdentityManagement;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/** A job's page on the careers site, as staff manage it: what it says besides the job, and publishing it. */
@Controller
class JobPostingController {

    private final JobManagement jobs;
    private final JobPostings postings;
    private final IdentityManagement identity;

    JobPostingController(JobManagement jobs, JobPostings postings, IdentityManagement identity) {
        this.jobs = jobs;
        this.postings = postings;
        this.identity = identity;
    }

    @GetMapping("/jobs/{jobId}/posting")
    @PreAuthorize(Role.RECRUITING)
    String edit(Actor actor, @PathVariable UUID jobId, Model page) {
        Job job = jobs.job(actor.organizationId(), new JobId(jobId));
        page.addAttribute("form", postings.listing(actor.organizationId(), job.id()).details());
        return page(actor, job, page);
    }

    @PostMapping("/jobs/{jobId}/posting")
    @PreAuthorize(Role.RECRUITING)
    String update(Actor actor, @PathVariable UUID jobId, @Valid @ModelAttribute("form") PostingDetails form,
            BindingResult result, Model page, RedirectAttributes redirect) {
        Job job = jobs.job(actor.organizationId(), new JobId(jobId));
        if (result.hasErrors()) {
            return page(actor, job, page);
        }
        try {
            postings.updateDetails(actor, job.id(), form);
        } catch (InvalidInputException refusal) {
            PageRefusals.beside(result, refusal, page);
            return page(actor, job, page);
        }
        redirect.addFlashAttribute("notice", "jobs.posting.saved");
        return "redirect:/jobs/" + job.id() + "/posting";
    }

    @PostMapping("/jobs/{jobId}/publish")
    @PreAuthorize(Role.RECRUITING)
    String publish(Actor actor, @PathVariable UUID jobId, RedirectAttributes redirect) {
        try {
            postings.publish(actor, new JobId(jobId));
            redirect.addFlashAttribute("notice", "jobs.posting.published");
        } catch (ConflictException refusal) {
            redirect.addFlashAttribute("problem", refusal.code());
        }
        return "redirect:/jobs/" + jobId + "/posting";
    }

    @PostMapping("/jobs/{jobId}/unpublish")
    @PreAuthorize(Role.RECRUITING)
    String unpublish(Actor actor, @PathVariable UUID jobId, RedirectAttributes redirect) {
        postings.unpublish(actor, new JobId(jobId));
        redirect.addFlashAttribute("notice", "jobs.posting.unpublished");
        return "redirect:/jobs/" + jobId + "/posting";
    }

    private String page(Actor actor, Job job, Model page) {
        JobPostings.Listing listing = postings.listing(actor.organizationId(), job.id());
        page.addAttribute("job", job);
        page.addAttribute("listing", listing);
        page.addAttribute("publicPath", CareersPaths.job("", identity.organization(actor.organizationId()).slug(),
                job.id()));
        page.addAttribute("today", LocalDate.now(actor.timeZone()));
        return "jobs/posting";
    }
}
