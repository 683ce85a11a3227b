package io.optcheck.method;

import java.util.OptionalDouble;

/**
 * What the states of the built-in methods share: the iterate x_t, owned by the state and handed
 * out only as a copy, and the step count t.
 */
public abstract class IterateState implements MethodState {
    /** The iterate, owned by this state: read it here, never hand it out or change it. */
    protected final double[] x;
    /** Steps taken. */
    protected final int t;

    /**
     * @param owned the iterate, owned by the state from now on (the caller passes a copy or an
     *     array it no longer writes)
     * @param t steps taken
     */
    protected IterateState(double[] owned, int t) {
        this.x = owned;
        this.t = t;
    }

    @Override
    public final double[] x() {
        return x.clone();
    }

    @Override
    public final int t() {
        return t;
    }

    /** The reported step of a state that stores NaN for "none". */
    protected static OptionalDouble stepOrEmpty(double stepSize) {
        return Double.isNaN(stepSize) ? OptionalDouble.empty() : OptionalDouble.of(stepSize);
    }
}
