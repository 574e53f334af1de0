package io.hireflow.shared;

/** Asked too often from one address or for one email: answered 429, with when to try again. */
public class TooManyRequestsException extends HireflowException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String code, long retryAfterSeconds) {
        super(code, retryAfterSeconds / 60 + 1);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
