package io.hireflow.careers;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import io.hireflow.candidates.CandidateDetails;
import io.hireflow.candidates.CandidateDocuments;
import io.hireflow.candidates.Consents;
import io.hireflow.candidates.DocumentKind;
import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.OrganizationView;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobPosting;
import io.hireflow.jobs.JobPostings;
import io.hireflow.jobs.JobQuestion;
import io.hireflow.jobs.QuestionKind;
import io.hireflow.shared.Languages;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.RateLimits;
import io.hireflow.shared.TooManyRequestsException;

/**
 * The apply form of a published job, no sign-in. Invalid input comes back with what was typed and each problem
 * beside its field, and nothing is stored; a file is judged by its bytes. Too many applications from one address or
 * for one email answer 429. The job's own questions (as its live posting asks them) are answered in fields named
 * {@code answers[<questionId>]} and {@code answerFiles[<questionId>]}, read from the request rather than bound to the
 * form, since each job asks different ones.
 */
@Controller
class ApplyController {

    /** The version of the consent texts below; a change of wording needs a new version. */
    static final String CONSENT_VERSION = "2026-12-02";

    static final int MAX_SHORT_ANSWER = 500;
    static final int MAX_LONG_ANSWER = 5000;
    private static final List<String> YES_OR_NO = List.of("YES", "NO");

    private final IdentityManagement identity;
    private final JobPostings postings;
    private final Applying applying;
    private final RateLimits rateLimits;
    private final CareersProperties properties;
    private final MessageSource messages;
    // the applications being stored on this node; the rest wait in the order they came
    private final Semaphore turns;

    ApplyController(IdentityManagement identity, JobPostings postings, Applying applying, RateLimits rateLimits,
            CareersProperties properties, MessageSource messages) {
        this.identity = identity;
        this.postings = postings;
        this.applying = applying;
        this.rateLimits = rateLimits;
        this.properties = properties;
        this.messages = messages;
        this.turns = new Semaphore(properties.concurrentApplies(), true);
    }

    /** The form as the candidate fills it in. Files cannot come back to the browser, so a refused form asks again. */
    record ApplyForm(
            UUID submission,
            @NotBlank(message = "{validation.required}") @Size(max = 100) String name,
            @NotBlank(message = "{validation.required}") @Email @Size(max = 254) String email,
            @Size(max = 30) @Pattern(regexp = "^[0-9+()\\- ]*$", message = "{validation.phone}") String phone,
            @Size(max = 100) String region,
            @Size(max = 500) @Pattern(regexp = "^(https?://\\S+)?$", message = "{validation.url}") String githubUrl,
            @Size(max = 500) @Pattern(regexp = "^(https?://\\S+)?$", message = "{validation.url}")
            String portfolioUrl,
            MultipartFile resume,
            MultipartFile coverLetter,
            List<MultipartFile> others,
            Boolean consentApplication,
            Boolean consentTalentPool) {

        static ApplyForm blank() {
            return new ApplyForm(UUID.randomUUID(), null, null, null, null, null, null, null, null, null, false,
                    false);
        }

        boolean agreesToApplication() {
            return Boolean.TRUE.equals(consentApplication);
        }

        boolean agreesToTalentPool() {
            return Boolean.TRUE.equals(consentTalentPool);
        }
    }

    @GetMapping("/careers/{slug}/jobs/{jobId}/apply")
    String form(@PathVariable String slug, @PathVariable UUID jobId, Model page, HttpServletResponse response) {
        Place place = place(slug, jobId);
        page.addAttribute("form", ApplyForm.blank());
        return page(place, page, response);
    }

