package io.hireflow.candidates;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.Role;

/** The organization's candidates: a searchable list and the form to correct a candidate's details. */
@Controller
class CandidateController {

    private static final int PAGE = 50;
    private final CandidateManagement candidates;
    private final AccessLog accessLog;

    CandidateController(CandidateManagement candidates, AccessLog accessLog) {
        this.candidates = candidates;
        this.accessLog = accessLog;
    }

    record CandidateForm(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 30) @Pattern(regexp = "^[0-9+()\\- ]*$", message = "{validation.phone}") String phone,
            @Size(max = 100) String region,
            @Size(max = 500) @Pattern(regexp = "^(https?://\\S+)?$", message = "{validation.url}") String githubUrl,
            @Size(max = 500) @Pattern(regexp = "^(https?://\\S+)?$", message = "{validation.url}") String portfolioUrl,
            @Size(max = 60) String source,
            @Size(max = 400) String tags,
            @NotNull Long version) {

        static CandidateForm of(Candidate candidate) {
            return new CandidateForm(candidate.name(), candidate.email(), candidate.phone(), candidate.region(),
                    candidate.githubUrl(), candidate.portfolioUrl(), candidate.source(),
                    String.join(", ", candidate.tags()), candidate.version());
        }

        CandidateDetails details() {
            List<String> tagList = new ArrayList<>();
            for (String tag : tags == null ? new String[0] : tags.split(",")) {
                if (!tag.isBlank()) {
                    tagList.add(tag.strip());
                }
            }
            return new CandidateDetails(name, email, phone, region, githubUrl, portfolioUrl, source, tagList);
        }
    }

    @GetMapping("/candidates")
    @PreAuthorize(Role.STAFF)
    String list(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) UUID after,
            Model model) {
        List<Candidate> page = candidates.search(actor.organizationId(), q, after == null ? null : new CandidateId(after),
                PAGE + 1);
        boolean more = page.size() > PAGE;
        List<Candidate> shown = more ? page.subList(0, PAGE) : page;
        model.addAttribute("candidates", shown);
        accessLog.candidates(actor, AccessLog.Action.LIST_CANDIDATES, "search " + (q == null ? "" : q),
                shown.stream().map(candidate -> candidate.id().value()).toList());
        model.addAttribute("q", q);
        model.addAttribute("next", more ? shown.get(PAGE - 1).id().value() : null);
        return "candidates/list";
    }

    @GetMapping("/candidates/{candidateId}/edit")
    @PreAuthorize(Role.RECRUITING)
    String edit(Actor actor, @PathVariable UUID candidateId, Model model) {
        Candidate candidate = candidates.candidate(actor.organizationId(), new CandidateId(candidateId));
        accessLog.candidates(actor, AccessLog.Action.VIEW_CANDIDATE, "candidate " + candidateId, List.of(candidateId));
        model.addAttribute("candidate", candidate);
        model.addAttribute("form", CandidateForm.of(candidate));
        return "candidates/edit";
    }

    @PostMapping("/candidates/{candidateId}")
    @PreAuthorize(Role.RECRUITING)
    String update(Actor actor, @PathVariable UUID candidateId, @Valid @ModelAttribute("form") CandidateForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        CandidateId id = new CandidateId(candidateId);
        model.addAttribute("candidate", candidates.candidate(actor.organizationId(), id));
        if (errors.hasErrors()) {
            return "candidates/edit";
        }
        try {
            candidates.update(actor, id, form.details(), form.version());
        } catch (ConflictException conflict) {
            model.addAttribute("problem", conflict.code());
            model.addAttribute("problemArgs", conflict.arguments());
            return "candidates/edit";
        }
        redirect.addFlashAttribute("notice", "candidates.saved");
        return "redirect:/candidates/{candidateId}";
    }
}
