package io.hireflow.notifications;

/** Where a message is on its way to the candidate. */
public enum MessageStatus {
    /** Waiting for its send time or its first attempt. */
    QUEUED,
    /** Taken by a dispatcher, which holds it for a short lease; if that node dies, the lease runs out and it is retried. */
    SENDING,
    /** An attempt failed; it is tried again later. */
    DEFERRED,
    /** Accepted by the mail server (or put into the built-in mailbox). */
    SENT,
    /** Failed too often or for good; an admin can retry it. */
    DEAD,
    /** Cancelled before it was sent. */
    CANCELLED,
    /** Not sent, by the decision that caused it (its note says why); kept so the choice is on record. */
    WITHHELD;

    public boolean cancellable() {
        return this == QUEUED || this == DEFERRED;
    }
}
