package io.hireflow.pipeline;

/** What happened to an application; one per timeline entry. */
public enum TimelineEventType {
    APPLIED, ADVANCED, MOVED, SKIPPED, REJECTED, HELD, REOPENED, WITHDRAWN, HIRED;

    static TimelineEventType of(TransitionAction action) {
        return switch (action) {
            case ADVANCE -> ADVANCED;
            case MOVE -> MOVED;
            case SKIP -> SKIPPED;
            case REJECT -> REJECTED;
            case HOLD -> HELD;
            case REOPEN -> REOPENED;
            case WITHDRAW -> WITHDRAWN;
            case HIRE -> HIRED;
        };
    }
}
