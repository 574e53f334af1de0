/**
 * Assessments: each organization's question bank (by topic, difficulty, kind and language, imported and exported as
 * CSV, starting with Hireflow's DevOps questions), which online tests and interview kits draw on; the jobs'
 * take-home assignment templates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessments", allowedDependencies = {"shared",
        "identity", "jobs"})
package io.hireflow.assessments;
