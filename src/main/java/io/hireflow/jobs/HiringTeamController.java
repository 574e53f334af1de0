package io.hireflow.jobs;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.StaffUserView;
import io.hireflow.shared.Actor;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/** Who works on a job: its recruiters, hiring managers and interviewers, chosen among the organization's staff. */
@Controller
class HiringTeamController {

    /** The lists of the form, one per role, in the order the page shows them. */
    private static final List<RoleList> ROLE_LISTS = List.of(new RoleList(TeamRole.RECRUITER, "recruiters"),
            new RoleList(TeamRole.HIRING_MANAGER, "hiringManagers"), new RoleList(TeamRole.INTERVIEWER,
                    "interviewers"));
    /** The service names a refused member by role; the form names the list. */
    private static final Map<String, String> FIELDS = Map.of("recruiter", "recruiters",
            "hiring_manager", "hiringManagers", "interviewer", "interviewers");

    private final JobManagement jobs;
    private final IdentityManagement identity;

    HiringTeamController(JobManagement jobs, IdentityManagement identity) {
        this.jobs = jobs;
        this.identity = identity;
    }

    /** The ids of the people chosen for each role; a list left empty is {@code null}. */
    record TeamForm(List<UUID> recruiters, List<UUID> hiringManagers, List<UUID> interviewers) {

        static TeamForm of(Job job) {
            return new TeamForm(ids(job, TeamRole.RECRUITER), ids(job, TeamRole.HIRING_MANAGER),
                    ids(job, TeamRole.INTERVIEWER));
        }

        /** The chosen ids of one role, by the role's name (for the page). */
        public List<UUID> chosen(TeamRole role) {
            List<UUID> ids = switch (role) {
                case RECRUITER -> recruiters;
                case HIRING_MANAGER -> hiringManagers;
                case INTERVIEWER -> interviewers;
            };
            return ids == null ? List.of() : ids;
        }

        Map<TeamRole, List<UUID>> members() {
            Map<TeamRole, List<UUID>> members = new EnumMap<>(TeamRole.class);
            for (TeamRole role : TeamRole.values()) {
                members.put(role, chosen(role));
            }
            return members;
        }

        private static List<UUID> ids(Job job, TeamRole role) {
            return job.team(role).stream().map(HiringTeamMember::userId).toList();
        }
    }

    /** A role and the form field that lists the people chosen for it. */
    record RoleList(TeamRole role, String field) {
    }

    @GetMapping("/jobs/{jobId}/team")
    @PreAuthorize(Role.RECRUITING)
    String edit(Actor actor, @PathVariable UUID jobId, Model page) {
        Job job = jobs.job(actor.organizationId(), new JobId(jobId));
        page.addAttribute("form", TeamForm.of(job));
        return page(actor, job, page);
    }

    @PostMapping("/jobs/{jobId}/team")
    @PreAuthorize(Role.RECRUITING)
    String update(Actor actor, @PathVariable UUID jobId, @Valid @ModelAttribute("form") TeamForm form,
            BindingResult result, Model page, RedirectAttributes redirect) {
        Job job = jobs.job(actor.organizationId(), new JobId(jobId));
        if (result.hasErrors()) {
            return page(actor, job, page);
        }
        try {
            jobs.setHiringTeam(actor, job.id(), form.members());
        } catch (InvalidInputException refusal) {
            PageRefusals.beside(result, refusal, FIELDS, page);
            return page(actor, job, page);
        }
        redirect.addFlashAttribute("notice", "jobs.team.saved");
        return "redirect:/jobs/" + job.id() + "/team";
    }

    private String page(Actor actor, Job job, Model page) {
        page.addAttribute("job", job);
        page.addAttribute("roleLists", ROLE_LISTS);
        page.addAttribute("staff", identity.users(actor.organizationId()).stream()
                .filter(StaffUserView::enabled).toList());
        return "jobs/team";
    }
}
