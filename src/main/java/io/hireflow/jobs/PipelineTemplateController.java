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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/** The organization's pipeline templates, for admins: list, create, edit, make default, delete. */
@Controller
@RequestMapping("/settings/pipeline-templates")
class PipelineTemplateController {

    private static final String LIST = "redirect:/settings/pipeline-templates";

    private final PipelineTemplates templates;

    PipelineTemplateController(PipelineTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    @PreAuthorize(Role.ADMINISTRATING)
    String list(Actor actor, Model page) {
        page.addAttribute("templates", templates.templates(actor.organizationId()));
        return "jobs/templates";
    }

    /** A new template starts as a copy of the default one. */
    @GetMapping("/new")
    @PreAuthorize(Role.ADMINISTRATING)
    String newTemplate(Actor actor, Model page) {
        page.addAttribute("form", StageEditor.Form.of("", null, templates.defaultTemplate(actor.organizationId())
                .stages().stream().map(StageEditor.Row::of).toList()));
        return page(null, page);
    }

    @PostMapping("/new")
    @PreAuthorize(Role.ADMINISTRATING)
    String create(Actor actor, @Valid @ModelAttribute("form") StageEditor.Form form, BindingResult result,
            @RequestParam(defaultValue = "") String op, Model page, RedirectAttributes redirect) {
        if (!StageEditor.SAVE.equals(op)) {
            StageEditor.edit(form, op, page);
            return page(null, page);
        }
        requireName(form, result);
        if (result.hasErrors()) {
            return page(null, page);
        }
        PipelineTemplate template;
        try {
            template = templates.create(actor, form.getName(), form.plans());
        } catch (InvalidInputException refusal) {
            PageRefusals.beside(result, refusal, page);
            return page(null, page);
        }
        return toList(redirect, "jobs.templates.created", template.name());
    }

    @GetMapping("/{templateId}")
    @PreAuthorize(Role.ADMINISTRATING)
    String edit(Actor actor, @PathVariable UUID templateId, Model page) {
        PipelineTemplate template = templates.template(actor.organizationId(), templateId);
        page.addAttribute("form", StageEditor.Form.of(template.name(), template.version(),
                template.stages().stream().map(StageEditor.Row::of).toList()));
        return page(template, page);
    }

    @PostMapping("/{templateId}")
    @PreAuthorize(Role.ADMINISTRATING)
    String update(Actor actor, @PathVariable UUID templateId, @Valid @ModelAttribute("form") StageEditor.Form form,
            BindingResult result, @RequestParam(defaultValue = "") String op, Model page,
            RedirectAttributes redirect) {
        PipelineTemplate template = templates.template(actor.organizationId(), templateId);
        if (!StageEditor.SAVE.equals(op)) {
            StageEditor.edit(form, op, page);
            return page(template, page);
        }
        requireName(form, result);
        if (form.getVersion() == null) {
            result.rejectValue("version", "validation.required");
        }
        if (result.hasErrors()) {
            return page(template, page);
        }
        try {
            template = templates.update(actor, templateId, form.getName(), form.plans(), form.getVersion());
        } catch (InvalidInputException refusal) {
            PageRefusals.beside(result, refusal, page);
            return page(template, page);
        } catch (ConflictException refusal) {
            PageRefusals.onPage(page, refusal);
            return page(template, page);
        }
        return toList(redirect, "jobs.templates.saved", template.name());
    }

    @PostMapping("/{templateId}/default")
    @PreAuthorize(Role.ADMINISTRATING)
    String makeDefault(Actor actor, @PathVariable UUID templateId, RedirectAttributes redirect) {
        String name = templates.template(actor.organizationId(), templateId).name();
        templates.makeDefault(actor, templateId);
        return toList(redirect, "jobs.templates.madeDefault", name);
    }

    @PostMapping("/{templateId}/delete")
    @PreAuthorize(Role.ADMINISTRATING)
    String delete(Actor actor, @PathVariable UUID templateId, RedirectAttributes redirect) {
        String name = templates.template(actor.organizationId(), templateId).name();
        try {
            templates.delete(actor, templateId);
        } catch (ConflictException refusal) {
            redirect.addFlashAttribute("problem", refusal.code());
            redirect.addFlashAttribute("problemArgs", refusal.arguments());
            return LIST;
        }
        return toList(redirect, "jobs.templates.deleted", name);
    }

    private static String page(PipelineTemplate template, Model page) {
        page.addAttribute("template", template);
        StageEditor.addChoices(page);
        return "jobs/template";
    }

    private static void requireName(StageEditor.Form form, BindingResult result) {
        if (form.getName() == null || form.getName().isBlank()) {
            result.rejectValue("name", "validation.required");
        }
    }

    private static String toList(RedirectAttributes redirect, String notice, String name) {
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeArgs", new Object[] {name});
        return LIST;
    }
}
