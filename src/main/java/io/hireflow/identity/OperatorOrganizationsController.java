package io.hireflow.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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

import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/** The platform operator's list of organizations, and the form that opens a new one with its first admin. */
@Controller
class OperatorOrganizationsController {

    private final IdentityManagement identity;

    OperatorOrganizationsController(IdentityManagement identity) {
        this.identity = identity;
    }

    record NewOrganizationForm(
            @NotBlank(message = "{validation.required}") @Size(max = 120, message = "{identity.validation.max120}")
            String name,
            @NotBlank(message = "{validation.required}")
            @Pattern(regexp = "^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$", message = "{validation.slug}") String slug,
            @NotBlank(message = "{validation.required}") @Email(message = "{identity.validation.email}")
            @Size(max = 254, message = "{identity.validation.max254}") String adminEmail,
            @Size(max = 120, message = "{identity.validation.max120}") String adminName,
            @NotNull(message = "{validation.required}")
            @Size(min = 8, max = 200, message = "{identity.validation.password}") String adminPassword,
            @NotNull(message = "{validation.required}") @Pattern(regexp = "^(ko|en)$", message = "{validation.locale}")
            String defaultLocale) {

        static NewOrganizationForm empty() {
            return new NewOrganizationForm("", "", "", "", "", "ko");
        }

        CreateOrganization command() {
            return new CreateOrganization(name.strip(), slug, adminEmail.strip(), adminPassword,
                    adminName == null ? null : adminName.strip(), defaultLocale, null);
        }
    }

    @GetMapping("/operator/organizations")
    @PreAuthorize(Role.OPERATING)
    String organizations(Model model) {
        model.addAttribute("newOrganizationForm", NewOrganizationForm.empty());
        return page(model);
    }

    @PostMapping("/operator/organizations")
    @PreAuthorize(Role.OPERATING)
    String createOrganization(@Valid @ModelAttribute("newOrganizationForm") NewOrganizationForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                OrganizationView organization = identity.createOrganization(form.command());
                redirect.addFlashAttribute("notice", "identity.operator.created");
                redirect.addFlashAttribute("noticeArgs", new Object[] {organization.name(), form.adminEmail().strip()});
                return "redirect:/operator/organizations";
            } catch (InvalidInputException refused) {
                PageRefusals.beside(binding, refused, model);
            } catch (ConflictException refused) {
                switch (refused.code()) {
                    case "error.organization.slugTaken" -> PageRefusals.beside(binding, "slug", refused);
                    case "error.user.emailTaken" -> PageRefusals.beside(binding, "adminEmail", refused);
                    default -> PageRefusals.onPage(model, refused);
                }
            }
        }
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("organizations", identity.organizations());
        return "identity/organizations";
    }
}
