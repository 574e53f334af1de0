package io.hireflow.assessments;

/** How a question is answered, and so how it is graded. */
public enum QuestionKind {
    /** One of the choices; graded automatically. */
    SINGLE_CHOICE,
    /** Any of the choices; right only when exactly the correct ones are picked; graded automatically. */
    MULTIPLE_CHOICE,
    /** A few words, right when they match an accepted answer (case and surrounding spaces aside). */
    SHORT_ANSWER,
    /** Free text, graded by a reviewer against the grading notes. */
    ESSAY;

    boolean hasChoices() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
