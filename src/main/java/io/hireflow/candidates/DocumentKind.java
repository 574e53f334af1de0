package io.hireflow.candidates;

/** What a file a candidate sent is for. */
public enum DocumentKind {
    RESUME, COVER_LETTER, OTHER,
    /** Handed in for a take-home assignment. */
    ASSIGNMENT,
    /** A receipt for a trip to an interview, with a travel claim. */
    RECEIPT
}
