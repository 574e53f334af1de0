package io.hireflow.candidates;

import java.time.Instant;
import java.util.List;

import io.hireflow.shared.OrganizationId;

public record Candidate(CandidateId id, OrganizationId organizationId, String name, String email, String phone,
        String region, String githubUrl, String portfolioUrl, String source, List<String> tags, Instant createdAt,
        Instant updatedAt, long version) {
}
