package io.hireflow.offers;

/** Where an offer stands: in negotiation, or how it ended. An expired offer can still be extended or withdrawn. */
public enum OfferStatus {
    OPEN, ACCEPTED, DECLINED, WITHDRAWN, EXPIRED;

    /** Still in play: one per application at most. */
    public boolean live() {
        return this == OPEN || this == EXPIRED;
    }
}
