package io.hireflow.offers;

/** A version's approval: not needed, waiting for an approver, or answered. */
public enum Approval {
    NOT_NEEDED, PENDING, APPROVED, REJECTED;

    /** Why a company version needs an approver's yes. */
    public enum Reason {
        /** Its base salary is outside the job's band for its level. */
        OUTSIDE_BAND,
        /** The job has no band for its level. */
        NO_BAND,
        /** It changes the compensation of a version approved before. */
        CHANGED_AFTER_APPROVAL
    }
}
