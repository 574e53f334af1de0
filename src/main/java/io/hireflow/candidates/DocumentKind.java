package io.hireflow.candidates;

/** What a file a candidate sent is for. */
public enum DocumentKind {
    RESUME, COVER_LETTER, OTHER
}
