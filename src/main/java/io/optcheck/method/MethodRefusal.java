package io.optcheck.method;

import java.util.Objects;

/**
 * Thrown by {@link Method#step} when the method itself reports that it cannot proceed, for
 * example "no Armijo step" or "direction not descent". The runner records it as a
 * {@code refused} ending rather than an error. Unchecked so that step functions stay lambdas.
 */
public class MethodRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    /** @param reason short human-readable reason, e.g. "direction not descent" */
    public MethodRefusal(String reason) {
        super(Objects.requireNonNull(reason, "reason"));
        this.reason = reason;
    }

    /** The reason given by the method. */
    public String reason() {
        return reason;
    }
}
