package io.hireflow.pipeline;

/** The moves an application can make. */
public enum TransitionAction {
    /** Pass the current stage and enter the next (not into {@code HIRED}: that is {@link #HIRE}). */
    ADVANCE,
    /** Go to a named stage of the same job, forward or back. */
    MOVE,
    /** Waive the current stage (reason required) and enter the next; the stage shows as skipped, not passed. */
    SKIP,
    /** End the application (reason required); it stays in its stage. */
    REJECT,
    /** Pause an active application. */
    HOLD,
    /** Bring an application on hold, rejected or withdrawn back to active. */
    REOPEN,
    /** End the application on the candidate's behalf. */
    WITHDRAW,
    /** Enter the {@code HIRED} stage, only from the stage right before it. */
    HIRE
}
