package io.hireflow.interviews;

/** Where an interview stands. */
public enum InterviewStatus {
    /** Slots are offered; the candidate has not picked one yet. */
    OFFERED,
    /** It has its time. */
    SCHEDULED,
    /** It was called off. */
    CANCELLED
}
