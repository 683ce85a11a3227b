package io.optcheck.api;

/**
 * A gradient estimator that brings its own randomness (its own generator, a library's sampler)
 * instead of drawing from optcheck's {@link Randomness}. optcheck cannot list its distribution, so
 * it checks unbiasedness STATISTICALLY: R calls with distinct seeds per instance, and for every
 * coordinate two one-sided concentration tests (Hoeffding and empirical Bernstein, union bound)
 * of E[estimate]_j against grad f(x)_j. The report says so and gives the test, its false-alarm
 * rate alpha, R and the seed. Prefer {@link GradientEstimator} where you can: it is checked
 * exactly.
 *
 * <p>Only the two uniform samplings are supported: their estimates are means of per-example
 * gradients, so they lie between the smallest and largest per-example value of each coordinate,
 * and that known range is what makes the tests valid at any alpha. An estimate outside that range
 * is itself reported as a violation.
 *
 * <p>Contract: calls with the same seed return the same estimate, calls with different seeds are
 * independent draws (seed a fresh generator with {@code seed} in each call), and the result is a
 * new array of length d with finite entries. A breach is an error result naming the estimator and
 * the call.
 */
public interface SelfRandomEstimator {

    /** The estimator id in reports. Default: the class's fully qualified name. */
    default String id() {
        return getClass().getName();
    }

    /** How the estimator claims to pick its examples: WITH_REPLACEMENT or WITHOUT_REPLACEMENT. */
    Sampling sampling();

    /** The batch size B &gt;= 1 it is configured with. */
    int batchSize();

    /**
     * One estimate of grad f(x), with randomness seeded by {@code seed}.
     *
     * @param gradients grad f_i(x), i = 0..n-1 (immutable)
     * @param seed the seed for this call's random choices
     * @return a new array of length {@code gradients.dimension()}
     */
    double[] estimate(ExampleGradients gradients, long seed);
}
