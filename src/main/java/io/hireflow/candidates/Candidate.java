package io.hireflow.candidates;

import java.time.Instant;
import java.util.List;

import io.hireflow.shared.OrganizationId;

/**
 * A person applying to one organization. {@code language} is the one they applied in on the careers site ({@code ko}
 * or {@code en}), which messages to them use; null until they apply there.
 */
public record Candidate(CandidateId id, OrganizationId organizationId, String name, String email, String phone,
        String region, String githubUrl, String portfolioUrl, String source, List<String> tags, String language,
        Instant createdAt, Instant updatedAt, long version) {
}
