package io.hireflow.identity;

import java.time.Clock;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.shared.Actor;
import io.hireflow.shared.InvalidInputException;

/** The signed-in user's own account: the time zone their pages and emails use, and the way to their API tokens. */
@Controller
class AccountController {

    private final IdentityManagement identity;
    private final Clock clock;

    AccountController(IdentityManagement identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    @GetMapping("/account")
    @PreAuthorize("isAuthenticated()")
    String account(Actor actor, Model model) {
        StaffUserView user = identity.user(actor.organizationId(), actor.userId());
        OrganizationView organization = identity.organization(actor.organizationId());
        model.addAttribute("user", user);
        model.addAttribute("organizationZone", organization.timeZone().getId());
        model.addAttribute("timeZones", TimeZoneChoices.including(user.timeZone() == null ? null
                : user.timeZone().getId(), clock.instant()));
        return "identity/account";
    }

    @PostMapping("/account")
    @PreAuthorize("isAuthenticated()")
    String save(Actor actor, @RequestParam(required = false) String timeZone, RedirectAttributes redirect) {
        try {
            identity.setOwnTimeZone(actor, timeZone);
            redirect.addFlashAttribute("notice", "identity.account.saved");
        } catch (InvalidInputException refused) {
            redirect.addFlashAttribute("problem", refused.problems().get(0).code());
            redirect.addFlashAttribute("problemArgs", refused.problems().get(0).arguments());
        }
        return "redirect:/account";
    }
}
