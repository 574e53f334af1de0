/**
 * Assessments: each organization's question bank (by topic, difficulty, kind and language, imported and exported as
 * CSV, starting with Hireflow's DevOps questions), which online tests and interview kits draw on; the jobs'
 * take-home assignments (their templates, and each application's release, deadline, waiving, hand-in and reviews).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessments", allowedDependencies = {"shared",
        "identity", "jobs", "candidates", "pipeline", "notifications"})
package io.hireflow.assessments;
