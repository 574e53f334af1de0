package io.hireflow.pipeline;

import io.hireflow.candidates.CandidateId;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.StageId;

/** Which applications a list shows; every part is optional. */
public record ApplicationFilter(JobId jobId, StageId stageId, ApplicationStatus status, CandidateId candidateId) {
}
