package io.hireflow.pipeline;

import java.util.List;

/** What a bulk move did: how many moved, and each application that could not move, with why. */
public record BulkResult(int requested, int moved, List<Failure> failures) {

    /** An application that did not move; {@code code} and {@code arguments} name the reason in the message bundles. */
    public record Failure(JobApplicationId applicationId, String code, Object[] arguments) {
    }
}
