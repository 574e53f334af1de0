package io.hireflow.candidates;

import io.hireflow.shared.OrganizationId;

/**
 * A candidate's name changed. Published inside the changing transaction, so copies of the name (board cards) change
 * with it.
 */
public record CandidateRenamed(OrganizationId organizationId, CandidateId candidateId, String name) {
}
