package io.optcheck.oracle;

import io.optcheck.api.ExampleGradients;
import org.hipparchus.random.RandomGenerator;

/**
 * A random combination of per-example gradients: a minibatch sampler, or one of the biased
 * estimators the breaking regimes use. Besides drawing one estimate, an estimator can list its
 * whole distribution: every outcome with its probability. That is what makes E[g] and Cov(g)
 * checkable EXACTLY, without statistics (small n only; see {@link Enumeration}).
 *
 * <p>Implementations are immutable. Non-finite gradients propagate per IEEE 754.
 */
public interface BatchEstimator {

    /** Receives the outcomes of an enumeration. */
    @FunctionalInterface
    interface Outcomes {
        /** One outcome: its probability and the estimate (the array is reused; copy to keep it). */
        void accept(double probability, double[] estimate);
    }

    /** Visits every outcome with its probability (probabilities sum to 1 up to rounding). */
    void enumerate(ExampleGradients g, Outcomes visitor);

    /** Writes one random estimate into {@code out}, drawing from {@code rng}. */
    void draw(ExampleGradients g, RandomGenerator rng, double[] out);

    /** One line for counterexamples. */
    String describe();
}
