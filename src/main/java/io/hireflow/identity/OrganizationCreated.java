package io.hireflow.identity;

import io.hireflow.shared.OrganizationId;

/**
 * An organization was created. Published inside the creating transaction, so modules that keep per-organization
 * defaults (pipeline templates, rejection reasons) create them atomically with it.
 */
public record OrganizationCreated(OrganizationId organizationId, String defaultLocale) {
}
