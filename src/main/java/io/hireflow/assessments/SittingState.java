package io.hireflow.assessments;

import java.time.Instant;

/** Where one candidate's sitting of an online test stands. */
public enum SittingState {
    /** Invited; not started, and the window is still open (or yet to open). */
    INVITED,
    /** Started; the clock is running. */
    IN_PROGRESS,
    /** Handed in by the candidate before the time ran out. */
    SUBMITTED,
    /** The time ran out before the candidate handed it in; what was saved by then counts. */
    TIMED_OUT,
    /** The window closed without the candidate starting. */
    MISSED;

    static SittingState of(Instant startedAt, Instant deadlineAt, Instant submittedAt, Instant closesAt,
            Instant now) {
        if (submittedAt != null) {
            return SUBMITTED;
        }
        if (startedAt == null) {
            return now.isBefore(closesAt) ? INVITED : MISSED;
        }
        return now.isBefore(deadlineAt) ? IN_PROGRESS : TIMED_OUT;
    }

    /** Whether nothing about the sitting can change any more but its grading. */
    public boolean finished() {
        return this == SUBMITTED || this == TIMED_OUT || this == MISSED;
    }
}
