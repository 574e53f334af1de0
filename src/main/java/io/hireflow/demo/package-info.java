/**
 * Demo data for a first start: two organizations (a mobility company and a bank) with staff in every role, a DevOps
 * Engineer job each, and candidates spread over every stage and status with believable timelines; the bank also has a
 * new-graduate job whose online test two dozen candidates took (or missed) last week, graded and waiting for a pass mark;
 * the mobility company's candidates in interview stages have their in-person interviews scheduled.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = {"shared", "identity", "jobs", "candidates", "pipeline", "assessments", "interviews",
                "offers"})
package io.hireflow.demo;
