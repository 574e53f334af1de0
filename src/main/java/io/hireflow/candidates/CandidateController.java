package io.hireflow.candidates;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

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
import io.hireflow.shared.PageRefusals;
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
        model.addAttribute("form", new CandidateDetails(candidate.name(), candidate.email(), candidate.phone(),
                candidate.region(), candidate.githubUrl(), candidate.portfolioUrl(), candidate.source(),
                candidate.tags()));
        model.addAttribute("version", candidate.version());
        return "candidates/edit";
    }

    @PostMapping("/candidates/{candidateId}")
    @PreAuthorize(Role.RECRUITING)
    String update(Actor actor, @PathVariable UUID candidateId, @Valid @ModelAttribute("form") CandidateDetails form,
            BindingResult errors, @RequestParam long version, Model model, RedirectAttributes redirect) {
        CandidateId id = new CandidateId(candidateId);
        model.addAttribute("candidate", candidates.candidate(actor.organizationId(), id));
        model.addAttribute("version", version);
        if (errors.hasErrors()) {
            return "candidates/edit";
        }
        try {
            candidates.update(actor, id, form, version);
        } catch (ConflictException conflict) {
            PageRefusals.onPage(model, conflict);
            return "candidates/edit";
        }
        redirect.addFlashAttribute("notice", "candidates.saved");
        return "redirect:/candidates/{candidateId}";
    }
}
