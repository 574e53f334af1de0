package io.hireflow.jobs;

/** How a job's question is answered on the apply form. */
public enum QuestionKind {
    SHORT_TEXT, LONG_TEXT, SINGLE_CHOICE, MULTIPLE_CHOICE, YES_NO, FILE;

    /** Whether the question offers its own list of choices (and needs one). */
    public boolean hasChoices() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
