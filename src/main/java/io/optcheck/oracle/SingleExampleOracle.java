package io.optcheck.oracle;

import io.optcheck.problem.FiniteSum;

/**
 * The stochastic gradient of one fixed index: {@link #gradient} returns grad f_i(x) for the i
 * given at construction, {@link #value} the full f(x). This is one outcome of uniform index
 * sampling; enumerating i over [0, n) with weight 1/n gives the exact expectation. Counts calls.
 */
public final class SingleExampleOracle extends CountingOracle<FiniteSum> {

    private final int i;

    /** @throws IllegalArgumentException when i is outside [0, n) */
    public SingleExampleOracle(FiniteSum f, int i) {
        super(f);
        this.i = f.requireExample(i);
    }

    @Override
    protected void estimate(double[] x, double[] out) {
        f.exampleGradient(i, x, out);
    }
}
