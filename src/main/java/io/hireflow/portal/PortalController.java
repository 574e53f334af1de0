package io.hireflow.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

import io.hireflow.assessments.Assignments;
import io.hireflow.candidates.CandidateDocuments;
import io.hireflow.candidates.CandidateManagement;
import io.hireflow.candidates.DataRequests;
import io.hireflow.interviews.travel.TravelClaims;
import io.hireflow.offers.CandidateOffer;
import io.hireflow.offers.Offers;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.Languages;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.PublicAddress;
import io.hireflow.shared.RateLimits;
import io.hireflow.shared.TooManyRequestsException;

/**
 * The candidate portal's pages. A candidate is signed in when their session holds the email a sign-in link was
 * redeemed for, until the session length has passed; nothing else of the staff sign-in is involved. Following an
 * emailed link only shows a button: the link is used up by the button's POST, so a mail scanner that opens links
 * does not spend it.
 */
@Controller
class PortalController {

    private static final String EMAIL = "portal.email";
    private static final String UNTIL = "portal.until";
    private static final Pattern PLAIN_EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}$");

    private final PortalSignIn signIn;
    private final MyApplications applications;
    private final MyData data;
    private final CandidateManagement candidates;
    private final RateLimits rateLimits;
    private final PortalProperties properties;
    private final JsonMapper json;
    private final MessageSource messages;
    private final PublicAddress publicAddress;
    private final Clock clock;
    private final TravelClaims travel;
    private final Offers offers;

    PortalController(PortalSignIn signIn, MyApplications applications, MyData data, CandidateManagement candidates,
            RateLimits rateLimits, PortalProperties properties, JsonMapper json, MessageSource messages,
            PublicAddress publicAddress, Clock clock, TravelClaims travel, Offers offers) {
        this.travel = travel;
        this.offers = offers;
        this.messages = messages;
        this.publicAddress = publicAddress;
        this.signIn = signIn;
        this.data = data;
        this.candidates = candidates;
        this.json = json;
        this.applications = applications;
        this.rateLimits = rateLimits;
        this.properties = properties;
        this.clock = clock;
    }

    @ModelAttribute
    void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }

    @GetMapping("/portal")
    String home(HttpServletRequest request, Model page, Locale locale) {
        Optional<String> email = signedIn(request);
        if (email.isEmpty()) {
            return "portal/sign-in";
        }
        return applicationsPage(email.get(), page, locale, data.contact(email.get()));
    }

    private String applicationsPage(String email, Model page, Locale locale, CandidateManagement.Contact contact) {
        page.addAttribute("email", email);
        page.addAttribute("applications", applications.of(email, locale));
        page.addAttribute("travel", travel.forCandidate(email, locale));
        // every offer sent to this email, in one call for the page (not one per application), by application
        page.addAttribute("offers", offers.forCandidate(email).stream()
                .collect(Collectors.groupingBy(CandidateOffer::applicationId)));
        page.addAttribute("holders", data.holders(email));
        page.addAttribute("contact", contact);
        return "portal/applications";
    }

    @PostMapping("/portal/contact")
    String contact(@Valid @ModelAttribute("contact") CandidateManagement.Contact contact, BindingResult result,
            HttpServletRequest request, HttpServletResponse response, Model page, Locale locale,
            RedirectAttributes redirect) {
        Optional<String> email = signedIn(request);
        if (email.isEmpty()) {
            return "redirect:/portal";
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return applicationsPage(email.get(), page, locale, contact);
        }
        candidates.updateContact(email.get(), contact);
        redirect.addFlashAttribute("notice", "portal.contact.saved");
        return "redirect:/portal";
    }

    @PostMapping("/portal/requests")
    String ask(@RequestParam UUID organizationId, @RequestParam DataRequests.Kind kind,
            @RequestParam(required = false) String note, HttpServletRequest request, RedirectAttributes redirect) {
        Optional<String> email = signedIn(request);
        if (email.isEmpty()) {
            return "redirect:/portal";
        }
        data.ask(email.get(), organizationId, kind, note);
        redirect.addFlashAttribute("notice", "portal.requests.asked." + kind);
        return "redirect:/portal";
    }

    /** Everything Hireflow holds about the signed-in person, as a JSON download. */
    @GetMapping("/portal/export")
    ResponseEntity<String> export(HttpServletRequest request) {
        Optional<String> email = signedIn(request);
        if (email.isEmpty()) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/portal").build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("hireflow-my-data.json").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsString(data.export(email.get())));
    }

    @PostMapping("/portal/sign-in")
    String requestLink(@RequestParam(required = false) String email, Model page, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        String address = email == null ? "" : email.strip();
        page.addAttribute("email", address);
        if (!PLAIN_EMAIL.matcher(address).matches() || address.length() > 254) {
            page.addAttribute("emailError", "validation.email");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "portal/sign-in";
        }
        try {
            rateLimits.hit("portal/address/" + request.getRemoteAddr(), properties.linksPerAddressPerHour(),
                    Duration.ofHours(1), "error.portal.tooManyFromAddress");
            rateLimits.hit("portal/email/" + address.toLowerCase(Locale.ROOT), properties.linksPerEmailPerHour(),
                    Duration.ofHours(1), "error.portal.tooManyForEmail");
        } catch (TooManyRequestsException refusal) {
            response.setHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            PageRefusals.onPage(page, refusal);
            return "portal/sign-in";
        }
        signIn.sendLink(address, Languages.of(locale), publicAddress.of("/portal/sign-in/"),
                request.getRemoteAddr());
        page.addAttribute("minutes", properties.linkValidity().toMinutes());
        return "portal/link-sent";
    }

    /** The page an emailed link opens: a button that signs in (the link is not used up by opening it). */
    @GetMapping("/portal/sign-in/{token}")
    String confirm(@PathVariable String token, Model page) {
        page.addAttribute("token", token);
        return "portal/confirm";
    }

    @PostMapping("/portal/sign-in/{token}")
    String redeem(@PathVariable String token, HttpServletRequest request, Model page,
            HttpServletResponse response) {
        Optional<String> email = signIn.redeem(token);
        if (email.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            page.addAttribute("problem", "error.portal.linkInvalid");
            page.addAttribute("problemArgs", new Object[] {properties.linkValidity().toMinutes()});
            return "portal/sign-in";
        }
        // a new session id at sign-in, so that an id planted before cannot ride along
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.setAttribute(EMAIL, email.get());
        session.setAttribute(UNTIL, clock.instant().plus(properties.sessionLength()));
        return "redirect:/portal";
    }

    @GetMapping("/portal/applications/{applicationId}/messages/{messageId}")
    String message(@PathVariable UUID applicationId, @PathVariable UUID messageId, HttpServletRequest request,
            Model page) {
        Optional<String> email = signedIn(request);
        if (email.isEmpty()) {
            return "redirect:/portal";
        }
        page.addAttribute("message", applications.message(email.get(), applicationId, messageId));
        return "portal/message";
    }

    @PostMapping("/portal/applications/{applicationId}/withdraw")
    String withdraw(@PathVariable UUID applicationId, @RequestParam(required = false) String reason,
            HttpServletRequest request, RedirectAttributes redirect) {
        Optional<String> email = signedIn(request);
        if (email.isEmpty()) {
            return "redirect:/portal";
        }
        applications.withdraw(email.get(), applicationId, reason);
        redirect.addFlashAttribute("notice", "portal.withdrawn");
        return "redirect:/portal";
    }

    /**
     * The hand-in form: {@code link} and {@code files}, as the assignment asks. A refusal comes back on the page
     * naming each problem (the link, or the file by its name) and nothing is stored.
     */
    @PostMapping("/portal/applications/{applicationId}/assignment")
    String submitAssignment(@PathVariable UUID applicationId, @RequestParam(required = false) String link,
            @RequestParam(required = false) List<MultipartFile> files, HttpServletRequest request,
            RedirectAttributes redirect, Locale locale) {
        Optional<String> email = signedIn(request);
        if (email.isEmpty()) {
            return "redirect:/portal";
        }
        List<MultipartFile> given = files == null ? List.of() : files;
        try {
            applications.submitAssignment(email.get(), applicationId, link,
                    PortalForms.uploads(given, Assignments.Upload::new), publicAddress.of(""));
            redirect.addFlashAttribute("notice", "portal.assignment.submitted");
        } catch (InvalidInputException invalid) {
            PortalForms.refuse(redirect, messages, "portal.assignment.refused", "portal.assignment.problem", invalid,
                    field -> label(field, given, locale), locale);
        } catch (ConflictException refusal) {
            PageRefusals.flash(redirect, refusal);
        } catch (IOException unreadable) {
            redirect.addFlashAttribute("problem", "portal.assignment.unreadable");
            redirect.addFlashAttribute("problemArgs", new Object[0]);
        }
        return "redirect:/portal";
    }

    // a problem's field in the candidate's words: the link, the files, or one file by the name it came with
    private String label(String field, List<MultipartFile> files, Locale locale) {
        if (field.startsWith("files[")) {
            int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
            return messages.getMessage("portal.assignment.file", new Object[] {PortalForms.fileName(files, index)},
                    locale);
        }
        return messages.getMessage("portal.assignment.field." + field, null, field, locale);
    }

    /** A file the candidate handed in, for them to download: as an attachment of its real type, never cached. */
    @GetMapping("/portal/applications/{applicationId}/documents/{documentId}")
    ResponseEntity<byte[]> file(@PathVariable UUID applicationId, @PathVariable UUID documentId,
            HttpServletRequest request) {
        Optional<String> email = signedIn(request);
        if (email.isEmpty()) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/portal").build();
        }
        CandidateDocuments.Content content = applications.file(email.get(), applicationId, documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.document().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.document().originalName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content.bytes());
    }

    @PostMapping("/portal/sign-out")
    String signOut(HttpServletRequest request, RedirectAttributes redirect) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(EMAIL);
            session.removeAttribute(UNTIL);
            request.changeSessionId();
        }
        redirect.addFlashAttribute("notice", "portal.signedOut");
        return "redirect:/portal";
    }

    private Optional<String> signedIn(HttpServletRequest request) {
        return signedIn(request, clock);
    }

    /** The email the request's session was signed in with, while its time lasts. */
    static Optional<String> signedIn(HttpServletRequest request, Clock clock) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(EMAIL) instanceof String email)
                || !(session.getAttribute(UNTIL) instanceof Instant until)) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(until)) {
            session.removeAttribute(EMAIL);
            session.removeAttribute(UNTIL);
            return Optional.empty();
        }
        return Optional.of(email);
    }
}
