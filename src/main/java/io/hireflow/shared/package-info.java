/**
 * The small kernel every module shares: tenancy ({@link io.hireflow.shared.OrganizationId}, {@link io.hireflow.shared.Actor}),
 * time, identifiers and the exceptions that become problem responses; plus the embedded database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package io.hireflow.shared;
