package io.hireflow.jobs;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * What staff set for a job's public posting besides the job itself: the yearly base pay range in KRW (either end may
 * be left out), the last day to apply (in the organization's time zone), and where interviews take place.
 */
public record PostingDetails(
        @Min(1) @Max(100_000_000_000L) Long salaryMin,
        @Min(1) @Max(100_000_000_000L) Long salaryMax,
        LocalDate applyUntil,
        @Size(max = 300) String interviewLocation) {

    public static final PostingDetails NONE = new PostingDetails(null, null, null, null);
}
