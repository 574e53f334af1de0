package io.hireflow.pipeline;

import java.time.Instant;

import io.hireflow.candidates.CandidateId;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.StageId;
import io.hireflow.shared.OrganizationId;

/**
 * A candidate's application to a job was accepted into the job's first stage (with the candidate's name, email and
 * language, null when not known, so that whoever tells the candidate need not look them up). Published inside the transaction that
 * stores it, so a listener that writes in the same transaction commits or rolls back with it.
 */
public record ApplicationReceived(OrganizationId organizationId, JobApplicationId applicationId, JobId jobId,
        CandidateId candidateId, String candidateName, String candidateEmail, String candidateLanguage,
        StageId stageId, Instant at) {
}
