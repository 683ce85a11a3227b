package io.optcheck.oracle;

import io.optcheck.problem.FiniteSum;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * A stochastic gradient oracle: {@link #gradient} returns one draw of a {@link BatchEstimator}
 * on a finite sum, {@link #value} the exact f(x). Seeded (Well19937c) and therefore replayable:
 * two oracles with the same seed return the same sequence. Counts its calls. Not thread-safe:
 * one oracle per run.
 */
public final class MinibatchOracle extends CountingOracle<FiniteSum> {

    private final BatchEstimator estimator;
    private final RandomGenerator rng;

    public MinibatchOracle(FiniteSum f, BatchEstimator estimator, long seed) {
        super(f);
        this.estimator = estimator;
        this.rng = new Well19937c(seed);
    }

    @Override
    protected void estimate(double[] x, double[] out) {
        estimator.draw(ExampleRows.at(f, x), rng, out);
    }
}
