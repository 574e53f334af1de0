package io.hireflow.shared;

import java.io.Serializable;
import java.util.UUID;

/**
 * The tenant: every record of a company carries it, and every query is scoped by it. Serializable because the signed-in
 * {@link Actor} that holds it is kept in the session.
 */
public record OrganizationId(UUID value) implements Serializable {

    public OrganizationId {
        if (value == null) {
            throw new IllegalArgumentException("organization id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
