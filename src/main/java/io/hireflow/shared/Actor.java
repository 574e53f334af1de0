package io.hireflow.shared;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in staff user on whose behalf something happens: who they are, which organization they act in, and its
 * time zone (dates are shown in it).
 */
public record Actor(UUID userId, OrganizationId organizationId, String name, Set<Role> roles, ZoneId timeZone)
        implements Serializable {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
