package io.hireflow.candidates;

import java.util.UUID;

public record CandidateId(UUID value) {

    public CandidateId {
        if (value == null) {
            throw new IllegalArgumentException("candidate id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
