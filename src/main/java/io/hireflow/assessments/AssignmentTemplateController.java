package io.hireflow.assessments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import io.hireflow.jobs.Job;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.StageKind;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.Role;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A job's take-home assignments page: one form per assignment stage, to write its template or change it. The rubric is
 * written one line per criterion, as {@code name | points | what it looks for}.
 */
@Controller
class AssignmentTemplateController {

    private final AssignmentTemplates templates;
    private final JobManagement jobs;
    private final IdentityManagement identity;

    AssignmentTemplateController(AssignmentTemplates templates, JobManagement jobs, IdentityManagement identity) {
        this.templates = templates;
        this.jobs = jobs;
        this.identity = identity;
    }

    /** One stage's form as typed (or as its template reads). */
    record TemplateForm(UUID stageId, String stageName, UUID templateId, Long version, String title,
            String instructions, String resourceUrl, Integer durationHours, String submission, String latePolicy,
            List<UUID> reviewerIds, String rubric) {

        static TemplateForm of(UUID stageId, String stageName, AssignmentTemplate template) {
            if (template == null) {
                return new TemplateForm(stageId, stageName, null, null, null, null, null, 72,
                        AssignmentTemplate.Submission.LINK.name(), AssignmentTemplate.LatePolicy.REFUSE.name(),
                        List.of(), null);
            }
            StringBuilder rubric = new StringBuilder();
            template.criteria().forEach(line -> rubric.append(line.name()).append(" | ").append(line.maxScore())
                    .append(line.description() == null ? "" : " | " + line.description()).append('\n'));
            return new TemplateForm(stageId, stageName, template.id(), template.version(), template.title(),
                    template.instructions(), template.resourceUrl(), template.durationHours(),
                    template.submission().name(), template.latePolicy().name(), template.reviewerIds(),
                    rubric.toString());
        }

        AssignmentTemplates.Draft draft() {
            return new AssignmentTemplates.Draft(stageId, title, instructions, resourceUrl, durationHours, submission,
                    latePolicy, reviewerIds, criteria(rubric));
        }

        /** {@code name | points | description}, one per line; points that are not a number are no points. */
        static List<AssignmentTemplates.CriterionDraft> criteria(String rubric) {
            List<AssignmentTemplates.CriterionDraft> lines = new ArrayList<>();
            if (rubric == null) {
                return lines;
            }
            for (String line : rubric.split("\\r?\\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\\|", 3);
                Integer points;
                try {
                    points = parts.length > 1 ? Integer.valueOf(parts[1].strip()) : null;
                } catch (NumberFormatException notANumber) {
                    points = null;
                }
                lines.add(new AssignmentTemplates.CriterionDraft(parts[0].strip(),
                        parts.length > 2 ? parts[2].strip() : null, points));
            }
            return lines;
        }
    }

    @GetMapping("/jobs/{jobId}/assignments")
    @PreAuthorize(Role.STAFF)
    String page(Actor actor, @PathVariable UUID jobId, Model page) {
        show(actor, jobId, null, null, page);
        return "assessments/assignment-templates";
    }

    @PostMapping("/jobs/{jobId}/assignments")
    @PreAuthorize(Role.RECRUITING)
    String save(Actor actor, @PathVariable UUID jobId, @RequestParam(required = false) UUID stageId,
            @RequestParam(required = false) UUID templateId, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String title, @RequestParam(required = false) String instructions,
            @RequestParam(required = false) String resourceUrl,
            @RequestParam(required = false) Integer durationHours,
            @RequestParam(required = false) String submission, @RequestParam(required = false) String latePolicy,
            @RequestParam(required = false) List<UUID> reviewerIds, @RequestParam(required = false) String rubric,
            Model page, RedirectAttributes redirect, HttpServletResponse response) {
        TemplateForm form = new TemplateForm(stageId, null, templateId, version, title, instructions, resourceUrl,
                durationHours, submission, latePolicy, reviewerIds == null ? List.of() : reviewerIds, rubric);
        try {
            if (templateId == null) {
                templates.create(actor, new JobId(jobId), form.draft());
            } else {
                templates.update(actor, templateId, form.draft(), version == null ? -1 : version);
            }
            redirect.addFlashAttribute("notice", "assignment.template.saved");
            return "redirect:/jobs/" + jobId + "/assignments";
        } catch (InvalidInputException refusal) {
            Map<String, InvalidInputException.FieldProblem> problems = new LinkedHashMap<>();
            refusal.problems().forEach(problem -> problems.putIfAbsent(
                    problem.field().startsWith("criteria") ? "rubric" : problem.field(), problem));
            show(actor, jobId, form, problems, page);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "assessments/assignment-templates";
        } catch (ConflictException refusal) {
            page.addAttribute("problem", refusal.code());
            page.addAttribute("problemArgs", refusal.arguments());
            show(actor, jobId, form, null, page);
            response.setStatus(HttpStatus.CONFLICT.value());
            return "assessments/assignment-templates";
        }
    }

    // every assignment stage's form; the one just posted keeps what was typed, beside its problems
    private void show(Actor actor, UUID jobId, TemplateForm posted, Map<String, InvalidInputException.FieldProblem>
            problems, Model page) {
        Job job = jobs.job(actor.organizationId(), new JobId(jobId));
        Map<UUID, AssignmentTemplate> byStage = new LinkedHashMap<>();
        templates.templates(actor.organizationId(), job.id()).forEach(t -> byStage.put(t.stageId(), t));
        List<TemplateForm> forms = job.stages().stream().filter(stage -> stage.kind() == StageKind.ASSIGNMENT)
                .map(stage -> posted != null && stage.id().value().equals(posted.stageId())
                        ? new TemplateForm(posted.stageId(), stage.name(), posted.templateId(), posted.version(),
                                posted.title(), posted.instructions(), posted.resourceUrl(), posted.durationHours(),
                                posted.submission(), posted.latePolicy(), posted.reviewerIds(), posted.rubric())
                        : TemplateForm.of(stage.id().value(), stage.name(), byStage.get(stage.id().value())))
                .toList();
        page.addAttribute("job", job);
        page.addAttribute("forms", forms);
        page.addAttribute("posted", posted == null ? null : posted.stageId());
        page.addAttribute("problems", problems);
        page.addAttribute("staff", identity.users(actor.organizationId()).stream().filter(StaffUserView::enabled)
                .toList());
        page.addAttribute("submissions", AssignmentTemplate.Submission.values());
        page.addAttribute("latePolicies", AssignmentTemplate.LatePolicy.values());
    }
}
