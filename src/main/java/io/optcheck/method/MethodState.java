package io.optcheck.method;

import java.util.OptionalDouble;

/**
 * The complete state of a method between steps: an immutable value. Because it is complete and
 * immutable, "a fresh state per run" and "copy the state to resume later" need no extra code.
 * Implementations copy arrays on the way in and out.
 */
public interface MethodState {
    /** A copy of the current iterate x_t. */
    double[] x();

    /** The number of steps taken to reach this state (0 for the state from init). */
    int t();

    /**
     * The step size the method used to produce this state, if it reports one (empty for the
     * initial state). Informational only: checkers never trust it for the check itself.
     */
    default OptionalDouble stepSize() {
        return OptionalDouble.empty();
    }
}
