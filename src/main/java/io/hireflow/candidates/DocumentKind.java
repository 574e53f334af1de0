package io.hireflow.candidates;

/** What a file a candidate sent is for. */
public enum DocumentKind {
    RESUME, COVER_LETTER, OTHER,
    /** Handed in for a take-home assignment. */
    ASSIGNMENT
}
