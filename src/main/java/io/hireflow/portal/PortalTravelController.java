package io.hireflow.portal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.interviews.travel.TravelClaims;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;

/**
 * The candidate claims travel for an in-person interview: trips as rows of the form ({@code tripDate}, {@code
 * tripFrom}, {@code tripTo}, {@code tripMode}, {@code tripAmount}, one of each per row; empty rows are skipped), PDF
 * receipts and the bank details the payment needs. A refusal names every problem in the candidate's words and stores
 * nothing.
 */
@Controller
class PortalTravelController {

    private final TravelClaims claims;
    private final MessageSource messages;
    private final Clock clock;

    PortalTravelController(TravelClaims claims, MessageSource messages, Clock clock) {
        this.claims = claims;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping("/portal/interviews/{interviewId}/travel-claim")
    String claim(@PathVariable UUID interviewId, @RequestParam(required = false) List<MultipartFile> receipts,
            @RequestParam(required = false) String accountHolder, @RequestParam(required = false) String bankName,
            @RequestParam(required = false) String accountNumber, HttpServletRequest request,
            RedirectAttributes redirect, Locale locale) {
        Optional<String> email = PortalController.signedIn(request, clock);
        if (email.isEmpty()) {
            return "redirect:/portal";
        }
        List<MultipartFile> files = receipts == null ? List.of() : receipts;
        try {
            claims.submit(email.get(), interviewId, trips(request),
                    PortalForms.uploads(files, TravelClaims.Upload::new),
                    new TravelClaims.BankDraft(accountHolder, bankName, accountNumber));
            redirect.addFlashAttribute("notice", "portal.travel.submitted");
        } catch (InvalidInputException invalid) {
            PortalForms.refuse(redirect, messages, "portal.travel.refused", "portal.travel.problem", invalid,
                    field -> label(field, files, locale), locale);
        } catch (ConflictException refusal) {
            PageRefusals.flash(redirect, refusal);
        } catch (IOException unreadable) {
            redirect.addFlashAttribute("problem", "portal.travel.unreadable");
            redirect.addFlashAttribute("problemArgs", new Object[0]);
        }
        return "redirect:/portal";
    }

    private static List<TravelClaims.TripDraft> trips(HttpServletRequest request) {
        String[] dates = values(request, "tripDate");
        String[] from = values(request, "tripFrom");
        String[] to = values(request, "tripTo");
        String[] modes = values(request, "tripMode");
        String[] amounts = values(request, "tripAmount");
        int rows = Math.max(Math.max(dates.length, from.length), Math.max(Math.max(to.length, modes.length),
                amounts.length));
        List<TravelClaims.TripDraft> trips = new ArrayList<>();
        for (int i = 0; i < Math.min(rows, TravelClaims.MAX_TRIPS + 1); i++) {
            trips.add(new TravelClaims.TripDraft(at(dates, i), at(from, i), at(to, i), at(modes, i), at(amounts, i)));
        }
        return trips;
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    private static String at(String[] values, int i) {
        return i < values.length ? values[i] : null;
    }

    // a problem's field in the candidate's words: a trip by its number, a receipt by its file name, or the field
    private String label(String field, List<MultipartFile> files, Locale locale) {
        if (field.startsWith("trips[")) {
            int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
            String part = field.substring(field.indexOf(']') + 2);
            return messages.getMessage("portal.travel.field.trip", new Object[] {index + 1,
                    messages.getMessage("travel.claim." + switch (part) {
                        case "amountKrw" -> "amount";
                        default -> part;
                    }, null, part, locale)}, locale);
        }
        if (field.startsWith("receipts[")) {
            int index = Integer.parseInt(field.substring(9, field.indexOf(']')));
            return messages.getMessage("portal.assignment.file", new Object[] {PortalForms.fileName(files, index)},
                    locale);
        }
        return messages.getMessage("portal.travel.field." + field, null, field, locale);
    }
}
