package io.hireflow.pipeline;

import java.time.Instant;
import java.util.List;

import io.hireflow.candidates.CandidateId;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.StageId;

/** An application with its candidate's name and email, and (when asked for) its timeline, oldest first. */
public record ApplicationView(JobApplicationId id, JobId jobId, CandidateId candidateId, String candidateName,
        String candidateEmail, StageId stageId, ApplicationStatus status, long version, Instant appliedAt,
        Instant stageEnteredAt, Instant updatedAt, List<TimelineEntry> timeline) {
}
