package io.hireflow.shared;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in staff user on whose behalf something happens: who they are, which organization they act in, its
 * time zone (dates are shown in it), and the address the request came from ({@code null} for work the system does
 * itself).
 */
public record Actor(UUID userId, OrganizationId organizationId, String name, Set<Role> roles, ZoneId timeZone,
        String remoteAddress) implements Serializable {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public Actor(UUID userId, OrganizationId organizationId, String name, Set<Role> roles, ZoneId timeZone) {
        this(userId, organizationId, name, roles, timeZone, null);
    }

    /** The same user, acting through a request from the given address. */
    public Actor from(String address) {
        return new Actor(userId, organizationId, name, roles, timeZone, address);
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
