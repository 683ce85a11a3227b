package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Vectors;
import java.util.Objects;

/**
 * Gradient descent with a backtracking (Armijo) line search: Nocedal &amp; Wright, Numerical
 * Optimization, 2nd ed., Algorithm 3.1. At x with g = grad f(x) and direction p (by default
 * p = -g) the trial steps are a_k = alpha0 r^t beta^k, k = 0, 1, ..., and the first one with
 *
 * <pre>f(x + a p) &lt;= f(x) + c a g^T p</pre>
 *
 * is taken. r = 1 is the textbook method; r &lt; 1 lets the initial trial step decay
 * geometrically over the run (the steps are still Armijo steps, verified one by one).
 *
 * <p>The method refuses ({@link MethodRefusal}) instead of looping:
 * <ul>
 *   <li>when p is not a descent direction (g^T p &gt;= 0, or NaN): no Armijo step can exist;</li>
 *   <li>when the predicted decrease c a |g^T p| no longer changes f(x) in floating point (the
 *       right-hand side rounds to f(x)), so no further shrink can be measured;</li>
 *   <li>when {@code maxShrinks} shrinks did not find an Armijo step.</li>
 * </ul>
 * At a point where every gradient component is below 2^-500 (including g = 0) the method stays
 * put (step 0): below that g^T p and the Armijo decrease underflow, so no line search can be
 * carried out. Every loop is bounded by
 * {@code maxShrinks}. A non-finite value or gradient from the oracle is
 * left to the runner, which ends the run with an error naming the step.
 */
public final class ArmijoBacktracking extends LineStepMethod {

    /** The default shrink budget. */
    public static final int DEFAULT_MAX_SHRINKS = 200;

    private final double alpha0;
    private final double beta;
    private final double c;
    private final double decay;
    private final int maxShrinks;
    private final DirectionRule rule;

    /**
     * Backtracking along -grad f with the default shrink budget and no decay.
     *
     * @param alpha0 the first trial step, finite and &gt; 0
     * @param beta the shrink factor, in (0, 1)
     * @param c the Armijo constant, finite and &gt; 0 (the theory needs c &lt; 1; larger values
     *     are accepted, and the search then refuses)
     */
    public ArmijoBacktracking(double alpha0, double beta, double c) {
        this(alpha0, beta, c, 1.0, DEFAULT_MAX_SHRINKS, DirectionRule.STEEPEST);
    }

    /**
     * @param alpha0 the first trial step, finite and &gt; 0
     * @param beta the shrink factor, in (0, 1)
     * @param c the Armijo constant, finite and &gt; 0
     * @param decay r in (0, 1]: the first trial step of step t is alpha0 r^t
     * @param maxShrinks the shrink budget per step, &gt;= 0
     * @param rule the direction rule
     * @throws IllegalArgumentException for parameters out of range
     */
    public ArmijoBacktracking(double alpha0, double beta, double c, double decay, int maxShrinks, DirectionRule rule) {
        MethodArgs.requirePositiveFinite(alpha0, "alpha0");
        if (!(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in (0, 1), got " + beta);
        }
        MethodArgs.requirePositiveFinite(c, "c");
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1], got " + decay);
        }
        if (maxShrinks < 0) {
            throw new IllegalArgumentException("maxShrinks must be >= 0, got " + maxShrinks);
        }
        this.alpha0 = alpha0;
        this.beta = beta;
        this.c = c;
        this.decay = decay;
        this.maxShrinks = maxShrinks;
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /**
     * True when the line-search methods (this one and {@link WolfeLineSearch}) stay put at a point
     * with gradient g: every component is below 2^-500 in magnitude (see the class comment).
     * Checkers use it to tell such a step from an accepted one.
     */
    public static boolean staysPut(double[] g) {
        return LineSearchSupport.staysPut(g);
    }

    /** The same method with another direction rule. */
    public ArmijoBacktracking withDirection(DirectionRule r) {
        return new ArmijoBacktracking(alpha0, beta, c, decay, maxShrinks, r);
    }

    /** The same method with initial trial steps alpha0 r^t. */
    public ArmijoBacktracking withDecay(double r) {
        return new ArmijoBacktracking(alpha0, beta, c, r, maxShrinks, rule);
    }

    @Override
    public String id() {
        return "gd-armijo";
    }

    @Override
    protected LineSearchState step(LineSearchState s, GradientOracle oracle, double[] x, double[] g) {
        if (staysPut(g)) {
            return new LineSearchState(x, s.t() + 1, 0.0, 0); // stationary to working precision
        }
        double[] p = rule.direction(x, g);
        double gp = Vectors.dot(g, p);
        if (!(gp < 0)) {
            throw new MethodRefusal("direction not descent: grad f^T p = " + LineSearchSupport.fmt(gp)
                    + " >= 0 at step " + (s.t() + 1) + " (p = " + rule.describe() + "); no Armijo step exists");
        }
        double f0 = oracle.value(x);
        double a = alpha0 * Math.pow(decay, s.t());
        for (int k = 0; k <= maxShrinks; k++) {
            double rhs = f0 + c * a * gp;
            if (rhs == f0) {
                throw new MethodRefusal("no measurable Armijo step: after " + k + " shrinks the required "
                        + "decrease c a |grad f^T p| = " + LineSearchSupport.fmt(-c * a * gp)
                        + " is below the rounding of f(x) = " + LineSearchSupport.fmt(f0));
            }
            double[] y = Vectors.along(x, a, p);
            if (oracle.value(y) <= rhs) {
                return new LineSearchState(y, s.t() + 1, a, k + 1);
            }
            a *= beta;
        }
        throw new MethodRefusal("no Armijo step within " + maxShrinks + " shrinks (c = " + LineSearchSupport.fmt(c)
                + ", last trial a = " + LineSearchSupport.fmt(a / beta) + ")");
    }

    @Override
    public String toString() {
        return "gd-armijo(alpha0 = " + LineSearchSupport.fmt(alpha0) + ", beta = " + LineSearchSupport.fmt(beta)
                + ", c = " + LineSearchSupport.fmt(c) + (decay != 1 ? ", decay = " + LineSearchSupport.fmt(decay) : "")
                + ", p = " + rule.describe() + ")";
    }
}
