package io.hireflow.pipeline;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.shared.Actor;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/** The organization's rejection reasons: add one, rename one, retire one (old rejections keep theirs). */
@Controller
class RejectionReasonSettingsController {

    private final RejectionReasons reasons;

    RejectionReasonSettingsController(RejectionReasons reasons) {
        this.reasons = reasons;
    }

    @GetMapping("/settings/rejection-reasons")
    @PreAuthorize(Role.ADMINISTRATING)
    String reasons(Actor actor, Model model) {
        model.addAttribute("reasons", reasons.reasons(actor.organizationId()));
        return "pipeline/rejection-reasons";
    }

    @PostMapping("/settings/rejection-reasons")
    @PreAuthorize(Role.ADMINISTRATING)
    String add(Actor actor, @RequestParam(required = false) String labelKo,
            @RequestParam(required = false) String labelEn, Model model, RedirectAttributes redirect) {
        try {
            reasons.add(actor, labelKo, labelEn);
        } catch (InvalidInputException invalid) {
            var problem = invalid.problems().get(0);
            model.addAttribute("reasons", reasons.reasons(actor.organizationId()));
            PageRefusals.onPage(model, problem.code(), problem.arguments());
            model.addAttribute("problemField", problem.field());
            model.addAttribute("labelKo", labelKo);
            model.addAttribute("labelEn", labelEn);
            return "pipeline/rejection-reasons";
        }
        redirect.addFlashAttribute("notice", "reasons.added");
        return "redirect:/settings/rejection-reasons";
    }

    @PostMapping("/settings/rejection-reasons/{reasonId}")
    @PreAuthorize(Role.ADMINISTRATING)
    String update(Actor actor, @PathVariable UUID reasonId, @RequestParam(required = false) String labelKo,
            @RequestParam(required = false) String labelEn, @RequestParam(defaultValue = "false") boolean active,
            RedirectAttributes redirect) {
        try {
            reasons.update(actor, reasonId, labelKo, labelEn, active);
            redirect.addFlashAttribute("notice", "reasons.saved");
        } catch (InvalidInputException invalid) {
            var problem = invalid.problems().get(0);
            redirect.addFlashAttribute("problem", problem.code());
            redirect.addFlashAttribute("problemArgs", problem.arguments());
        }
        return "redirect:/settings/rejection-reasons";
    }
}
