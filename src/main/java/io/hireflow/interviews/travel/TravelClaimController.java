package io.hireflow.interviews.travel;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.shared.Actor;
import io.hireflow.shared.EnumNames;
import io.hireflow.shared.HireflowException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/**
 * Staff pages of travel support: the claims (filtered by status), one claim with its receipts and the actions that
 * still apply (approve, with an override for trips over the cap; reject with a reason; mark paid), and the policy in
 * the settings.
 */
@Controller
class TravelClaimController {

    private final TravelClaims claims;
    private final TravelPolicies policies;
    private final MessageSource messages;

    TravelClaimController(TravelClaims claims, TravelPolicies policies, MessageSource messages) {
        this.claims = claims;
        this.policies = policies;
        this.messages = messages;
    }

    @ModelAttribute
    void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }

    @GetMapping("/travel-claims")
    @PreAuthorize(Role.RECRUITING)
    String list(Actor actor, @RequestParam(required = false) String status, Model page) {
        ClaimStatus wanted = status == null || status.isBlank() ? null : EnumNames.parse(ClaimStatus.class, status);
        page.addAttribute("claims", claims.list(actor, wanted));
        page.addAttribute("status", wanted);
        page.addAttribute("statuses", ClaimStatus.values());
        return "interviews/travel-claims";
    }

    @GetMapping("/travel-claims/{claimId}")
    @PreAuthorize(Role.RECRUITING)
    String claim(Actor actor, @PathVariable UUID claimId, Model page) {
        page.addAttribute("claim", claims.claim(actor, claimId));
        page.addAttribute("today", LocalDate.now(actor.timeZone()));
        return "interviews/travel-claim";
    }

    @PostMapping("/travel-claims/{claimId}/decision")
    @PreAuthorize(Role.RECRUITING)
    String decide(Actor actor, @PathVariable UUID claimId, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason, @RequestParam(defaultValue = "false") boolean override,
            @RequestParam(required = false) String overrideNote, @RequestParam(required = false) Long version,
            RedirectAttributes redirect, Locale locale) {
        try {
            TravelClaim decided = claims.decide(actor, claimId, new TravelClaims.Decision(decision, reason, override,
                    overrideNote, version));
            redirect.addFlashAttribute("notice", decided.status() == ClaimStatus.APPROVED ? "travel.claim.approved"
                    : "travel.claim.rejected");
        } catch (InvalidInputException | io.hireflow.shared.ConflictException refusal) {
            refuse(redirect, refusal, locale);
        }
        return "redirect:/travel-claims/" + claimId;
    }

    @PostMapping("/travel-claims/{claimId}/payment")
    @PreAuthorize(Role.RECRUITING)
    String pay(Actor actor, @PathVariable UUID claimId, @RequestParam(required = false) String paidOn,
            @RequestParam(required = false) Long version, RedirectAttributes redirect, Locale locale) {
        try {
            LocalDate day;
            try {
                day = paidOn == null || paidOn.isBlank() ? null : LocalDate.parse(paidOn.strip());
            } catch (DateTimeParseException notADate) {
                throw new InvalidInputException("paidOn", "validation.travel.date");
            }
            claims.markPaid(actor, claimId, day, version);
            redirect.addFlashAttribute("notice", "travel.claim.paid");
        } catch (InvalidInputException | io.hireflow.shared.ConflictException refusal) {
            refuse(redirect, refusal, locale);
        }
        return "redirect:/travel-claims/" + claimId;
    }

    @GetMapping("/settings/travel")
    @PreAuthorize(Role.ADMINISTRATING)
    String policy(Actor actor, Model page) {
        TravelPolicy policy = policies.policy(actor.organizationId());
        page.addAttribute("policy", policy);
        page.addAttribute("metroRegions", String.join("\n", policy.metroRegions()));
        page.addAttribute("modes", TravelMode.values());
        return "interviews/travel-settings";
    }

    @PostMapping("/settings/travel")
    @PreAuthorize(Role.ADMINISTRATING)
    String savePolicy(Actor actor, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) String metroRegions, @RequestParam(required = false) List<String> modes,
            @RequestParam(required = false) Integer capPerTripKrw,
            @RequestParam(defaultValue = "false") boolean receiptsRequired,
            @RequestParam(required = false) Long version, RedirectAttributes redirect, Locale locale) {
        try {
            policies.update(actor, new TravelPolicies.Draft(enabled, metroRegions == null ? List.of()
                    : Arrays.asList(metroRegions.split("[\\r\\n,]+")), modes == null ? List.of() : modes,
                    capPerTripKrw, receiptsRequired, version));
            redirect.addFlashAttribute("notice", "travel.settings.saved");
        } catch (InvalidInputException | io.hireflow.shared.ConflictException refusal) {
            refuse(redirect, refusal, locale);
        }
        return "redirect:/settings/travel";
    }

    private void refuse(RedirectAttributes redirect, HireflowException refusal, Locale locale) {
        String why;
        if (refusal instanceof InvalidInputException invalid) {
            why = String.join(" ", invalid.problems().stream().map(problem -> messages.getMessage(
                    "travel.refused.field", new Object[] {problem.field(), messages.getMessage(problem.code(),
                            problem.arguments(), problem.code(), locale)}, locale)).toList());
        } else {
            why = PageRefusals.text(messages, refusal, locale);
        }
        PageRefusals.flash(redirect, "travel.refused", why);
    }
}
