package io.hireflow.interviews.travel;

/** Where a travel claim stands: submitted, then approved or rejected (with a reason), then paid (approved ones). */
public enum ClaimStatus {
    SUBMITTED, APPROVED, REJECTED, PAID
}
