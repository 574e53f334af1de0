package io.hireflow.interviews;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.shared.Actor;
import io.hireflow.shared.HireflowException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.PublicAddress;
import io.hireflow.shared.Role;

/**
 * The Interviews page: the interviews the signed-in user is on the panel of; for recruiters, the candidates' requests
 * for remote interviews with their answers; for admins, the organization's in-person policy.
 */
@Controller
class InterviewPagesController {

    private final Interviews interviews;
    private final RemoteExceptions remote;
    private final PublicAddress publicAddress;
    private final MessageSource messages;

    InterviewPagesController(Interviews interviews, RemoteExceptions remote, PublicAddress publicAddress,
            MessageSource messages) {
        this.interviews = interviews;
        this.remote = remote;
        this.publicAddress = publicAddress;
        this.messages = messages;
    }

    @GetMapping("/interviews")
    @PreAuthorize(Role.STAFF)
    String page(Actor actor, Model page) {
        page.addAttribute("mine", interviews.mine(actor));
        page.addAttribute("shown", Interviews.MINE);
        if (actor.hasAny(Role.RECRUITER, Role.ADMIN, Role.HIRING_MANAGER)) {
            page.addAttribute("requests", remote.list(actor.organizationId(), null));
        }
        page.addAttribute("policy", remote.policy(actor.organizationId()));
        page.addAttribute("kinds", InterviewKind.values());
        return "interviews/interviews";
    }

    @PostMapping("/remote-exceptions/{remoteExceptionId}/decision")
    @PreAuthorize(Role.RECRUITING)
    String decide(Actor actor, @PathVariable UUID remoteExceptionId, @RequestParam(required = false) Boolean approve,
            @RequestParam(required = false) String note, @RequestParam(required = false) String videoLink,
            RedirectAttributes redirect, Locale locale) {
        try {
            remote.decide(actor, remoteExceptionId, approve, note, videoLink, publicAddress.of(""));
            redirect.addFlashAttribute("notice", Boolean.TRUE.equals(approve) ? "interviews.remote.approved"
                    : "interviews.remote.declined");
        } catch (InvalidInputException invalid) {
            PageRefusals.flash(redirect, "interviews.remote.refused", String.join(" ", invalid.problems().stream()
                    .map(problem -> problem.field() + ": "
                            + messages.getMessage(problem.code(), problem.arguments(), problem.code(), locale))
                    .toList()));
        } catch (HireflowException refusal) {
            PageRefusals.flash(redirect, "interviews.remote.refused", PageRefusals.text(messages, refusal, locale));
        }
        return "redirect:/interviews";
    }

    @PostMapping("/interviews/policy")
    @PreAuthorize(Role.ADMINISTRATING)
    String policy(Actor actor, @RequestParam(required = false) List<String> remoteKinds, RedirectAttributes redirect) {
        remote.updatePolicy(actor, remoteKinds == null ? List.of() : remoteKinds);
        redirect.addFlashAttribute("notice", "interviews.policy.saved");
        return "redirect:/interviews";
    }
}
