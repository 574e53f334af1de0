package io.hireflow.jobs;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A stage as a pipeline edit describes it: {@code id} names an existing stage to keep (renamed, moved), no id adds
 * one. Blank candidate-facing names default to the internal name.
 */
public record StagePlan(
        UUID id,
        @NotBlank @Size(max = 80) String name,
        @NotNull StageKind kind,
        @Size(max = 80) String candidateNameKo,
        @Size(max = 80) String candidateNameEn,
        @Min(1) @Max(365) Integer deadlineDays) {

    public StagePlan normalized() {
        String internal = name.strip();
        return new StagePlan(id, internal, kind, blankTo(candidateNameKo, internal), blankTo(candidateNameEn, internal),
                deadlineDays);
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
