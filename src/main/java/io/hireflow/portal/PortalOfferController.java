package io.hireflow.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

import io.hireflow.identity.OrganizationView;
import io.hireflow.offers.CandidateOffer;
import io.hireflow.offers.DeclineReason;
import io.hireflow.offers.OfferForm;
import io.hireflow.offers.OfferTerms;
import io.hireflow.offers.Offers;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;

/**
 * The candidate's offer in the portal: the version in hand with its terms, its letter and until when it holds; the
 * thread as the candidate may see it (the company's sent versions and their own counter-proposals, each with what
 * changed); and their answer to the version in hand: accept it, decline it with a reason, or counter it with a
 * message. The counter form shows every term but the expiry day, filled in, because a text term left blank is cleared.
 * A refused answer is named field by field in the candidate's words and nothing is stored; refused terms come back
 * as they were typed.
 */
@Controller
class PortalOfferController {

    /** What the counter form sends besides the version it answers: every term but the expiry day, and a message. */
    static final List<String> COUNTER_FIELDS = List.of("level", "title", "baseSalaryKrw", "signOnBonusKrw",
            "bonusTargetPercent", "stockOptions", "vesting", "startDate", "workLocation", "otherTerms", "message");

    private static final String TYPED = "counterTyped";

    private final Offers offers;
    private final MyApplications applications;
    private final MessageSource messages;
    private final Clock clock;

    PortalOfferController(Offers offers, MyApplications applications, MessageSource messages, Clock clock) {
        this.offers = offers;
        this.applications = applications;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute
    void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }

    @GetMapping("/portal/offers/{offerId}")
    String offer(@PathVariable UUID offerId, HttpServletRequest request, Model page) {
        Optional<String> email = PortalController.signedIn(request, clock);
        if (email.isEmpty()) {
            return "redirect:/portal";
        }
        CandidateOffer offer = offers.forCandidate(email.get(), offerId);
        OrganizationView organization = applications.organization(email.get(), offer.applicationId());
        page.addAttribute("offer", offer);
        page.addAttribute("zone", organization.timeZone());
        // the offer holds to the end of a day in the organization's zone: expiresAt is the start of the next one
        page.addAttribute("holdsUntil", offer.expiresAt() == null ? null
                : LocalDate.ofInstant(offer.expiresAt().minusNanos(1), organization.timeZone()));
        page.addAttribute("fields", OfferTerms.FIELDS);
        // the expiry day of the terms is left out: an extension moves the offer's expiry, not the terms'
        page.addAttribute("inHandFields", OfferTerms.FIELDS.stream().filter(field -> !field.equals("expiresOn"))
                .toList());
        page.addAttribute("reasons", DeclineReason.values());
        if (offer.sent() != null) {
            page.addAttribute("form", page.getAttribute(TYPED) instanceof Map<?, ?> typed ? typed(typed)
                    : OfferForm.of(offer.sent().terms()));
        }
        return "portal/offer";
    }

    @PostMapping("/portal/offers/{offerId}/accept")
    String accept(@PathVariable UUID offerId, @RequestParam(required = false) Integer version,
            HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        return answer(request, offerId, redirect, locale, "portal.offer.accepted", "portal.offer.notAccepted",
                email -> offers.accept(email, offerId, version));
    }

    @PostMapping("/portal/offers/{offerId}/decline")
    String decline(@PathVariable UUID offerId, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String note,
            HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        return answer(request, offerId, redirect, locale, "portal.offer.declined", "portal.offer.notDeclined",
                email -> offers.decline(email, offerId, version, reason, note));
    }

    @PostMapping("/portal/offers/{offerId}/counter")
    String counter(@PathVariable UUID offerId, @RequestParam(required = false) Integer version,
            HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : COUNTER_FIELDS) {
            String value = request.getParameter(field);
            typed.put(field, value == null ? "" : value);
        }
        OfferForm form = typed(typed);
        String answered = answer(request, offerId, redirect, locale, "portal.offer.countered",
                "portal.offer.notCountered", email -> offers.counter(email, offerId, version, form.draft()));
        if (redirect.getFlashAttributes().containsKey("problem")) {
            // a plain map: the flash lives in the session, which is serialized into the database
            redirect.addFlashAttribute(TYPED, typed);
        }
        return answered;
    }

    /** A sent version's letter, as the candidate got it by email; shown in the browser, never cached. */
    @GetMapping("/portal/offers/{offerId}/versions/{number}/letter")
    ResponseEntity<byte[]> letter(@PathVariable UUID offerId, @PathVariable int number,
            HttpServletRequest request) {
        Optional<String> email = PortalController.signedIn(request, clock);
        if (email.isEmpty()) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/portal").build();
        }
        byte[] pdf = offers.letterForCandidate(email.get(), offerId, number);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("offer-v" + number + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    /**
     * An answer to the offer, back on the offer's page: the notice {@code done}, or {@code refused} with each problem
     * in the candidate's words, or the refusal of the offer's state. An offer not theirs is not found (404).
     */
    private String answer(HttpServletRequest request, UUID offerId, RedirectAttributes redirect, Locale locale,
            String done, String refused, Function<String, CandidateOffer> work) {
        Optional<String> email = PortalController.signedIn(request, clock);
        if (email.isEmpty()) {
            return "redirect:/portal";
        }
        try {
            work.apply(email.get());
            redirect.addFlashAttribute("notice", done);
        } catch (InvalidInputException invalid) {
            PageRefusals.flash(redirect, refused, invalid.problems().stream()
                    .map(problem -> inWords(problem, locale)).collect(Collectors.joining(" ")));
        } catch (ConflictException refusal) {
            PageRefusals.flash(redirect, refusal);
        }
        return "redirect:/portal/offers/" + offerId;
    }

    // one problem as a sentence: the field by its name on the form, then what is wrong with it
    private String inWords(InvalidInputException.FieldProblem problem, Locale locale) {
        if (problem.code().equals("validation.offer.noChange")) {
            return messages.getMessage("portal.offer.noChange", null, locale);
        }
        if (problem.field().equals("reason")) {
            return messages.getMessage("portal.offer.chooseReason", null, locale);
        }
        String label = messages.getMessage("portal.offer.field." + problem.field(), null,
                messages.getMessage("offers.term." + problem.field(), null, problem.field(), locale), locale);
        return messages.getMessage("portal.offer.problem", new Object[] {label,
                messages.getMessage(problem.code(), problem.arguments(), problem.code(), locale)}, locale);
    }

    /** The counter form as it was typed; never an expiry day, which is the company's to set. */
    private static OfferForm typed(Map<?, ?> typed) {
        Function<String, String> value = field -> typed.get(field) instanceof String text ? text : "";
        return new OfferForm(value.apply("level"), value.apply("title"), value.apply("baseSalaryKrw"),
                value.apply("signOnBonusKrw"), value.apply("bonusTargetPercent"), value.apply("stockOptions"),
                value.apply("vesting"), value.apply("startDate"), value.apply("workLocation"),
                value.apply("otherTerms"), null, value.apply("message"));
    }
}
