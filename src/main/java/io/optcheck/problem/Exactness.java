package io.optcheck.problem;

/** How a constant recorded in a {@link Certificate} relates to the true constant of the objective. */
public enum Exactness {
    /**
     * The recorded double is the true constant of the objective as it is evaluated (for example
     * L = max lambda of a diagonal quadratic whose lambdas are the stored doubles).
     */
    EXACT,
    /**
     * The recorded double is the true constant up to floating-point rounding of a computation
     * (a decomposition, a product Q diag(lambda) Q^T). It may be off by a few ulps in either
     * direction.
     */
    ROUNDED,
    /**
     * The recorded double is a valid bound in the direction that makes the assumption true (an
     * upper bound for L, a lower bound for mu, PL and f_low), not necessarily attained.
     */
    BOUND
}
