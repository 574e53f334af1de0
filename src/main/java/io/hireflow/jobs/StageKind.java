package io.hireflow.jobs;

/** What happens in a stage. {@code HIRED} is the pipeline's last stage and is entered only by hiring. */
public enum StageKind {
    REVIEW, ASSIGNMENT, ONLINE_TEST, INTERVIEW, OFFER, HIRED
}
