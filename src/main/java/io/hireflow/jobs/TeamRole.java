package io.hireflow.jobs;

/** A person's part in one job's hiring team. */
public enum TeamRole {
    RECRUITER, HIRING_MANAGER, INTERVIEWER
}
