package io.hireflow.jobs;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/** The editor of a job's pipeline: add, rename, reorder and remove stages, then save them all at once. */
@Controller
class JobPipelineController {

    private final JobManagement jobs;

    JobPipelineController(JobManagement jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/jobs/{jobId}/pipeline")
    @PreAuthorize(Role.RECRUITING)
    String edit(Actor actor, @PathVariable UUID jobId, Model page) {
        Job job = jobs.job(actor.organizationId(), new JobId(jobId));
        page.addAttribute("form", StageEditor.Form.of(null, job.version(),
                job.stages().stream().map(StageEditor.Row::of).toList()));
        return page(job, page);
    }

    @PostMapping("/jobs/{jobId}/pipeline")
    @PreAuthorize(Role.RECRUITING)
    String update(Actor actor, @PathVariable UUID jobId, @Valid @ModelAttribute("form") StageEditor.Form form,
            BindingResult result, @RequestParam(defaultValue = "") String op, Model page,
            RedirectAttributes redirect) {
        Job job = jobs.job(actor.organizationId(), new JobId(jobId));
        if (!StageEditor.SAVE.equals(op)) {
            StageEditor.edit(form, op, page);
            return page(job, page);
        }
        if (result.hasErrors()) {
            return page(job, page);
        }
        try {
            jobs.updatePipeline(actor, job.id(), form.plans(), form.getVersion());
        } catch (InvalidInputException refusal) {
            PageRefusals.beside(result, refusal, page);
            return page(job, page);
        } catch (ConflictException refusal) {
            PageRefusals.onPage(page, refusal);
            return page(job, page);
        }
        redirect.addFlashAttribute("notice", "jobs.pipeline.saved");
        return "redirect:/jobs/" + job.id() + "/pipeline";
    }

    private static String page(Job job, Model page) {
        page.addAttribute("job", job);
        StageEditor.addChoices(page);
        return "jobs/pipeline";
    }
}
