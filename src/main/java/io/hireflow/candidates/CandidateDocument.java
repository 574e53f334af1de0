package io.hireflow.candidates;

import java.time.Instant;
import java.util.UUID;

/**
 * A file a candidate sent, without its content: stored under {@code id} (a generated key); {@code originalName} is
 * what the candidate's computer called it, kept only to name the download.
 */
public record CandidateDocument(UUID id, CandidateId candidateId, UUID applicationId, DocumentKind kind,
        String originalName, String mediaType, int sizeBytes, String sha256, String textStatus, Instant createdAt) {
}
