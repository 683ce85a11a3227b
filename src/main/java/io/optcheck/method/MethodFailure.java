package io.optcheck.method;

/**
 * Thrown by {@link Method#step} when a method failed in a way it can describe completely (for
 * example a plugged-in optimizer that modified its input or timed out): the {@link Runner} ends
 * the run with status ERROR and uses the message as it is, without prefixing the exception type.
 * The message should name the method, the step, what went wrong and how to fix it.
 */
public class MethodFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the complete message shown in the error result */
    public MethodFailure(String message) {
        super(message);
    }
}
