package io.hireflow.notifications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.shared.Languages;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/**
 * The organization's message templates: every event in Korean and English, and the editor of one with its allowed
 * variables and a live preview with sample values.
 */
@Controller
class MessageTemplateSettingsController {

    private final MessageTemplates templates;
    private final Promises promises;

    MessageTemplateSettingsController(MessageTemplates templates, Promises promises) {
        this.templates = templates;
        this.promises = promises;
    }

    /** One event's template in each language, for the list. */
    record TemplateRow(MessageEvent event, Map<String, MessageTemplate> byLanguage) {
    }

    /** The editor's fields; {@code version} is the one the editor started from (none for a shipped default). */
    record TemplateForm(String subject, String body, Long version) {

        static TemplateForm of(MessageTemplate template) {
            return new TemplateForm(template.subject(), template.body(), template.version());
        }
    }

    @GetMapping("/settings/message-templates")
    @PreAuthorize(Role.ADMINISTRATING)
    String list(Actor actor, Model model) {
        Map<MessageEvent, Map<String, MessageTemplate>> grouped = new HashMap<>();
        for (MessageTemplate template : templates.templates(actor.organizationId())) {
            grouped.computeIfAbsent(template.event(), event -> new HashMap<>()).put(template.language(), template);
        }
        List<TemplateRow> rows = new ArrayList<>();
        for (MessageEvent event : MessageEvent.values()) {
            if (!event.platform()) {
                rows.add(new TemplateRow(event, grouped.get(event)));
            }
        }
        model.addAttribute("rows", rows);
        model.addAttribute("languages", Languages.ALL);
        model.addAttribute("delayNoticeDays", promises.delayNoticeDays(actor.organizationId()).orElse(null));
        return "notifications/templates";
    }

    @GetMapping("/settings/message-templates/{event}/{language}")
    @PreAuthorize(Role.ADMINISTRATING)
    String edit(Actor actor, @PathVariable MessageEvent event, @PathVariable String language, Model model) {
        MessageTemplate template = templates.template(actor.organizationId(), event, known(language));
        model.addAttribute("templateForm", TemplateForm.of(template));
        return editor(template, model);
    }

    @PostMapping("/settings/message-templates/{event}/{language}")
    @PreAuthorize(Role.ADMINISTRATING)
    String save(Actor actor, @PathVariable MessageEvent event, @PathVariable String language,
            @ModelAttribute("templateForm") TemplateForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        known(language);
        if (!binding.hasErrors()) {
            try {
                templates.save(actor, event, language, form.subject(), form.body(), form.version());
                redirect.addFlashAttribute("notice", "notifications.template.saved");
                return "redirect:/settings/message-templates/{event}/{language}";
            } catch (InvalidInputException refusal) {
                PageRefusals.beside(binding, refusal, model);
            } catch (ConflictException refusal) {
                PageRefusals.onPage(model, refusal);
            }
        }
        return editor(templates.template(actor.organizationId(), event, language), model);
    }

    /** The template as a candidate would get it, with sample values; or its problems beside the fields (htmx). */
    @PostMapping("/settings/message-templates/{event}/{language}/preview")
    @PreAuthorize(Role.ADMINISTRATING)
    String preview(@PathVariable MessageEvent event, @PathVariable String language,
            @ModelAttribute("templateForm") TemplateForm form, BindingResult binding, Model model) {
        try {
            model.addAttribute("rendered", templates.preview(event, form.subject(), form.body(),
                    MessageContext.sample(known(language))));
        } catch (InvalidInputException refusal) {
            PageRefusals.beside(binding, refusal, model);
        }
        return "notifications/template-preview";
    }

    @PostMapping("/settings/message-templates/{event}/{language}/reset")
    @PreAuthorize(Role.ADMINISTRATING)
    String reset(Actor actor, @PathVariable MessageEvent event, @PathVariable String language,
            RedirectAttributes redirect) {
        templates.reset(actor, event, known(language));
        redirect.addFlashAttribute("notice", "notifications.template.wasReset");
        return "redirect:/settings/message-templates/{event}/{language}";
    }

    private static String editor(MessageTemplate template, Model model) {
        model.addAttribute("template", template);
        return "notifications/template";
    }

    /** A language Hireflow writes in; any other answers like a page that does not exist. */
    private static String known(String language) {
        if (!Languages.ALL.contains(language)) {
            throw new NotFoundException("page");
        }
        return language;
    }
}
