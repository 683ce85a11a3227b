package io.optcheck.oracle;

import io.optcheck.problem.Objective;

/**
 * What the oracles built on an objective share: the dimension and the value f(x) of that
 * objective, and the two call counters. A subclass writes only its gradient, {@link #estimate};
 * each counter is raised before the call it counts runs, so a call that throws is counted, as
 * {@link GradientOracle} requires. Not thread-safe: one oracle per run.
 *
 * @param <F> the kind of objective the oracle reads
 */
public abstract class CountingOracle<F extends Objective> implements GradientOracle {
    /** The objective whose dimension and value the oracle reports. */
    protected final F f;

    private long valueCalls;
    private long gradientCalls;

    /** @param f the objective (not checked here: a subclass that wants it non-null says so) */
    protected CountingOracle(F f) {
        this.f = f;
    }

    @Override
    public final int dimension() {
        return f.dimension();
    }

    @Override
    public final double value(double[] x) {
        valueCalls++;
        return f.value(x);
    }

    @Override
    public final void gradient(double[] x, double[] out) {
        gradientCalls++;
        estimate(x, out);
    }

    /** Writes this oracle's gradient (or gradient estimate) at x into {@code out}; already counted. */
    protected abstract void estimate(double[] x, double[] out);

    /** Counts one gradient call of another kind (a per-example gradient, say). */
    protected final void countGradientCall() {
        gradientCalls++;
    }

    @Override
    public final long valueCalls() {
        return valueCalls;
    }

    @Override
    public final long gradientCalls() {
        return gradientCalls;
    }
}
