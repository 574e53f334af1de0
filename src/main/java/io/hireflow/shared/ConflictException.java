package io.hireflow.shared;

/** A change the current state does not allow (an illegal move, a stale version, a duplicate): answers 409. */
public class ConflictException extends HireflowException {

    public ConflictException(String code, Object... arguments) {
        super(code, arguments);
    }
}
