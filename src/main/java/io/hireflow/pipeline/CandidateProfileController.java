package io.hireflow.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.candidates.CandidateDocuments;
import io.hireflow.candidates.CandidateId;
import io.hireflow.candidates.CandidateManagement;
import io.hireflow.candidates.DataRequests;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.JobStatus;
import io.hireflow.jobs.JobSummary;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.HireflowException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/** A candidate with every application they have in the organization, and adding them to another job. */
@Controller
class CandidateProfileController {

    private final CandidateManagement candidates;
    private final PipelineManagement pipeline;
    private final JobManagement jobs;
    private final MessageSource messages;
    private final AccessLog accessLog;
    private final CandidateDocuments documents;
    private final DataRequests dataRequests;

    CandidateProfileController(CandidateManagement candidates, PipelineManagement pipeline, JobManagement jobs,
            MessageSource messages, AccessLog accessLog, CandidateDocuments documents, DataRequests dataRequests) {
        this.accessLog = accessLog;
        this.documents = documents;
        this.dataRequests = dataRequests;
        this.candidates = candidates;
        this.pipeline = pipeline;
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping("/candidates/{candidateId}")
    @PreAuthorize(Role.STAFF)
    String profile(Actor actor, @PathVariable UUID candidateId, Model model) {
        CandidateId id = new CandidateId(candidateId);
        List<ApplicationView> applications = pipeline.applicationsOf(actor.organizationId(), id);
        Set<JobId> applied = applications.stream().map(ApplicationView::jobId).collect(Collectors.toSet());
        model.addAttribute("candidate", candidates.candidate(actor.organizationId(), id));
        accessLog.candidates(actor, AccessLog.Action.VIEW_CANDIDATE, "candidate " + candidateId, List.of(candidateId));
        model.addAttribute("applications", applications);
        model.addAttribute("jobTitles", jobs.titles(actor.organizationId(), applied));
        model.addAttribute("stages", jobs.stages(actor.organizationId(),
                applications.stream().map(ApplicationView::stageId).collect(Collectors.toSet())));
        List<JobSummary> otherJobs = jobs.jobs(actor.organizationId(), null).stream()
                .filter(job -> job.status() != JobStatus.CLOSED && !applied.contains(job.id())).toList();
        model.addAttribute("otherJobs", otherJobs);
        model.addAttribute("documents", documents.documentsOf(actor.organizationId(), id));
        model.addAttribute("dataRequests", dataRequests.of(actor.organizationId(), id));
        return "pipeline/candidate";
    }

    @PostMapping("/candidates/{candidateId}/applications")
    @PreAuthorize(Role.RECRUITING)
    String addToJob(Actor actor, @PathVariable UUID candidateId, @RequestParam UUID jobId,
            RedirectAttributes redirect, Locale locale) {
        try {
            ApplicationView created = pipeline.createApplication(actor, new JobId(jobId), new CandidateId(candidateId));
            redirect.addFlashAttribute("notice", "candidateProfile.added");
            return "redirect:/applications/" + created.id();
        } catch (HireflowException refusal) {
            PageRefusals.flash(redirect, "application.refused", PageRefusals.text(messages, refusal, locale));
            return "redirect:/candidates/{candidateId}";
        }
    }

}