    @PostMapping("/careers/{slug}/jobs/{jobId}/apply")
    String apply(@PathVariable String slug, @PathVariable UUID jobId, @Valid @ModelAttribute("form") ApplyForm form,
            BindingResult result, Model page, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        Place place = place(slug, jobId);
        if (!place.open()) {
            return page(place, page, response);
        }
        Map<String, List<String>> given = given(place.posting(), request);
        page.addAttribute("answers", given);
        if (!awaitTurn()) {
            response.setHeader("Retry-After", "10");
            PageRefusals.onPage(page, "error.careers.busy", new Object[0]);
            return page(place, page, response, HttpStatus.SERVICE_UNAVAILABLE);
        }
        try {
            return apply(place, form, result, page, locale, request, response, given);
        } finally {
            turns.release();
        }
    }

    private boolean awaitTurn() {
        try {
            return turns.tryAcquire(properties.applyQueueWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // the form checked and stored, in its turn
    private String apply(Place place, ApplyForm form, BindingResult result, Model page, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Map<String, List<String>> given) {
        String address = request.getRemoteAddr();
        try {
            rateLimits.hit("apply/address/" + address, properties.appliesPerAddressPerHour(), Duration.ofHours(1),
                    "error.careers.tooManyFromAddress");
            if (form.email() != null && !form.email().isBlank()) {
                rateLimits.hit("apply/email/" + form.email().strip().toLowerCase(Locale.ROOT),
                        properties.appliesPerEmailPerDay(), Duration.ofDays(1), "error.careers.tooManyForEmail");
            }
        } catch (TooManyRequestsException refusal) {
            response.setHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
            PageRefusals.onPage(page, refusal);
            return page(place, page, response, HttpStatus.TOO_MANY_REQUESTS);
        }
        if (form.submission() == null) {
            result.reject("validation.required", "validation.required");
        }
        if (!form.agreesToApplication()) {
            result.rejectValue("consentApplication", "validation.consent.required", "validation.consent.required");
        }
        List<Applying.Upload> files = files(form, result);
        Map<String, String> problems = new HashMap<>();
        List<Applying.Answer> answers = answers(place.posting(), given, request, locale, problems);
        if (result.hasErrors() || !problems.isEmpty()) {
            page.addAttribute("answerProblems", problems);
            return page(place, page, response, HttpStatus.BAD_REQUEST);
        }
        LocalDate today = LocalDate.now(place.organization().timeZone());
        // the form's language is the one the candidate is written to
        String language = Languages.of(locale);
        List<Consents.Asked> consents = List.of(
                new Consents.Asked(Consents.Purpose.APPLICATION, CONSENT_VERSION, language,
                        consentText("careers.consent.application", place, locale), true, null),
                new Consents.Asked(Consents.Purpose.TALENT_POOL, CONSENT_VERSION, language,
                        consentText("careers.consent.talentPool", place, locale), form.agreesToTalentPool(),
                        form.agreesToTalentPool() ? today.plusMonths(properties.talentPoolMonths()) : null));
        CandidateDetails candidate = new CandidateDetails(form.name().strip(), form.email().strip(), form.phone(),
                form.region(), form.githubUrl(), form.portfolioUrl(), Applying.CAREERS_SITE, null);
        try {
            applying.apply(place.organization(), place.posting(), new Applying.Submission(form.submission(),
                    candidate, files, consents, address, answers, language));
        } catch (ConflictException refusal) {
            PageRefusals.onPage(page, refusal);
            return page(place, page, response, HttpStatus.CONFLICT);
        }
        return "redirect:/careers/" + place.organization().slug() + "/applied/" + form.submission();
    }

    /** The thank-you page of a submission: which job, and when; nothing personal. */
    @GetMapping("/careers/{slug}/applied/{submission}")
    String applied(@PathVariable String slug, @PathVariable UUID submission, Model page) {
        OrganizationView organization = identity.organizationBySlug(slug)
                .orElseThrow(() -> new NotFoundException("organization"));
        Applying.Submitted submitted = applying.earlier(organization.id(), submission)
                .orElseThrow(() -> new NotFoundException("application"));
        JobPosting posting = applying.postingOf(organization.id(), submission)
                .flatMap(id -> postings.posting(organization.id(), id))
                .orElseThrow(() -> new NotFoundException("application"));
        page.addAttribute("organization", organization);
        page.addAttribute("posting", posting);
        page.addAttribute("at", submitted.at());
        return "careers/applied";
    }

    /** The files of the form, each checked by its bytes; a problem goes beside its field. */
    private static List<Applying.Upload> files(ApplyForm form, BindingResult result) {
        List<Applying.Upload> files = new ArrayList<>();
        if (form.resume() == null || form.resume().isEmpty()) {
            result.rejectValue("resume", "validation.required", "validation.required");
        } else {
            add(files, DocumentKind.RESUME, "resume", form.resume(), result);
        }
        if (form.coverLetter() != null && !form.coverLetter().isEmpty()) {
            add(files, DocumentKind.COVER_LETTER, "coverLetter", form.coverLetter(), result);
        }
        List<MultipartFile> others = form.others() == null ? List.of()
                : form.others().stream().filter(file -> file != null && !file.isEmpty()).toList();
        if (others.size() > 5) {
            result.rejectValue("others", "validation.file.tooMany", new Object[] {5}, "validation.file.tooMany");
        } else {
            for (MultipartFile other : others) {
                add(files, DocumentKind.OTHER, "others", other, result);
            }
        }
        return files;
    }

    private static void add(List<Applying.Upload> files, DocumentKind kind, String field, MultipartFile file,
            BindingResult result) {
        try {
            files.add(new Applying.Upload(kind, file.getOriginalFilename(),
                    CandidateDocuments.check(field, file.getBytes())));
        } catch (InvalidInputException refusal) {
            for (InvalidInputException.FieldProblem problem : refusal.problems()) {
                if (!result.hasFieldErrors(field)) {
                    result.rejectValue(field, problem.code(), problem.arguments(), problem.code());
                }
            }
        } catch (IOException unreadable) {
            result.rejectValue(field, "validation.file.unreadable", "validation.file.unreadable");
        }
    }

    /** The answers as the form sent them (blank ones left out), by question id: to check, and to show again. */
    private static Map<String, List<String>> given(JobPosting posting, HttpServletRequest request) {
        Map<String, List<String>> given = new HashMap<>();
        for (JobQuestion question : posting.questions()) {
            String[] values = request.getParameterValues("answers[" + question.id() + "]");
            given.put(question.id().toString(), values == null ? List.of()
                    : Arrays.stream(values).filter(value -> value != null && !value.isBlank()).toList());
        }
        return given;
    }

    /**
     * The answers to the posting's questions, each checked against its question (length, one of the choices, a PDF
     * or DOCX file, required); a problem goes into {@code problems} by question id, in the reader's language.
     */
    private List<Applying.Answer> answers(JobPosting posting, Map<String, List<String>> given,
            HttpServletRequest request, Locale locale, Map<String, String> problems) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request,
                MultipartHttpServletRequest.class);
        List<Applying.Answer> answers = new ArrayList<>();
        for (JobQuestion question : posting.questions()) {
            String id = question.id().toString();
            List<String> values = given.getOrDefault(id, List.of());
            String asked = question.text(locale);
            int before = answers.size();
            switch (question.kind()) {
                case SHORT_TEXT, LONG_TEXT -> {
                    int max = question.kind() == QuestionKind.SHORT_TEXT ? MAX_SHORT_ANSWER : MAX_LONG_ANSWER;
                    String text = values.isEmpty() ? null : values.get(0).strip();
                    if (text != null && text.length() > max) {
                        problems.put(id, messages.getMessage("validation.tooLong", new Object[] {max}, locale));
                    } else if (text != null) {
                        answers.add(new Applying.Answer(question.id(), asked, question.kind(), text, null, null));
                    }
                }
                case YES_NO, SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    List<String> allowed = question.kind() == QuestionKind.YES_NO ? YES_OR_NO : question.choices();
                    List<String> picked = List.copyOf(new LinkedHashSet<>(values));
                    if (!allowed.containsAll(picked)
                            || picked.size() > 1 && question.kind() != QuestionKind.MULTIPLE_CHOICE) {
                        problems.put(id, messages.getMessage("validation.answer.choice", null, locale));
                    } else if (question.kind() == QuestionKind.YES_NO && !picked.isEmpty()) {
                        answers.add(new Applying.Answer(question.id(), asked, question.kind(), picked.get(0), null,
                                null));
                    } else if (!picked.isEmpty()) {
                        answers.add(new Applying.Answer(question.id(), asked, question.kind(), null, picked, null));
                    }
                }
                case FILE -> {
                    MultipartFile file = multipart == null ? null
                            : multipart.getFile("answerFiles[" + question.id() + "]");
                    if (file != null && !file.isEmpty()) {
                        Applying.Upload upload = upload(file, id, problems, locale);
                        if (upload != null) {
                            answers.add(new Applying.Answer(question.id(), asked, question.kind(), null, null,
                                    upload));
                        }
                    }
                }
            }
            if (question.required() && answers.size() == before && !problems.containsKey(id)) {
                problems.put(id, messages.getMessage("validation.required", null, locale));
            }
        }
        return answers;
    }

