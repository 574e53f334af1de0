package io.hireflow.jobs;

public enum JobStatus {
    DRAFT, OPEN, CLOSED
}
