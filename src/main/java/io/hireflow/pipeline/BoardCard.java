package io.hireflow.pipeline;

import java.time.Instant;

import io.hireflow.candidates.CandidateId;

/** A card on the pipeline board. */
public record BoardCard(JobApplicationId id, CandidateId candidateId, String candidateName, ApplicationStatus status,
        Instant stageEnteredAt, long daysInStage, boolean overdue, long version) {
}
