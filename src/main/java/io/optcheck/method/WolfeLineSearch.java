package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Vectors;
import java.util.Objects;

/**
 * Gradient descent with a line search for the strong Wolfe conditions (Nocedal &amp; Wright,
 * Numerical Optimization, 2nd ed., Algorithm 3.5 (bracketing) and Algorithm 3.6 (zoom)). With
 * phi(a) = f(x + a p), a step a &gt; 0 is accepted when
 *
 * <pre>phi(a) &lt;= phi(0) + c1 a phi'(0)   and   |phi'(a)| &lt;= c2 |phi'(0)|.</pre>
 *
 * Bracketing starts at the trial step {@code alpha1} and doubles it, at most
 * {@value #MAX_BRACKET} times; zoom picks the minimizer of the quadratic interpolating phi(lo),
 * phi'(lo) and phi(hi), used when it lies in the middle 80% of the bracket (bisection
 * otherwise), at most {@value #MAX_ZOOM} times, and stops early when the bracket has
 * shrunk to adjacent doubles. The theory (Lemma 3.1) guarantees a step for 0 &lt; c1 &lt; c2 &lt; 1
 * and f bounded below along the ray; other c1, c2 in (0, 1) are accepted, and the search then
 * refuses when it finds none.
 *
 * <p>Refusals ({@link MethodRefusal}) say which condition failed: p not a descent direction;
 * bracketing ran out of doublings with phi still decreasing steeply (curvature never met: f may be
 * unbounded below along p); or zoom gave up, naming the condition that failed at its last trial
 * step (sufficient decrease or curvature) and the final bracket. At a point where every gradient
 * component is below 2^-500 (including g = 0) the method stays put (step 0): below that
 * g^T p and the Armijo decrease underflow, so no line search can be carried out. Non-finite values or gradients
 * are left to the runner, which ends the run with an error.
 */
public final class WolfeLineSearch extends LineStepMethod {

    static final int MAX_BRACKET = 60;
    static final int MAX_ZOOM = 100;

    private final double alpha1;
    private final double c1;
    private final double c2;
    private final DirectionRule rule;

    /**
     * Along -grad f.
     *
     * @param alpha1 the first trial step, finite and &gt; 0
     * @param c1 the sufficient-decrease constant, in (0, 1)
     * @param c2 the curvature constant, in (0, 1)
     */
    public WolfeLineSearch(double alpha1, double c1, double c2) {
        this(alpha1, c1, c2, DirectionRule.STEEPEST);
    }

