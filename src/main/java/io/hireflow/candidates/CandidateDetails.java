package io.hireflow.candidates;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What staff enter about a candidate. The email identifies the person within the organization. */
public record CandidateDetails(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 30) @Pattern(regexp = "^[0-9+()\\- ]*$", message = "{validation.phone}") String phone,
        @Size(max = 100) String region,
        @Size(max = 500) @Pattern(regexp = "^(https?://\\S+)?$", message = "{validation.url}") String githubUrl,
        @Size(max = 500) @Pattern(regexp = "^(https?://\\S+)?$", message = "{validation.url}") String portfolioUrl,
        @Size(max = 60) String source,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags) {

    public static CandidateDetails of(String name, String email) {
        return new CandidateDetails(name, email, null, null, null, null, null, null);
    }
}
