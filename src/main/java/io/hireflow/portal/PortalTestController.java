package io.hireflow.portal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.assessments.TestTaking;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Taking an online test in the portal. The page shows the remaining time as the server counts it and every answer
 * saved so far; the page's script saves each answer as it changes ({@code POST …/answers}, answered with a line of
 * text for the page to show), so reloading, closing the tab or losing the connection loses at most the answer being
 * typed.
 */
@Controller
class PortalTestController {

    private final TestTaking taking;
    private final MessageSource messages;
    private final Clock clock;

    PortalTestController(TestTaking taking, MessageSource messages, Clock clock) {
        this.taking = taking;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute
    void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }

    @GetMapping("/portal/tests/{sittingId}")
    String paper(@PathVariable UUID sittingId, HttpServletRequest request, Model page) {
        Optional<String> email = PortalController.signedIn(request, clock);
        if (email.isEmpty()) {
            return "redirect:/portal";
        }
        page.addAttribute("paper", taking.paper(email.get(), sittingId));
        return "portal/test";
    }

    @PostMapping("/portal/tests/{sittingId}/start")
    String start(@PathVariable UUID sittingId, HttpServletRequest request, RedirectAttributes redirect) {
        Optional<String> email = PortalController.signedIn(request, clock);
        if (email.isEmpty()) {
            return "redirect:/portal";
        }
        try {
            taking.start(email.get(), sittingId);
        } catch (ConflictException refusal) {
            PageRefusals.flash(redirect, refusal);
        }
        return "redirect:/portal/tests/" + sittingId;
    }

    @PostMapping(path = "/portal/tests/{sittingId}/answers", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> save(@PathVariable UUID sittingId, @RequestParam(required = false) Integer position,
            HttpServletRequest request, Locale locale) {
        Optional<String> email = PortalController.signedIn(request, clock);
        if (email.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(text("portal.test.signedOut", locale));
        }
        // the values as sent: bound to a List, a single value is split at its commas, and a choice or a text with a
        // comma in it would be refused or saved in pieces
        String[] values = request.getParameterValues("answer");
        List<String> answer = values == null ? null : Arrays.asList(values);
        try {
            taking.save(email.get(), sittingId, position, answer);
            return ResponseEntity.ok(text("portal.test.saved", locale));
        } catch (InvalidInputException invalid) {
            var problem = invalid.problems().get(0);
            return ResponseEntity.badRequest().body(problem.field() + ": "
                    + messages.getMessage(problem.code(), problem.arguments(), locale));
        } catch (ConflictException refusal) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(text(refusal.code(), locale));
        } catch (NotFoundException missing) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(text("portal.test.notFound", locale));
        }
    }

    @PostMapping("/portal/tests/{sittingId}/submit")
    String submit(@PathVariable UUID sittingId, HttpServletRequest request, RedirectAttributes redirect) {
        Optional<String> email = PortalController.signedIn(request, clock);
        if (email.isEmpty()) {
            return "redirect:/portal";
        }
        try {
            taking.submit(email.get(), sittingId);
            redirect.addFlashAttribute("notice", "portal.test.submitted");
        } catch (ConflictException refusal) {
            PageRefusals.flash(redirect, refusal);
        }
        return "redirect:/portal/tests/" + sittingId;
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }
}
