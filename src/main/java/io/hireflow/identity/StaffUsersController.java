package io.hireflow.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/**
 * The admin's list of the organization's users: add one, change roles, disable or enable. Every change takes effect on
 * the user's next request, open sessions included.
 */
@Controller
class StaffUsersController {

    /** The roles an admin can grant; the operator role belongs to the platform. */
    static final List<Role> GRANTABLE = List.of(Role.ADMIN, Role.RECRUITER, Role.HIRING_MANAGER, Role.INTERVIEWER);

    private final IdentityManagement identity;

    StaffUsersController(IdentityManagement identity) {
        this.identity = identity;
    }

    record NewUserForm(
            @NotBlank(message = "{validation.required}") @Email(message = "{identity.validation.email}")
            @Size(max = 254, message = "{identity.validation.max254}") String email,
            @NotBlank(message = "{validation.required}") @Size(max = 120, message = "{identity.validation.max120}")
            String name,
            @NotNull(message = "{validation.required}")
            @Size(min = 8, max = 200, message = "{identity.validation.password}") String password,
            @NotEmpty(message = "{validation.roles.required}") Set<Role> roles) {

        static NewUserForm empty() {
            return new NewUserForm("", "", "", EnumSet.noneOf(Role.class));
        }

        CreateUser command() {
            return new CreateUser(email.strip(), name.strip(), password, roles);
        }
    }

    @GetMapping("/settings/users")
    @PreAuthorize(Role.ADMINISTRATING)
    String users(Actor actor, Model model) {
        model.addAttribute("newUserForm", NewUserForm.empty());
        return page(actor, model);
    }

    @PostMapping("/settings/users")
    @PreAuthorize(Role.ADMINISTRATING)
    String addUser(Actor actor, @Valid @ModelAttribute("newUserForm") NewUserForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                StaffUserView user = identity.createUser(actor, form.command());
                redirect.addFlashAttribute("notice", "identity.users.added");
                redirect.addFlashAttribute("noticeArgs", new Object[] {user.displayName(), user.email()});
                return "redirect:/settings/users";
            } catch (InvalidInputException refused) {
                PageRefusals.beside(binding, refused, model);
            } catch (ConflictException refused) {
                if ("error.user.emailTaken".equals(refused.code())) {
                    PageRefusals.beside(binding, "email", refused);
                } else {
                    PageRefusals.onPage(model, refused);
                }
            }
        }
        return page(actor, model);
    }

    @PostMapping("/settings/users/{userId}/roles")
    @PreAuthorize(Role.ADMINISTRATING)
    String changeRoles(Actor actor, @PathVariable UUID userId, @RequestParam(required = false) Set<Role> roles,
            Model model, RedirectAttributes redirect) {
        Set<Role> chosen = roles == null ? EnumSet.noneOf(Role.class) : roles;
        try {
            StaffUserView user = identity.changeRoles(actor, userId, chosen);
            redirect.addFlashAttribute("notice", "identity.users.rolesChanged");
            redirect.addFlashAttribute("noticeArgs", new Object[] {user.displayName()});
            return "redirect:/settings/users";
        } catch (InvalidInputException refused) {
            var problem = refused.problems().get(0);
            if ("validation.roles.required".equals(problem.code())) {
                PageRefusals.onPage(model, "identity.users.noRoles",
                        new Object[] {identity.user(actor.organizationId(), userId).displayName()});
            } else {
                PageRefusals.onPage(model, problem.code(), problem.arguments());
            }
        } catch (ConflictException refused) {
            PageRefusals.onPage(model, refused);
        }
        model.addAttribute("newUserForm", NewUserForm.empty());
        return page(actor, model);
    }

    @PostMapping("/settings/users/{userId}/enabled")
    @PreAuthorize(Role.ADMINISTRATING)
    String setEnabled(Actor actor, @PathVariable UUID userId, @RequestParam boolean enabled, Model model,
            RedirectAttributes redirect) {
        try {
            StaffUserView user = identity.setEnabled(actor, userId, enabled);
            redirect.addFlashAttribute("notice", enabled ? "identity.users.enabledNotice" : "identity.users.disabledNotice");
            redirect.addFlashAttribute("noticeArgs", new Object[] {user.displayName()});
            return "redirect:/settings/users";
        } catch (ConflictException refused) {
            PageRefusals.onPage(model, refused);
        }
        model.addAttribute("newUserForm", NewUserForm.empty());
        return page(actor, model);
    }

    private String page(Actor actor, Model model) {
        model.addAttribute("organization", identity.organization(actor.organizationId()));
        model.addAttribute("users", identity.users(actor.organizationId()));
        model.addAttribute("grantable", GRANTABLE);
        model.addAttribute("myId", actor.userId());
        return "identity/users";
    }
}
