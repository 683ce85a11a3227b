package io.optcheck.api;

/**
 * A user's line search, checked as its own kind: optcheck runs steepest descent with it on
 * problems it generates and checks, at every accepted step, the condition the search claims with
 * the constants it declares (gd.armijo; gd.wolfe and gd.zoutendijk for a strong Wolfe search).
 *
 * <p>Contract: {@link #step} returns a finite step a &gt; 0 along the ray. A search that never
 * returns (a backtracking loop that never shrinks) is stopped by the per-try time box and
 * reported as an error result; it is never waited for.
 */
public interface LineSearch {

    /** The condition the accepted step satisfies. */
    enum Condition {
        /** f(x + a p) &lt;= f(x) + c1 a grad f(x)^T p. */
        ARMIJO,
        /** Armijo and |grad f(x + a p)^T p| &lt;= c2 |grad f(x)^T p|, with c1 &lt; c2 &lt; 1. */
        STRONG_WOLFE
    }

    /** The one-dimensional function the search sees: phi(a) = f(x + a p), p a descent direction. */
    interface Ray {
        /** The dimension d of x and p. */
        int dimension();

        /** x, in a fresh array. */
        double[] point();

        /** p, in a fresh array. */
        double[] direction();

        /** phi(a) = f(x + a p). */
        double value(double a);

        /** phi'(a) = grad f(x + a p)^T p (negative at a = 0). */
        double slope(double a);
    }

    /** The method id in reports. Default: the class's fully qualified name. */
    default String id() {
        return getClass().getName();
    }

    /** What the accepted step satisfies. */
    Condition condition();

    /** The sufficient-decrease constant c1, in (0, 1). */
    double c1();

    /** The curvature constant c2 of a strong Wolfe search, in (c1, 1); NaN (the default) for Armijo. */
    default double c2() {
        return Double.NaN;
    }

    /**
     * For a backtracking search: its first trial step alpha0 and shrink factor beta (both finite,
     * alpha0 &gt; 0, beta in (0, 1)), so that gd.armijo also checks the accepted step's lower
     * bound a &gt;= min(alpha0, 2 beta (1 - c1)/L). NaN (the default) when it is not one.
     */
    default double initialStep() {
        return Double.NaN;
    }

    /** See {@link #initialStep()}; NaN by default. */
    default double shrinkFactor() {
        return Double.NaN;
    }

    /**
     * The accepted step along the ray.
     *
     * @return a finite a &gt; 0
     */
    double step(Ray ray);
}
