package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.Vectors;
import java.util.Objects;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * Steepest descent with an exact line search: x_{t+1} = x_t - alpha g_t with
 * alpha = argmin_{a &gt;= 0} f(x_t - a g_t) (Cauchy 1847; Nocedal &amp; Wright, Numerical
 * Optimization, 2nd ed., sec. 3.3, eq. (3.25)).
 *
 * <ul>
 *   <li>{@link #onQuadratic(Quadratic)}: the closed form alpha = g^T g / g^T H g, computed on g
 *       scaled by its largest component so that neither product underflows. When
 *       g^T H g &lt;= 0 along g, f is unbounded below along the ray and no 1-D minimizer exists:
 *       the method refuses, never takes a NaN or infinite step.</li>
 *   <li>{@link #brent()}: for general objectives. A bracket [0, b] is found by halving b (at
 *       most {@value #MAX_BRACKET} times) until f(x - b g) &lt; f(x), then doubling it (at most
 *       {@value #MAX_BRACKET} times) until f stops decreasing; Hipparchus's
 *       {@link BrentOptimizer} then minimizes on [0, 2b] with relative tolerance
 *       {@value #BRENT_REL} and absolute tolerance {@value #BRENT_ABS_FACTOR} b, at most
 *       {@value #BRENT_EVALS} evaluations. Running out of any of these counts is a refusal.</li>
 * </ul>
 * A zero gradient leaves x where it is (step 0). Non-finite values or gradients are left to the
 * runner, which ends the run with an error.
 */
public final class ExactLineSearchGd extends LineStepMethod {

    static final int MAX_BRACKET = 200;
    static final double BRENT_REL = 1e-10;
    static final double BRENT_ABS_FACTOR = 1e-14;
    static final int BRENT_EVALS = 500;

    private final Quadratic quadratic;

    private ExactLineSearchGd(Quadratic q) {
        this.quadratic = q;
    }

    /** The closed-form step on a quadratic (H is read from q). */
    public static ExactLineSearchGd onQuadratic(Quadratic q) {
        return new ExactLineSearchGd(Objects.requireNonNull(q, "q"));
    }

    /** A Brent line search on the oracle's values, for any objective. */
    public static ExactLineSearchGd brent() {
        return new ExactLineSearchGd(null);
    }

    @Override
    public String id() {
        return "gd-exact-ls";
    }

    @Override
    protected LineSearchState step(LineSearchState s, GradientOracle oracle, double[] x, double[] g) {
        double m = Vectors.maxAbs(g);
        if (m == 0) {
            return new LineSearchState(x, s.t() + 1, 0.0, 0);
        }
        double[] p = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            p[i] = -g[i];
        }
        double alpha = quadratic != null ? closedForm(x, g, m) : brentStep(oracle, x, p);
        return new LineSearchState(Vectors.along(x, alpha, p), s.t() + 1, alpha, quadratic != null ? 1 : 0);
    }

    private double closedForm(double[] x, double[] g, double m) {
        double[] u = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            u[i] = g[i] / m;
        }
        double[] hu = new double[g.length];
        quadratic.hessianVector(x, u, hu);
        double uu = Vectors.dot(u, u);
        double uhu = Vectors.dot(u, hu);
        if (!(uhu > 0)) {
            throw new MethodRefusal("no 1-D minimizer: g^T H g = " + LineSearchSupport.fmt(uhu * m * m)
                    + " <= 0 along g (H indefinite along the gradient), so f is unbounded below on the ray "
                    + "x - a g");
        }
        // g = m u, so g^T g / g^T H g = (m^2 u^T u) / (m^2 u^T H u): the m's cancel.
        return uu / uhu;
    }

    private double brentStep(GradientOracle oracle, double[] x, double[] p) {
        double f0 = oracle.value(x);
        double b = 1.0 / Vectors.maxAbs(p);
        int halvings = 0;
        while (!(oracle.value(Vectors.along(x, b, p)) < f0)) {
            if (++halvings > MAX_BRACKET) {
                throw new MethodRefusal("no decrease along -grad f within " + MAX_BRACKET + " halvings of the "
                        + "trial step (last a = " + LineSearchSupport.fmt(b) + ")");
            }
            b /= 2;
        }
        double fb = oracle.value(Vectors.along(x, b, p));
        int doublings = 0;
        while (true) {
            double f2 = oracle.value(Vectors.along(x, 2 * b, p));
            if (!(f2 < fb)) {
                break;
            }
            if (++doublings > MAX_BRACKET) {
                throw new MethodRefusal("no 1-D minimizer found: f still decreases along -grad f at a = "
                        + LineSearchSupport.fmt(2 * b) + " after " + MAX_BRACKET + " doublings (unbounded below?)");
            }
            b *= 2;
            fb = f2;
        }
        // The minimizer of a unimodal phi lies in (0, 2b): phi(b) < phi(0) and phi(2b) >= phi(b).
        final double[] xx = x;
        BrentOptimizer opt = new BrentOptimizer(BRENT_REL, BRENT_ABS_FACTOR * b);
        try {
            UnivariatePointValuePair r = opt.optimize(
                    new MaxEval(BRENT_EVALS),
                    new UnivariateObjectiveFunction(a -> oracle.value(Vectors.along(xx, a, p))),
                    GoalType.MINIMIZE,
                    new SearchInterval(0, 2 * b, b));
            return r.getPoint();
        } catch (MathIllegalStateException e) {
            throw new MethodRefusal("Brent line search did not converge in " + BRENT_EVALS + " evaluations on [0, "
                    + LineSearchSupport.fmt(2 * b) + "]");
        }
    }

    @Override
    public String toString() {
        return quadratic != null ? "gd-exact-ls(closed form)" : "gd-exact-ls(Brent)";
    }
}
