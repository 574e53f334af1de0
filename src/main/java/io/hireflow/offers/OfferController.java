package io.hireflow.offers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.identity.IdentityManagement;
import io.hireflow.jobs.Job;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.EnumNames;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Staff pages of offers: making one from an application in an offer stage; the offer's thread (every version with
 * what changed, the messages, approvals and events) with the steps that apply now (a new version, approval, sending,
 * extending, withdrawing); the organization's offers with how they ended and why candidates declined; a job's salary
 * bands; the approvers and the letter's wording in the settings. A form refused for its terms comes back with each
 * problem beside its field; a step refused for the offer's state says why at the top. Compensation is on none of the
 * pages an interviewer can open.
 */
@Controller
class OfferController {

    private final Offers offers;
    private final SalaryBands bands;
    private final OfferLetters letters;
    private final PipelineManagement pipeline;
    private final JobManagement jobs;
    private final IdentityManagement identity;
    private final MessageSource messages;

    OfferController(Offers offers, SalaryBands bands, OfferLetters letters, PipelineManagement pipeline,
            JobManagement jobs, IdentityManagement identity, MessageSource messages) {
        this.offers = offers;
        this.bands = bands;
        this.letters = letters;
        this.pipeline = pipeline;
        this.jobs = jobs;
        this.identity = identity;
        this.messages = messages;
    }

