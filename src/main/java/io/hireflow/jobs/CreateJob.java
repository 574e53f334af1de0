package io.hireflow.jobs;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Opens a job. Without stages, the pipeline is copied from {@code templateId} or, without it, from the
 * organization's default template. Status defaults to {@code OPEN}.
 */
public record CreateJob(
        @NotBlank @Size(max = 120) String title,
        @Size(max = 80) String team,
        @Size(max = 10) List<@NotBlank @Size(max = 120) String> locations,
        @NotNull EmploymentType employmentType,
        @Size(max = 20000) String description,
        @Min(1) @Max(10000) Integer headcount,
        JobStatus status,
        UUID templateId,
        @Size(max = 20) List<@Valid StagePlan> stages) {
}