    /** A file answering a question, checked by its bytes like the résumé; {@code null} with a problem if refused. */
    private Applying.Upload upload(MultipartFile file, String id, Map<String, String> problems, Locale locale) {
        try {
            return new Applying.Upload(DocumentKind.OTHER, file.getOriginalFilename(),
                    CandidateDocuments.check("answerFiles[" + id + "]", file.getBytes()));
        } catch (InvalidInputException refusal) {
            InvalidInputException.FieldProblem problem = refusal.problems().get(0);
            problems.put(id, messages.getMessage(problem.code(), problem.arguments(), locale));
        } catch (IOException unreadable) {
            problems.put(id, messages.getMessage("validation.file.unreadable", null, locale));
        }
        return null;
    }

    private String consentText(String key, Place place, Locale locale) {
        return messages.getMessage(key, new Object[] {place.organization().name(), properties.documentClaimDays(),
                properties.talentPoolMonths()}, locale);
    }

    /** The organization and the live posting of the job; not found when it is not published. */
    private record Place(OrganizationView organization, JobPosting posting, boolean open) {
    }

    private Place place(String slug, UUID jobId) {
        OrganizationView organization = identity.organizationBySlug(slug)
                .orElseThrow(() -> new NotFoundException("organization"));
        JobPosting posting = postings.live(organization.id(), new JobId(jobId))
                .orElseThrow(() -> new NotFoundException("job"));
        LocalDate today = LocalDate.now(organization.timeZone());
        return new Place(organization, posting, posting.applyUntil() == null || !posting.applyUntil().isBefore(today));
    }

    private String page(Place place, Model page, HttpServletResponse response) {
        return page(place, page, response, HttpStatus.OK);
    }

    private String page(Place place, Model page, HttpServletResponse response, HttpStatus status) {
        response.setStatus(status.value());
        response.setHeader("Cache-Control", "no-store");
        page.addAttribute("organization", place.organization());
        page.addAttribute("posting", place.posting());
        page.addAttribute("open", place.open());
        page.addAttribute("claimDays", properties.documentClaimDays());
        page.addAttribute("talentPoolMonths", properties.talentPoolMonths());
        page.addAttribute("maxMegabytes", CandidateDocuments.MAX_BYTES / (1024 * 1024));
        page.addAttribute("maxShortAnswer", MAX_SHORT_ANSWER);
        page.addAttribute("maxLongAnswer", MAX_LONG_ANSWER);
        if (!page.containsAttribute("answers")) {
            page.addAttribute("answers", Map.of());
        }
        if (!page.containsAttribute("answerProblems")) {
            page.addAttribute("answerProblems", Map.of());
        }
        return "careers/apply";
    }
}
