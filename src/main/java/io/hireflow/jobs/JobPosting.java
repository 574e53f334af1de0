package io.hireflow.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.hireflow.shared.OrganizationId;

/**
 * A job as it was published on the careers site, one revision of it: what candidates read, and what an application
 * made that day refers to. Postings never change; publishing a changed job makes a new revision.
 *
 * @param firstPublishedAt when the job was first published (the posting date search engines are given)
 * @param questions        what the apply form asks, as it asked it in this revision
 */
public record JobPosting(UUID id, JobId jobId, OrganizationId organizationId, int revision, String title, String team,
        List<String> locations, EmploymentType employmentType, String description, Long salaryMin, Long salaryMax,
        LocalDate applyUntil, String interviewLocation, List<Step> steps, Instant publishedAt,
        Instant firstPublishedAt, List<JobQuestion> questions) {

    /** One step of the hiring process as candidates see it. */
    public record Step(StageKind kind, String nameKo, String nameEn) {

        public String name(Locale locale) {
            return Locale.KOREAN.getLanguage().equals(locale.getLanguage()) ? nameKo : nameEn;
        }
    }

    /** Whether the process includes an interview (the page then says where interviews take place). */
    public boolean interviews() {
        return steps.stream().anyMatch(step -> step.kind() == StageKind.INTERVIEW);
    }
}
