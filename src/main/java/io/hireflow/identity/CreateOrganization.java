package io.hireflow.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Creates an organization and its first admin. */
public record CreateOrganization(
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Pattern(regexp = "^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$", message = "{validation.slug}") String slug,
        @NotBlank @Email @Size(max = 254) String adminEmail,
        @NotBlank @Size(min = 8, max = 200) String adminPassword,
        @Size(max = 120) String adminName,
        @Pattern(regexp = "^(ko|en)$", message = "{validation.locale}") String defaultLocale,
        @Size(max = 60) String timeZone) {
}
