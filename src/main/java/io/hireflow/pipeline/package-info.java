/**
 * Job applications moving through a job's pipeline: the moves and their rules, the timeline of every change, the
 * pipeline board, bulk moves, and the organization's rejection reasons.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pipeline",
        allowedDependencies = {"shared", "identity", "jobs", "candidates"})
package io.hireflow.pipeline;
