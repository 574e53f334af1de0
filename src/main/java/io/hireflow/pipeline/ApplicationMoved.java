package io.hireflow.pipeline;

import java.time.Instant;

import io.hireflow.candidates.CandidateId;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.StageId;
import io.hireflow.shared.OrganizationId;

/**
 * One application was moved by a decision on it ({@code type} says which move; {@code forward} whether it went to a
 * later stage of the pipeline). {@code version} is the application's
 * version after the move, so each move is told apart from every other; {@code notice} says whether and when the
 * candidate is to be told. Published inside the transaction that stores the move.
 */
public record ApplicationMoved(OrganizationId organizationId, JobApplicationId applicationId, JobId jobId,
        CandidateId candidateId, TimelineEventType type, StageId fromStageId, StageId toStageId, boolean forward,
        ApplicationStatus status, long version, Instant at, CandidateNotice notice) {
}
