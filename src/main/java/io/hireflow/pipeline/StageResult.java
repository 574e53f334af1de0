package io.hireflow.pipeline;

import java.time.Instant;

import io.hireflow.candidates.CandidateId;
import io.hireflow.jobs.StageId;

/**
 * Where one application stands after a stage was decided: passed (it went on to a later stage, by passing or skipping
 * it) or not (rejected in it), with the candidate's contact and the stage it is in now.
 */
public record StageResult(JobApplicationId applicationId, CandidateId candidateId, String candidateName,
        String candidateEmail, String candidateLanguage, boolean passed, StageId currentStageId,
        Instant enteredCurrentStage) {
}
