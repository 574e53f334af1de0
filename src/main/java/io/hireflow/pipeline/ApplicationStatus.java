package io.hireflow.pipeline;

public enum ApplicationStatus {
    ACTIVE, ON_HOLD, REJECTED, WITHDRAWN, HIRED;

    /** Still in the running: shown on the board and counted as active. */
    public boolean open() {
        return this == ACTIVE || this == ON_HOLD;
    }
}
