package io.hireflow.offers;

/** Why a candidate declined an offer, as reports count it. */
public enum DeclineReason {
    COMPENSATION, START_DATE, OTHER_OFFER, LOCATION, OTHER
}
