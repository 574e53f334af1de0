package io.hireflow.interviews;

/** How an interview is held: in person unless there is a reason not to. */
public enum InterviewFormat {
    IN_PERSON, VIDEO, PHONE
}
