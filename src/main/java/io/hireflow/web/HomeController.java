package io.hireflow.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.JobStatus;
import io.hireflow.shared.Actor;

@Controller
class HomeController {

    private final JobManagement jobs;

    HomeController(JobManagement jobs) {
        this.jobs = jobs;
    }

    /** The start page: the organization's open jobs with their active candidates. */
    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Actor actor, Model model) {
        model.addAttribute("jobs", jobs.jobs(actor.organizationId(), JobStatus.OPEN));
        return "web/home";
    }
}
