package io.hireflow.jobs;

import java.util.UUID;

public record JobId(UUID value) {

    public JobId {
        if (value == null) {
            throw new IllegalArgumentException("job id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
