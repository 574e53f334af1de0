package io.hireflow.jobs;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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
import io.hireflow.shared.Markdown;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/** The job list, and the pages that open a job and change its details. */
@Controller
class JobController {

    static final int MAX_LOCATIONS = 10;
    static final int MAX_LOCATION_LENGTH = 120;
    private static final String REQUIRED = "{validation.required}";

    private final JobManagement jobs;
    private final PipelineTemplates templates;

    JobController(JobManagement jobs, PipelineTemplates templates) {
        this.jobs = jobs;
        this.templates = templates;
    }

    /** A job's details as the form shows them; locations one per line. */
    record JobForm(
            @NotBlank(message = REQUIRED) @Size(max = 120) String title,
            @Size(max = 80) String team,
            @Size(max = 2000) String locations,
            @NotNull(message = REQUIRED) EmploymentType employmentType,
            @NotNull(message = REQUIRED) @Min(1) @Max(10000) Integer headcount,
            @NotNull(message = REQUIRED) JobStatus status,
            @Size(max = 20000) String description,
            UUID templateId,
            Long version) {

        static JobForm of(Job job) {
            return new JobForm(job.title(), job.team(), String.join("\n", job.locations()), job.employmentType(),
                    job.headcount(), job.status(), job.description(), null, job.version());
        }

        List<String> locationList() {
            return locations == null ? List.of()
                    : Arrays.stream(locations.split("\\R")).map(String::strip).filter(line -> !line.isEmpty())
                            .distinct().toList();
        }

        JobForm copy() {
            return new JobForm(title, team, locations, employmentType, headcount, status, description, templateId,
                    version);
        }
    }

    /** A row of the job list: the job and the day it was created, in the organization's time zone. */
    record JobRow(JobSummary job, LocalDate created) {
    }

    @GetMapping("/jobs")
    @PreAuthorize(Role.STAFF)
    String list(Actor actor, @RequestParam(defaultValue = "all") String status, Model page) {
        JobStatus filter = Arrays.stream(JobStatus.values())
                .filter(candidate -> candidate.name().equalsIgnoreCase(status.strip())).findFirst().orElse(null);
        List<JobRow> rows = jobs.jobs(actor.organizationId(), filter).stream()
                .map(job -> new JobRow(job, job.createdAt().atZone(actor.timeZone()).toLocalDate()))
                .toList();
        page.addAttribute("jobs", rows);
        page.addAttribute("filter", filter == null ? "all" : filter.name().toLowerCase(Locale.ROOT));
        page.addAttribute("filters", List.of("all", "open", "draft", "closed"));
        return "jobs/list";
    }

    @GetMapping("/jobs/new")
    @PreAuthorize(Role.RECRUITING)
    String newJob(Actor actor, Model page) {
        UUID template = templates.defaultTemplate(actor.organizationId()).id();
        page.addAttribute("form", new JobForm("", "", "", EmploymentType.FULL_TIME, 1, JobStatus.OPEN, "",
                template, null));
        return newJobPage(actor, page);
    }

    @PostMapping("/jobs/new")
    @PreAuthorize(Role.RECRUITING)
    String create(Actor actor, @Valid @ModelAttribute("form") JobForm form, BindingResult result, Model page,
            RedirectAttributes redirect) {
        checkLocations(form, result);
        if (form.status() == JobStatus.CLOSED) {
            result.rejectValue("status", "validation.oneOf", new Object[] {"DRAFT, OPEN"}, null);
        }
        if (result.hasErrors()) {
            return newJobPage(actor, page);
        }
        Job job;
        try {
            job = jobs.createJob(actor, new CreateJob(form.title(), form.team(), form.locationList(),
                    form.employmentType(), form.description(), form.headcount(), form.status(), form.templateId(),
                    null));
        } catch (InvalidInputException refusal) {
            PageRefusals.beside(result, refusal, page);
            return newJobPage(actor, page);
        }
        redirect.addFlashAttribute("notice", "jobs.notice.created");
        redirect.addFlashAttribute("noticeArgs", new Object[] {job.title()});
        return "redirect:/jobs/" + job.id();
    }

    @GetMapping("/jobs/{jobId}/edit")
    @PreAuthorize(Role.RECRUITING)
    String edit(Actor actor, @PathVariable UUID jobId, Model page) {
        Job job = jobs.job(actor.organizationId(), new JobId(jobId));
        JobForm form = JobForm.of(job);
        page.addAttribute("form", form);
        return editPage(job, form, page);
    }

    /** Saves the details, or with {@code preview} only shows the description as typed. */
    @PostMapping("/jobs/{jobId}/edit")
    @PreAuthorize(Role.RECRUITING)
    String update(Actor actor, @PathVariable UUID jobId, @Valid @ModelAttribute("form") JobForm form,
            BindingResult result, @RequestParam(required = false) String preview, Model page,
            RedirectAttributes redirect) {
        Job job = jobs.job(actor.organizationId(), new JobId(jobId));
        if (preview != null) {
            JobForm shown = form.copy();
            page.addAttribute("form", shown); // a new form object: no problems shown for a preview
            return editPage(job, shown, page);
        }
        checkLocations(form, result);
        if (form.version() == null) {
            result.rejectValue("version", "validation.required");
        }
        if (result.hasErrors()) {
            return editPage(job, form, page);
        }
        try {
            job = jobs.updateJob(actor, job.id(), new UpdateJob(form.title(), form.team(), form.locationList(),
                    form.employmentType(), form.description(), form.headcount(), form.status()), form.version());
        } catch (InvalidInputException refusal) {
            PageRefusals.beside(result, refusal, page);
            return editPage(job, form, page);
        } catch (ConflictException refusal) {
            PageRefusals.onPage(page, refusal);
            return editPage(job, form, page);
        }
        redirect.addFlashAttribute("notice", "jobs.notice.updated");
        redirect.addFlashAttribute("noticeArgs", new Object[] {job.title()});
        return "redirect:/jobs/" + job.id();
    }

    private String newJobPage(Actor actor, Model page) {
        page.addAttribute("templates", templates.templates(actor.organizationId()));
        addChoices(page);
        page.addAttribute("statuses", List.of(JobStatus.DRAFT, JobStatus.OPEN)); // a job opens, it is not born closed
        return "jobs/new";
    }

    private String editPage(Job job, JobForm form, Model page) {
        page.addAttribute("job", job);
        page.addAttribute("preview", Markdown.toSafeHtml(form.description()));
        addChoices(page);
        return "jobs/edit";
    }

    private static void addChoices(Model page) {
        page.addAttribute("employmentTypes", EmploymentType.values());
        page.addAttribute("statuses", JobStatus.values());
        page.addAttribute("maxLocations", MAX_LOCATIONS);
    }

    private static void checkLocations(JobForm form, BindingResult result) {
        if (result.hasFieldErrors("locations")) {
            return;
        }
        List<String> locations = form.locationList();
        if (locations.size() > MAX_LOCATIONS) {
            result.rejectValue("locations", "jobs.form.locations.tooMany", new Object[] {MAX_LOCATIONS}, null);
        } else if (locations.stream().anyMatch(location -> location.length() > MAX_LOCATION_LENGTH)) {
            result.rejectValue("locations", "jobs.form.locations.lineTooLong", new Object[] {MAX_LOCATION_LENGTH},
                    null);
        }
    }
}
