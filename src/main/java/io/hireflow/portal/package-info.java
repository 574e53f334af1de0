/**
 * The candidate portal: a candidate signs in with a one-time link sent to their email and sees every application
 * they have made on the platform, whatever the organization, with every message they were sent; they can withdraw an
 * application, hand in assignments, take online tests and pick an interview's time from the slots offered.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Candidate portal", allowedDependencies = {"shared",
        "identity", "jobs", "candidates", "pipeline", "notifications", "assessments", "interviews"})
package io.hireflow.portal;
