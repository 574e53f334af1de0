package io.hireflow.jobs;

import java.time.Instant;
import java.util.List;

/** A job as lists show it, with how many applications are active in it. */
public record JobSummary(JobId id, String title, String team, List<String> locations, EmploymentType employmentType,
        JobStatus status, int headcount, Instant createdAt, long activeApplications) {
}
