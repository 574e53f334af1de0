package io.hireflow.identity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import io.hireflow.shared.OrganizationId;
import io.hireflow.shared.Role;

/** A staff user as lists and pages show them; never carries the password hash. */
public record StaffUserView(UUID id, OrganizationId organizationId, String email, String displayName, Set<Role> roles,
        boolean enabled, Instant createdAt, ZoneId timeZone) {
}
