package io.optcheck.api;

import java.util.Arrays;

/**
 * The random source optcheck hands to a {@link GradientEstimator}. Every random choice of the
 * estimator goes through it, so optcheck knows the estimator's whole distribution: it lists every
 * sequence of answers with its probability and computes E[estimate] and Cov(estimate) EXACTLY,
 * without statistics, and any failure replays bit for bit.
 *
 * <p>Only the answers of this object may decide what the estimator returns: no other random
 * generator, no clock, no state kept between calls. optcheck replays call prefixes and reports an
 * estimator whose questions differ on the same answers as an error.
 */
public interface Randomness {

    /**
     * A uniform integer in [0, bound): each value with probability 1/bound.
     *
     * @throws IllegalArgumentException when bound &lt; 1 (the message names the bound)
     */
    int nextInt(int bound);

    /**
     * Index i with probability weights[i] / sum(weights), for importance sampling. A weight of 0
     * is never chosen.
     *
     * @throws IllegalArgumentException when the array is empty, a weight is negative, NaN or
     *     infinite, or all weights are 0
     */
    int nextIndex(double[] weights);

    /**
     * A uniformly random permutation of 0..n-1 (Fisher-Yates on {@link #nextInt}; n! outcomes).
     *
     * @throws IllegalArgumentException when n &lt; 0
     */
    default int[] permutation(int n) {
        return sample(n, n);
    }

    /**
     * k distinct indices of 0..n-1, a uniformly random subset in uniformly random order (a
     * partial Fisher-Yates shuffle on {@link #nextInt}; n!/(n-k)! outcomes).
     *
     * @throws IllegalArgumentException unless 0 &lt;= k &lt;= n
     */
    default int[] sample(int n, int k) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got n = " + n + ", k = " + k);
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int r = i + nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[r];
            perm[r] = t;
        }
        return Arrays.copyOf(perm, k);
    }
}
