package io.hireflow.shared;

import java.util.Arrays;

/**
 * A refusal the user should read: carries a message code from the bundles and its arguments, so the web layer can say
 * it in the reader's language.
 */
public abstract class HireflowException extends RuntimeException {

    private final String code;
    private final transient Object[] arguments;

    protected HireflowException(String code, Object... arguments) {
        super(code + Arrays.toString(arguments));
        this.code = code;
        this.arguments = arguments.clone();
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
