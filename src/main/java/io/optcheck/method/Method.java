package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;

/**
 * An optimization method as a pure step function on an explicit state. Methods know nothing of
 * theorems; they only call the oracle.
 *
 * @param <S> the method's state type
 */
public interface Method<S extends MethodState> {
    /** A stable id used in reports, e.g. {@code "gd"}. */
    String id();

    /**
     * The initial state at x_0 (t = 0). Copies {@code x0}.
     *
     * @throws IllegalArgumentException if x0 is null or empty
     */
    S init(double[] x0);

    /**
     * One step: returns the state with t + 1. Never mutates {@code state}.
     *
     * @throws MethodRefusal when the method itself cannot proceed (e.g. "direction not descent")
     */
    S step(S state, GradientOracle oracle);
}
