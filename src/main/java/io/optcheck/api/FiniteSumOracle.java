package io.optcheck.api;

/**
 * What a finite-sum method ({@link FiniteSumOptimizer}) may ask about f = (1/n) sum_i f_i: n, the
 * per-example gradients grad f_i (the same ones optcheck's own SVRG and SAGA use), the full
 * gradient and value, and its random indices. optcheck draws every index, so a run is
 * replayable, and the checks of {@link FiniteSumKind} enumerate EVERY answer a step can receive,
 * with its probability: they are exact, without statistics.
 *
 * <p>Only the answers of {@link #nextIndex} may decide what the method does: no other random
 * generator, no clock. A method whose questions differ on the same answers is reported as an
 * error.
 */
public interface FiniteSumOracle extends Oracle {

    /** The number of terms n &gt;= 1. */
    int n();

    /**
     * grad f_i(x), in a fresh array the caller may keep or modify. Counted as a gradient call.
     *
     * @throws IllegalArgumentException when i is outside [0, n) or x does not have length
     *     {@link #dimension()}
     */
    double[] exampleGradient(int i, double[] x);

    /** The FULL gradient grad f(x) = (1/n) sum_i grad f_i(x), exact, in a fresh array. */
    @Override
    double[] gradient(double[] x);

    /**
     * A uniformly random index in [0, bound): the method's only source of randomness (the
     * example index i, SVRG's Option II pick).
     *
     * @throws IllegalArgumentException when bound &lt; 1
     */
    int nextIndex(int bound);
}
