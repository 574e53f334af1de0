package io.hireflow.identity;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.shared.Actor;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/** The admin's settings: the index of every settings page, and the organization's own name, language and time zone. */
@Controller
class OrganizationSettingsController {

    private final IdentityManagement identity;
    private final Clock clock;

    OrganizationSettingsController(IdentityManagement identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    record OrganizationForm(
            @NotBlank(message = "{validation.required}") @Size(max = 120, message = "{identity.validation.max120}")
            String name,
            @NotNull(message = "{validation.required}") @Pattern(regexp = "^(ko|en)$", message = "{validation.locale}")
            String defaultLocale,
            @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{identity.validation.max60}")
            String timeZone) {

        static OrganizationForm of(OrganizationView organization) {
            return new OrganizationForm(organization.name(), organization.defaultLocale().getLanguage(),
                    organization.timeZone().getId());
        }
    }

    @GetMapping("/settings")
    @PreAuthorize(Role.ADMINISTRATING)
    String settings(Actor actor, Model model) {
        model.addAttribute("organization", identity.organization(actor.organizationId()));
        return "identity/settings";
    }

    @GetMapping("/settings/organization")
    @PreAuthorize(Role.ADMINISTRATING)
    String organization(Actor actor, Model model) {
        OrganizationView organization = identity.organization(actor.organizationId());
        model.addAttribute("organizationForm", OrganizationForm.of(organization));
        return page(organization, model);
    }

    @PostMapping("/settings/organization")
    @PreAuthorize(Role.ADMINISTRATING)
    String updateOrganization(Actor actor, @Valid @ModelAttribute("organizationForm") OrganizationForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                identity.updateOrganization(actor, form.name(), form.defaultLocale(), form.timeZone());
                redirect.addFlashAttribute("notice", "identity.organization.saved");
                return "redirect:/settings/organization";
            } catch (InvalidInputException refused) {
                PageRefusals.beside(binding, refused, model);
            }
        }
        return page(identity.organization(actor.organizationId()), model);
    }

    private String page(OrganizationView organization, Model model) {
        model.addAttribute("organization", organization);
        model.addAttribute("timeZones", TimeZoneChoices.including(organization.timeZone().getId(), clock.instant()));
        return "identity/organization";
    }
}
