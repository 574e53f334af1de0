/**
 * Job openings with their hiring teams and ordered pipelines of stages, and the organization's pipeline templates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jobs", allowedDependencies = {"shared", "identity"})
package io.hireflow.jobs;
