package io.hireflow.identity;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import io.hireflow.shared.Role;

/** Adds a staff user to the admin's organization. */
public record CreateUser(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(min = 8, max = 200) String password,
        @NotEmpty Set<Role> roles) {
}
