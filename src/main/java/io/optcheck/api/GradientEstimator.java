package io.optcheck.api;

/**
 * A user's minibatch sampler or gradient estimator, as optcheck checks it: given the
 * per-example gradients grad f_i(x) (an n x d table) it returns an estimate of
 * grad f(x) = (1/n) sum_i grad f_i(x), drawing every random choice from the {@link Randomness}
 * optcheck provides. That is what makes the checks EXACT: optcheck enumerates every sequence of
 * answers the estimator can receive (its choice tree) with its probability.
 *
 * <p>What is checked: E[estimate] = grad f(x) for every declared {@link #sampling()} (theorem
 * sgd.unbiased-minibatch), and for the uniform samplings the covariance formulas of
 * sgd.minibatch-variance, on small least-squares finite sums (n examples, n &gt;= max(2, B)).
 * The choice tree must stay below about two million leaves: a batch size B with n^B (with
 * replacement) or n!/(n-B)! (without) answer sequences well below that, say B &lt;= 6. Check a
 * loader configured with a small batch size; the logic under test is the same.
 *
 * <p>Contract (a breach is reported as an error result naming the estimator and the call, and
 * the rest of the run continues): return a fresh array of length d with finite entries for finite
 * gradients, do not throw, and let only {@code rnd}'s answers decide the result (no other random
 * generator, no state carried between calls).
 *
 * <p>Example, a correct uniform sampler with replacement:
 * <pre>{@code
 * class MySampler implements GradientEstimator {
 *   public Sampling sampling() { return Sampling.WITH_REPLACEMENT; }
 *   public int batchSize() { return 2; }
 *   public double[] estimate(ExampleGradients g, Randomness rnd) {
 *     double[] out = new double[g.dimension()];
 *     for (int k = 0; k < batchSize(); k++) {
 *       int i = rnd.nextInt(g.n());
 *       for (int j = 0; j < out.length; j++) out[j] += g.get(i, j) / batchSize();
 *     }
 *     return out;
 *   }
 * }
 * }</pre>
 */
public interface GradientEstimator {

    /** The estimator id in reports. Default: the class's fully qualified name. */
    default String id() {
        return getClass().getName();
    }

    /** How the estimator claims to pick its examples. */
    Sampling sampling();

    /** The batch size B &gt;= 1 it is configured with. */
    int batchSize();

    /**
     * One estimate of grad f(x).
     *
     * @param gradients grad f_i(x), i = 0..n-1 (immutable)
     * @param rnd the only source of randomness the estimator may use
     * @return a new array of length {@code gradients.dimension()}
     */
    double[] estimate(ExampleGradients gradients, Randomness rnd);
}
