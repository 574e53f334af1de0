package io.hireflow.portal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.interviews.Interviews;
import io.hireflow.interviews.RemoteExceptions;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.PublicAddress;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The candidate's interviews in the portal: picking a time from the slots offered (first come, first served), and
 * asking for an interview held in person to be remote.
 */
@Controller
class PortalInterviewController {

    private final Interviews interviews;
    private final RemoteExceptions remote;
    private final PublicAddress publicAddress;
    private final Clock clock;

    PortalInterviewController(Interviews interviews, RemoteExceptions remote, PublicAddress publicAddress,
            Clock clock) {
        this.interviews = interviews;
        this.remote = remote;
        this.publicAddress = publicAddress;
        this.clock = clock;
    }

    @PostMapping("/portal/interviews/{interviewId}/slot")
    String pick(@PathVariable UUID interviewId, @RequestParam(required = false) UUID slotId,
            HttpServletRequest request, RedirectAttributes redirect) {
        Optional<String> email = PortalController.signedIn(request, clock);
        if (email.isEmpty()) {
            return "redirect:/portal";
        }
        try {
            if (slotId == null) {
                throw new InvalidInputException("slotId", "validation.interview.notASlot");
            }
            interviews.pick(email.get(), interviewId, slotId, publicAddress.of(""));
            redirect.addFlashAttribute("notice", "portal.interview.picked");
        } catch (InvalidInputException | ConflictException refusal) {
            PageRefusals.flash(redirect, refusal);
        }
        return "redirect:/portal";
    }

    @PostMapping("/portal/interviews/{interviewId}/remote")
    String askRemote(@PathVariable UUID interviewId, @RequestParam(required = false) String format,
            @RequestParam(required = false) String reason, HttpServletRequest request, RedirectAttributes redirect) {
        Optional<String> email = PortalController.signedIn(request, clock);
        if (email.isEmpty()) {
            return "redirect:/portal";
        }
        try {
            remote.request(email.get(), interviewId, format, reason);
            redirect.addFlashAttribute("notice", "portal.interview.remoteAsked");
        } catch (InvalidInputException | ConflictException refusal) {
            PageRefusals.flash(redirect, refusal);
        }
        return "redirect:/portal";
    }
}