    @ModelAttribute
    void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }

    // --- making an offer ---------------------------------------------------------------------------------------------

    @GetMapping("/applications/{applicationId}/offer")
    @PreAuthorize(Role.DECIDING)
    String start(Actor actor, @PathVariable UUID applicationId, Model page) {
        List<Offer> made = offers.ofApplication(actor, applicationId);
        for (Offer offer : made) {
            if (offer.status().live()) {
                return "redirect:/offers/" + offer.id();
            }
        }
        ApplicationView application = pipeline.application(actor.organizationId(),
                new JobApplicationId(applicationId));
        Job job = jobs.job(actor.organizationId(), application.jobId());
        page.addAttribute("form", new OfferForm(null, job.title(), null, "0", "0", "0", null, null,
                job.locations().isEmpty() ? null : job.locations().get(0), null, null, null));
        return newOffer(actor, application, job, made, Map.of(), page);
    }

    @PostMapping("/applications/{applicationId}/offers")
    @PreAuthorize(Role.DECIDING)
    String create(Actor actor, @PathVariable UUID applicationId, OfferForm form, Model page,
            RedirectAttributes redirect, Locale locale) {
        try {
            Offer offer = offers.create(actor, applicationId, form.draft());
            redirect.addFlashAttribute("notice", "offers.page.created");
            return "redirect:/offers/" + offer.id();
        } catch (InvalidInputException invalid) {
            ApplicationView application = pipeline.application(actor.organizationId(),
                    new JobApplicationId(applicationId));
            page.addAttribute("form", form);
            return newOffer(actor, application, jobs.job(actor.organizationId(), application.jobId()),
                    offers.ofApplication(actor, applicationId), problems(invalid, locale), page);
        } catch (ConflictException refusal) {
            PageRefusals.flash(redirect, refusal);
            return "redirect:/applications/" + applicationId + "/offer";
        }
    }

    private String newOffer(Actor actor, ApplicationView application, Job job, List<Offer> made,
            Map<String, String> problems, Model page) {
        page.addAttribute("jobApplication", application);
        page.addAttribute("job", job);
        page.addAttribute("earlier", made);
        page.addAttribute("bands", bands.bands(actor.organizationId(), job.id()));
        page.addAttribute("problems", problems);
        return "offers/new";
    }

    // --- one offer ---------------------------------------------------------------------------------------------------

    @GetMapping("/offers/{offerId}")
    @PreAuthorize(Role.DECIDING)
    String offer(Actor actor, @PathVariable UUID offerId, Model page) {
        Offer offer = offers.offer(actor, offerId);
        page.addAttribute("form", OfferForm.of(offer.latest().terms()));
        return offerPage(actor, offer, Map.of(), page);
    }

    @PostMapping("/offers/{offerId}/versions")
    @PreAuthorize(Role.DECIDING)
    String propose(Actor actor, @PathVariable UUID offerId, OfferForm form, Model page, RedirectAttributes redirect,
            Locale locale) {
        try {
            offers.propose(actor, offerId, form.draft());
            redirect.addFlashAttribute("notice", "offers.page.proposed");
        } catch (InvalidInputException invalid) {
            page.addAttribute("form", form);
            return offerPage(actor, offers.offer(actor, offerId), problems(invalid, locale), page);
        } catch (ConflictException refusal) {
            PageRefusals.flash(redirect, refusal);
        }
        return "redirect:/offers/" + offerId;
    }

    private String offerPage(Actor actor, Offer offer, Map<String, String> problems, Model page) {
        Offer.Version latest = offer.latest();
        page.addAttribute("offer", offer);
        page.addAttribute("fields", OfferTerms.FIELDS);
        page.addAttribute("problems", problems);
        page.addAttribute("canApprove", latest.approval() == Approval.PENDING && bands.approves(actor));
        page.addAttribute("canSend", offer.status().live() && latest.byCompany() && latest.sentAt() == null
                && (latest.approval() == Approval.NOT_NEEDED || latest.approval() == Approval.APPROVED));
        page.addAttribute("bands", bands.bands(actor.organizationId(), new JobId(offer.jobId())));
        page.addAttribute("tomorrow", LocalDate.now(actor.timeZone()).plusDays(1));
        page.addAttribute("headcount", offer.status() == OfferStatus.ACCEPTED
                ? offers.headcount(actor.organizationId(), offer.jobId()) : null);
        return "offers/offer";
    }

    @PostMapping("/offers/{offerId}/versions/{number}/approval")
    @PreAuthorize(Role.DECIDING)
    String approve(Actor actor, @PathVariable UUID offerId, @PathVariable int number,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String note,
            RedirectAttributes redirect, Locale locale) {
        Boolean approve = "APPROVE".equals(decision) ? Boolean.TRUE : "REJECT".equals(decision) ? Boolean.FALSE : null;
        return step(redirect, offerId, locale, approve == Boolean.FALSE ? "offers.page.rejected"
                : "offers.page.approved", () -> offers.decide(actor, offerId, number, approve, note));
    }

    @PostMapping("/offers/{offerId}/send")
    @PreAuthorize(Role.DECIDING)
    String send(Actor actor, @PathVariable UUID offerId, RedirectAttributes redirect, Locale locale) {
        return step(redirect, offerId, locale, "offers.page.sent", () -> offers.send(actor, offerId));
    }

    @PostMapping("/offers/{offerId}/extend")
    @PreAuthorize(Role.DECIDING)
    String extend(Actor actor, @PathVariable UUID offerId, @RequestParam(required = false) String expiresOn,
            RedirectAttributes redirect, Locale locale) {
        return step(redirect, offerId, locale, "offers.page.extended", () -> {
            LocalDate day;
            try {
                day = expiresOn == null || expiresOn.isBlank() ? null : LocalDate.parse(expiresOn.strip());
            } catch (DateTimeParseException notADate) {
                throw new InvalidInputException("expiresOn", "validation.offer.date");
            }
            return offers.extend(actor, offerId, day);
        });
    }

    @PostMapping("/offers/{offerId}/withdraw")
    @PreAuthorize(Role.DECIDING)
    String withdraw(Actor actor, @PathVariable UUID offerId, @RequestParam(required = false) String reason,
            RedirectAttributes redirect, Locale locale) {
        return step(redirect, offerId, locale, "offers.page.withdrawn", () -> offers.withdraw(actor, offerId,
                reason));
    }

    /** A step on the offer: its notice, or the refusal with each problem in words, at the top of the offer's page. */
    private String step(RedirectAttributes redirect, UUID offerId, Locale locale, String notice,
            java.util.function.Supplier<Offer> work) {
        try {
            work.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException invalid) {
            PageRefusals.flash(redirect, "offers.page.refused", String.join(" ", problems(invalid, locale)
                    .entrySet().stream().map(problem -> label(problem.getKey(), locale) + ": " + problem.getValue())
                    .toList()));
        } catch (ConflictException refusal) {
            PageRefusals.flash(redirect, refusal);
        }
        return "redirect:/offers/" + offerId;
    }

    /** Closes the offer's job once its headcount is filled by hires; the job stays as it was otherwise. */
    @PostMapping("/offers/{offerId}/close-job")
    @PreAuthorize(Role.RECRUITING)
    String closeJob(Actor actor, @PathVariable UUID offerId, RedirectAttributes redirect) {
        Offer offer = offers.offer(actor, offerId);
        Job job = jobs.job(actor.organizationId(), new JobId(offer.jobId()));
        if (offers.headcount(actor.organizationId(), offer.jobId()).full()
                && job.status() == io.hireflow.jobs.JobStatus.OPEN) {
            jobs.updateJob(actor, job.id(), new io.hireflow.jobs.UpdateJob(job.title(), job.team(), job.locations(),
                    job.employmentType(), job.description(), job.headcount(), io.hireflow.jobs.JobStatus.CLOSED),
                    job.version());
            redirect.addFlashAttribute("notice", "offers.page.jobClosed");
        }
        return "redirect:/offers/" + offerId;
    }

    @GetMapping("/offers/{offerId}/versions/{number}/letter")
    @PreAuthorize(Role.DECIDING)
    ResponseEntity<byte[]> letter(Actor actor, @PathVariable UUID offerId, @PathVariable int number) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"offer-v" + number + ".pdf\"")
                .body(offers.letter(actor, offerId, number));
    }

    /**
     * The application page's panel of its latest offer: what it stands at, for everyone who sees the application;
     * the terms and the link to the thread only for those who may see compensation.
     */
    @GetMapping("/applications/{applicationId}/offer-panel")
    @PreAuthorize(Role.STAFF)
    String panel(Actor actor, @PathVariable UUID applicationId, Model page) {
        List<Offer> made = offers.ofApplication(actor, applicationId);
        page.addAttribute("offer", made.isEmpty() ? null : made.get(0));
        page.addAttribute("compensation", SalaryBands.mayDecide(actor.roles()));
        page.addAttribute("applicationId", applicationId);
        return "offers/panel :: panel";
    }

    // --- the organization's offers -----------------------------------------------------------------------------------

    @GetMapping("/offers")
    @PreAuthorize(Role.DECIDING)
    String list(Actor actor, @RequestParam(required = false) String status, Model page) {
        OfferStatus wanted = status == null || status.isBlank() ? null : EnumNames.parse(OfferStatus.class, status);
        page.addAttribute("offers", offers.list(actor, wanted));
        page.addAttribute("status", wanted);
        page.addAttribute("statuses", OfferStatus.values());
        Map<DeclineReason, Long> reasons = offers.declineReasons(actor.organizationId());
        page.addAttribute("reasons", reasons);
        page.addAttribute("declined", reasons.values().stream().mapToLong(Long::longValue).sum());
        return "offers/list";
    }

    // --- salary bands ------------------------------------------------------------------------------------------------

    @GetMapping("/jobs/{jobId}/salary-bands")
    @PreAuthorize(Role.DECIDING)
    String bands(Actor actor, @PathVariable UUID jobId, Model page) {
        return bandsPage(actor, jobId, null, null, null, Map.of(), page);
    }

    @PostMapping("/jobs/{jobId}/salary-bands")
    @PreAuthorize(Role.RECRUITING)
    String setBand(Actor actor, @PathVariable UUID jobId, @RequestParam(required = false) String level,
            @RequestParam(required = false) String minKrw, @RequestParam(required = false) String maxKrw,
            Model page, RedirectAttributes redirect, Locale locale) {
        try {
            List<InvalidInputException.FieldProblem> notNumbers = new java.util.ArrayList<>();
            Long min = OfferForm.number("minKrw", minKrw, notNumbers);
            Long max = OfferForm.number("maxKrw", maxKrw, notNumbers);
            if (!notNumbers.isEmpty()) {
                throw new InvalidInputException(notNumbers);
            }
            bands.set(actor, new JobId(jobId), level, min, max);
            redirect.addFlashAttribute("notice", "offers.bands.saved");
            return "redirect:/jobs/" + jobId + "/salary-bands";
        } catch (InvalidInputException invalid) {
            return bandsPage(actor, jobId, level, minKrw, maxKrw, problems(invalid, locale), page);
        }
    }

    @PostMapping("/jobs/{jobId}/salary-bands/remove")
    @PreAuthorize(Role.RECRUITING)
    String removeBand(Actor actor, @PathVariable UUID jobId, @RequestParam String level,
            RedirectAttributes redirect) {
        bands.remove(actor, new JobId(jobId), level);
        redirect.addFlashAttribute("notice", "offers.bands.removed");
        return "redirect:/jobs/" + jobId + "/salary-bands";
    }

    private String bandsPage(Actor actor, UUID jobId, String level, String minKrw, String maxKrw,
            Map<String, String> problems, Model page) {
        page.addAttribute("job", jobs.job(actor.organizationId(), new JobId(jobId)));
        page.addAttribute("bands", bands.bands(actor.organizationId(), new JobId(jobId)));
        page.addAttribute("level", level);
        page.addAttribute("minKrw", minKrw);
        page.addAttribute("maxKrw", maxKrw);
        page.addAttribute("problems", problems);
        return "offers/bands";
    }

    // --- settings ----------------------------------------------------------------------------------------------------

    @GetMapping("/settings/offers")
    @PreAuthorize(Role.ADMINISTRATING)
    String settings(Actor actor, Model page) {
        page.addAttribute("approvers", bands.approvers(actor.organizationId()).stream().map(user -> user.id())
                .toList());
        page.addAttribute("staff", identity.users(actor.organizationId()).stream()
                .filter(user -> user.enabled() && SalaryBands.mayDecide(user.roles())).toList());
        Map<String, OfferLetters.Wording> wordings = new LinkedHashMap<>();
        for (String language : List.of("ko", "en")) {
            wordings.put(language, letters.wording(actor.organizationId(), language));
        }
        page.addAttribute("wordings", wordings);
        page.addAttribute("variables", OfferLetters.VARIABLES);
        return "offers/settings";
    }

    @PostMapping("/settings/offers/approvers")
    @PreAuthorize(Role.ADMINISTRATING)
    String saveApprovers(Actor actor, @RequestParam(required = false) List<UUID> userIds,
            RedirectAttributes redirect, Locale locale) {
        try {
            bands.setApprovers(actor, userIds == null ? List.of() : userIds);
            redirect.addFlashAttribute("notice", "offers.settings.approversSaved");
        } catch (InvalidInputException invalid) {
            PageRefusals.flash(redirect, "offers.page.refused", String.join(" ", problems(invalid, locale).values()));
        }
        return "redirect:/settings/offers";
    }

    @PostMapping("/settings/offers/letter/{language}")
    @PreAuthorize(Role.ADMINISTRATING)
    String saveWording(Actor actor, @PathVariable String language, @RequestParam(required = false) String beforeTerms,
            @RequestParam(required = false) String afterTerms, RedirectAttributes redirect, Locale locale) {
        try {
            letters.save(actor, language, beforeTerms, afterTerms);
            redirect.addFlashAttribute("notice", "offers.settings.letterSaved");
        } catch (InvalidInputException invalid) {
            PageRefusals.flash(redirect, "offers.page.refused", String.join(" ", problems(invalid, locale)
                    .entrySet().stream().map(problem -> label(problem.getKey(), locale) + ": " + problem.getValue())
                    .toList()));
        }
        return "redirect:/settings/offers";
    }

    // --- problems in words -------------------------------------------------------------------------------------------

    /** Each field's problem in the reader's words, by field. */
    private Map<String, String> problems(InvalidInputException invalid, Locale locale) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (InvalidInputException.FieldProblem problem : invalid.problems()) {
            problems.merge(problem.field(), messages.getMessage(problem.code(), problem.arguments(), problem.code(),
                    locale), (a, b) -> a + "; " + b);
        }
        return problems;
    }

    private String label(String field, Locale locale) {
        return messages.getMessage("offers.term." + field, null, messages.getMessage("offers.field." + field, null,
                field, locale), locale);
    }
}
