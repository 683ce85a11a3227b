package io.optcheck.api;

/**
 * How a gradient estimator claims to pick its examples. The claim decides which checks apply:
 * every sampling is checked for unbiasedness, E[estimate] = grad f(x); the two uniform
 * samplings are also checked against the covariance formulas of finite-population sampling
 * (theorem sgd.minibatch-variance).
 */
public enum Sampling {

    /**
     * B indices drawn independently and uniformly from 0..n-1 (repeats allowed); the estimate is
     * the mean of their gradients. Cov = Sigma/B.
     */
    WITH_REPLACEMENT,

    /**
     * A uniformly random subset of B distinct examples (needs n &gt;= B); the estimate is the mean
     * of their gradients. Cov = ((n - B)/(B (n - 1))) Sigma, exactly 0 at B = n.
     */
    WITHOUT_REPLACEMENT,

    /**
     * Any other scheme that claims to be unbiased, typically importance sampling: example i drawn
     * with probability p_i &gt; 0 and its gradient reweighted by 1/(n p_i). Only unbiasedness is
     * checked; the uniform variance formulas do not apply.
     */
    IMPORTANCE
}
