package io.hireflow.jobs;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Changes a job's details (not its pipeline or team). */
public record UpdateJob(
        @NotBlank @Size(max = 120) String title,
        @Size(max = 80) String team,
        @Size(max = 10) List<@NotBlank @Size(max = 120) String> locations,
        @NotNull EmploymentType employmentType,
        @Size(max = 20000) String description,
        @NotNull @Min(1) @Max(10000) Integer headcount,
        @NotNull JobStatus status) {
}
