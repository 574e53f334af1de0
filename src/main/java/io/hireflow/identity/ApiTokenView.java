package io.hireflow.identity;

import java.time.Instant;
import java.util.UUID;

/** A personal API token without its secret: only the first characters are kept for recognising it. */
public record ApiTokenView(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