    /**
     * @throws IllegalArgumentException for parameters out of range
     */
    public WolfeLineSearch(double alpha1, double c1, double c2, DirectionRule rule) {
        MethodArgs.requirePositiveFinite(alpha1, "alpha1");
        if (!(c1 > 0 && c1 < 1) || !(c2 > 0 && c2 < 1)) {
            throw new IllegalArgumentException("c1 and c2 must be in (0, 1), got " + c1 + ", " + c2);
        }
        this.alpha1 = alpha1;
        this.c1 = c1;
        this.c2 = c2;
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String id() {
        return "gd-wolfe";
    }

    /** The outcome of one line search: the step and the number of trial steps. */
    public record Step(double alpha, int trials) {}

    @Override
    protected LineSearchState step(LineSearchState s, GradientOracle oracle, double[] x, double[] g) {
        if (LineSearchSupport.staysPut(g)) {
            return new LineSearchState(x, s.t() + 1, 0.0, 0); // stationary to working precision
        }
        double[] p = rule.direction(x, g);
        Step st = search(oracle, x, p, Vectors.dot(g, p));
        return new LineSearchState(Vectors.along(x, st.alpha(), p), s.t() + 1, st.alpha(), st.trials());
    }

    /** One strong Wolfe line search from x along p, where dphi0 = grad f(x)^T p. */
    public Step search(GradientOracle oracle, double[] x, double[] p, double dphi0) {
        if (!(dphi0 < 0)) {
            throw new MethodRefusal("direction not descent: grad f^T p = " + LineSearchSupport.fmt(dphi0)
                    + " >= 0; no Wolfe step exists");
        }
        Ray ray = new Ray(oracle, x, p);
        double phi0 = oracle.value(x);
        double aPrev = 0;
        double phiPrev = phi0;
        double dPrev = dphi0;
        double a = alpha1;
        for (int i = 1; i <= MAX_BRACKET; i++) {
            double phiA = ray.value(a);
            if (phiA > phi0 + c1 * a * dphi0 || (i > 1 && phiA >= phiPrev)) {
                return zoom(ray, phi0, dphi0, aPrev, phiPrev, dPrev, a, phiA);
            }
            double dA = ray.slope(a);
            if (Math.abs(dA) <= -c2 * dphi0) {
                return new Step(a, ray.trials);
            }
            if (dA >= 0) {
                return zoom(ray, phi0, dphi0, a, phiA, dA, aPrev, phiPrev);
            }
            aPrev = a;
            phiPrev = phiA;
            dPrev = dA;
            a = 2 * a;
        }
        throw new MethodRefusal("no strong Wolfe step: bracketing gave up after " + MAX_BRACKET
                + " doublings: at a = " + LineSearchSupport.fmt(aPrev) + " sufficient decrease holds but the "
                + "curvature condition fails (phi'(a) = " + LineSearchSupport.fmt(dPrev) + " < -c2 |phi'(0)| = "
                + LineSearchSupport.fmt(c2 * dphi0) + "): f may be unbounded below along p");
    }

    /** Algorithm 3.6; lo satisfies sufficient decrease and has the lowest phi seen in the bracket. */
    private Step zoom(
            Ray ray, double phi0, double dphi0, double lo, double phiLo, double dLo, double hi, double phiHi) {
        String failed = "none";
        double last = Double.NaN;
        for (int j = 1; j <= MAX_ZOOM; j++) {
            double left = Math.min(lo, hi);
            double right = Math.max(lo, hi);
            if (!(Math.nextUp(left) < right)) {
                break; // the bracket is two adjacent doubles: nothing left to try
            }
            double width = hi - lo;
            double denom = 2 * (phiHi - phiLo - dLo * width);
            double a = denom > 0 ? lo - dLo * width * width / denom : Double.NaN;
            double safeLo = left + 0.1 * (right - left);
            double safeHi = right - 0.1 * (right - left);
            if (!(a >= safeLo && a <= safeHi)) {
                // Outside the middle 80% the interpolant says little about where the Wolfe steps are:
                // bisect. Clamping to the edge of that range shrank the bracket by only 0.9 per trial
                // when the interpolant's minimizer lies beyond hi (phi = -a + a^2/2 from alpha1 = 1, Wolfe
                // steps in [8.3e-6, 1.7e-5] at c1 = c2 = 0.999992: 104 trials needed, 100 allowed).
                a = 0.5 * (left + right);
            }
            last = a;
            double phiA = ray.value(a);
            if (phiA > phi0 + c1 * a * dphi0 || phiA >= phiLo) {
                failed = "sufficient decrease";
                hi = a;
                phiHi = phiA;
            } else {
                double dA = ray.slope(a);
                if (Math.abs(dA) <= -c2 * dphi0) {
                    return new Step(a, ray.trials);
                }
                failed = "curvature";
                if (dA * (hi - lo) >= 0) {
                    hi = lo;
                    phiHi = phiLo;
                }
                lo = a;
                phiLo = phiA;
                dLo = dA;
            }
        }
        throw new MethodRefusal("no strong Wolfe step: zoom gave up after " + ray.trials + " trials; the "
                + failed + " condition failed at the last trial a = " + LineSearchSupport.fmt(last)
                + "; final bracket [" + LineSearchSupport.fmt(Math.min(lo, hi)) + ", "
                + LineSearchSupport.fmt(Math.max(lo, hi)) + "] (c1 = " + LineSearchSupport.fmt(c1) + ", c2 = "
                + LineSearchSupport.fmt(c2) + ")");
    }

    /** phi and phi' along the ray, counting trials. */
    private static final class Ray {
        final GradientOracle oracle;
        final double[] x;
        final double[] p;
        int trials;

        Ray(GradientOracle oracle, double[] x, double[] p) {
            this.oracle = oracle;
            this.x = x;
            this.p = p;
        }

        double value(double a) {
            trials++;
            return oracle.value(Vectors.along(x, a, p));
        }

        double slope(double a) {
            return Vectors.dot(LineSearchSupport.gradient(oracle, Vectors.along(x, a, p)), p);
        }
    }

    @Override
    public String toString() {
        return "gd-wolfe(alpha1 = " + LineSearchSupport.fmt(alpha1) + ", c1 = " + LineSearchSupport.fmt(c1) + ", c2 = "
                + LineSearchSupport.fmt(c2) + ", p = " + rule.describe() + ")";
    }
}
