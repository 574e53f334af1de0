package io.hireflow.identity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.shared.Actor;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;

/**
 * The signed-in user's personal API tokens. A new token's secret travels to the next page as a flash attribute and is
 * shown there once; after that only its prefix is known.
 */
@Controller
class AccountTokensController {

    private final IdentityManagement identity;

    AccountTokensController(IdentityManagement identity) {
        this.identity = identity;
    }

    record TokenForm(
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{identity.validation.max100}")
            String name) {
    }

    /** A token as the list shows it, its times in the organization's time zone. */
    record TokenRow(UUID id, String name, String prefix, LocalDateTime createdAt, LocalDateTime lastUsedAt,
            LocalDateTime revokedAt, boolean active) {

        static TokenRow of(ApiTokenView token, ZoneId zone) {
            return new TokenRow(token.id(), token.name(), token.prefix(), local(token.createdAt(), zone),
                    local(token.lastUsedAt(), zone), local(token.revokedAt(), zone), token.active());
        }

        private static LocalDateTime local(Instant instant, ZoneId zone) {
            return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
        }
    }

    @GetMapping("/account/tokens")
    @PreAuthorize("isAuthenticated()")
    String tokens(Actor actor, Model model) {
        model.addAttribute("tokenForm", new TokenForm(""));
        return page(actor, model);
    }

    @PostMapping("/account/tokens")
    @PreAuthorize("isAuthenticated()")
    String createToken(Actor actor, @Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                IssuedToken issued = identity.createToken(actor, form.name());
                redirect.addFlashAttribute("secret", issued.secret());
                redirect.addFlashAttribute("notice", "identity.tokens.createdNotice");
                redirect.addFlashAttribute("noticeArgs", new Object[] {issued.token().name()});
                return "redirect:/account/tokens";
            } catch (InvalidInputException refused) {
                PageRefusals.beside(binding, refused, model);
            }
        }
        return page(actor, model);
    }

    @PostMapping("/account/tokens/{tokenId}/revoke")
    @PreAuthorize("isAuthenticated()")
    String revoke(Actor actor, @PathVariable UUID tokenId, RedirectAttributes redirect) {
        ApiTokenView token = identity.revokeToken(actor, tokenId);
        redirect.addFlashAttribute("notice", "identity.tokens.revokedNotice");
        redirect.addFlashAttribute("noticeArgs", new Object[] {token.name()});
        return "redirect:/account/tokens";
    }

    private String page(Actor actor, Model model) {
        model.addAttribute("tokens", identity.tokens(actor).stream()
                .map(token -> TokenRow.of(token, actor.timeZone())).toList());
        return "identity/tokens";
    }
}
