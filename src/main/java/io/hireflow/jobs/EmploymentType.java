package io.hireflow.jobs;

/** The kinds of employment, named as schema.org's {@code JobPosting.employmentType} names them. */
public enum EmploymentType {
    FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN
}
