package io.hireflow.jobs;

import java.util.UUID;

public record StageId(UUID value) {

    public StageId {
        if (value == null) {
            throw new IllegalArgumentException("stage id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
