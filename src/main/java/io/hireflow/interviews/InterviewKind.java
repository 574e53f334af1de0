package io.hireflow.interviews;

/** What an interview is for. */
public enum InterviewKind {
    TECHNICAL, CULTURE_FIT, OTHER
}
