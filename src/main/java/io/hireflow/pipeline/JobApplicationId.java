package io.hireflow.pipeline;

import java.util.UUID;

public record JobApplicationId(UUID value) {

    public JobApplicationId {
        if (value == null) {
            throw new IllegalArgumentException("application id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
