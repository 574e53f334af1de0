/**
 * Demo data for a first start: two organizations (a mobility company and a bank) with staff in every role, a DevOps
 * Engineer job each, and candidates spread over every stage and status with believable timelines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = {"shared", "identity", "jobs", "candidates", "pipeline"})
package io.hireflow.demo;
