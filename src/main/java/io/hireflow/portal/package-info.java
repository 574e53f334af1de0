/**
 * The candidate portal: a candidate signs in with a one-time link sent to their email and sees every application
 * they have made on the platform, whatever the organization, with every message they were sent; they can withdraw an
 * application, hand in assignments, take online tests, pick an interview's time from the slots offered,
 * claim travel to an in-person interview, and answer an offer (accept it, decline it with a reason, or counter it).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Candidate portal", allowedDependencies = {"shared",
        "identity", "jobs", "candidates", "pipeline", "notifications", "assessments", "interviews",
        "interviews :: travel", "offers"})
package io.hireflow.portal;
