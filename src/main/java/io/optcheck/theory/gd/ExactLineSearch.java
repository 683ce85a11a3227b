package io.optcheck.theory.gd;

import io.optcheck.method.ExactLineSearchGd;
import io.optcheck.problem.ExactQuadratic;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.LineSearchProblems;
import io.optcheck.problem.LineSearchProblems.QuadraticStart;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.TrajectoryCheck;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * gd.exact-line-search (Kantorovich; de Klerk, Glineur &amp; Taylor 2017; PEPit
 * gradient_exact_line_search). On a strictly convex quadratic, steepest descent with exact line
 * search takes alpha = g^T g / g^T H g, consecutive gradients are orthogonal, and
 * f(x_t) - f* &lt;= ((kappa - 1)/(kappa + 1))^2 (f(x_t-1) - f*), tight.
 *
 * <p>The rate is checked in its decrease form, f(x_t-1) - f(x_t) &gt;= (4 mu L/(mu + L)^2)
 * (f(x_t-1) - f*), the same inequality; its ratio bound/decrease is 1 only at the true worst
 * case, where the ratio of the contraction form is near 1 for every start once kappa is large.
 * The worst case is a start whose gradient has equal weight on the extreme eigenvectors; the start
 * generator's knobs (the gradient angle in that plane and the off-plane weight) let targeted
 * search steer there.
 */
public final class ExactLineSearch extends DeclaredTheorem<QuadraticStart> implements OnQuadratics<QuadraticStart> {

    static final int STEPS = 50;

    /** The theorem as its spec declares it. */
    public ExactLineSearch() {
        super("gd.exact-line-search");
    }

    @Override
    public Gen<QuadraticStart> instances(Regime r) {
        // The holds generator, with some eigenvalues negated where strict convexity is dropped.
        return LineSearchProblems.quadraticStarts(Cases.<Boolean>on(r)
                .when(List.of("holds", "step-formula", "orthogonal-gradients"), () -> false)
                .when("drop:strictly-convex-quadratic", () -> true)
                .get());
    }

    @Override
    public Evaluation evaluate(QuadraticStart in, Regime r) {
        Quadratic q = in.q();
        int d = q.dimension();
        double l = q.certificate().L().orElseThrow();
        return TrajectoryCheck.run(ExactLineSearchGd.onQuadratic(q), q, in.x0(), STEPS, (t, prev, cur, series) -> {
            double[] g = q.gradient(prev);
            if (LineSearchChecks.zero(g)) {
                return LineSearchChecks.stationary(t);
            }
            double[] delta = Vectors.minus(cur, prev);
            double dn = Vectors.norm(delta);
            double xn = Vectors.norm(prev);
            double gn = Vectors.norm(g);
            return switch (r.conclusion()) {
                case "rate" -> rate(q, prev, cur, dn, t, series);
                case "orthogonal" -> {
                    double[] g1 = q.gradient(cur);
                    double g1n = Vectors.norm(g1);
                    if (g1n == 0) {
                        yield LineSearchChecks.stationary(t);
                    }
                    double cos = 0;
                    for (int i = 0; i < d; i++) {
                        cos += (g[i] / gn) * (g1[i] / g1n);
                    }
                    series.point("cos angle(g_t, g_t-1)", cos);
                    // g_t is computed at a rounded iterate: errors of eps L (||x_t-1|| + ||Delta||) from the
                    // step and eps || |H| |x_t| || from the product; relative to ||g_t|| in cosine units.
                    double scale = 1 + (l * (xn + dn) + q.gradientScale(cur)) / g1n + q.gradientScale(prev) / gn;
                    double tol = LineSearchChecks.tol(scale, d);
                    // Teeth: the wrong claim "consecutive gradients are obtuse by eps".
                    yield tighten() != 0
                            ? Check.atMost("cos angle(g_t, g_t-1)", t, cos, -tighten(), tol)
                            : Check.atMost("|cos angle(g_t, g_t-1)|", t, Math.abs(cos), 0, tol);
                }
                default -> {
                    double m = 0;
                    for (double c : g) {
                        m = Math.max(m, Math.abs(c));
                    }
                    double[] u = new double[d];
                    for (int i = 0; i < d; i++) {
                        u[i] = g[i] / m;
                    }
                    double[] hu = new double[d];
                    q.hessianVector(prev, u, hu);
                    double alpha = Vectors.dot(u, u) / Vectors.dot(u, hu) * (1 + tighten());
                    double proj = 0;
                    for (int i = 0; i < d; i++) {
                        proj += (g[i] / gn) * delta[i]; // scaled first: ||g||^2 may underflow
                    }
                    double observed = -proj / gn;
                    series.point("alpha read from the iterates", observed);
                    series.point("g^T g / g^T H g", alpha);
                    // alpha_obs = g^T (x_t-1 - x_t)/||g||^2 inherits the rounding of the iterates,
                    // eps (||x_t-1|| + ||Delta||)/||g||.
                    double scale = 2 * Math.abs(alpha) + (xn + dn) / gn;
                    yield Check.atMost(
                            "|alpha read from the iterates - g^T g / g^T H g|",
                            t,
                            Math.abs(observed - alpha),
                            0,
                            LineSearchChecks.tol(scale, d));
                }
            };
        });
    }

    private Check rate(Quadratic q, double[] prev, double[] cur, double dn, int t, TrajectoryCheck.Series series) {
        int d = q.dimension();
        double l = q.certificate().L().orElseThrow();
        double mu = q.certificate().mu().orElseThrow();
        double fs = q.certificate().fStar().orElseThrow();
        double factor = 4 * mu * l / ((mu + l) * (mu + l)); // 1 - ((kappa-1)/(kappa+1))^2
        double f0 = q.value(prev);
        double f1 = q.value(cur);
        double bound = factor * (f0 - fs) * (1 + tighten());
        double decrease = f0 - f1;
        series.point("f(x_t) - f*", f1 - fs);
        series.point("bound on f(x_t) - f*", f0 - fs - bound);
        // f is evaluated with rounding of its terms, and x_t is a rounded step: f(x_t) moves by about
        // ||grad f(x_t)|| eps (||x_t-1|| + ||Delta||).
        double scale = q.valueScale(prev)
                + q.valueScale(cur)
                + Math.abs(fs)
                + bound
                + Vectors.norm(q.gradient(cur)) * (Vectors.norm(prev) + dn);
        Check c = Check.atLeast(
                "decrease f(x_t-1) - f(x_t) vs (1 - q^2)(f(x_t-1) - f*)",
                t,
                decrease,
                bound,
                LineSearchChecks.tol(scale, d));
        double eps = tighten();
        c = c.withExact(
                HighPrecision.DECIMAL
                        + " on the real-number exact line-search step from the recorded x_t-1, to 1e-250 relative",
                () -> realStepRate(q, prev, l, mu, fs, eps));
        if (c.marginal() && tighten() == 0) {
            BigDecimal e0 = ExactQuadratic.value(q, prev);
            BigDecimal e1 = ExactQuadratic.value(q, cur);
            BigDecimal eb = new BigDecimal(factor).multiply(e0.subtract(new BigDecimal(fs)));
            c = c.rechecked(HighPrecision.holds(false, e0.subtract(e1), eb));
        }
        return c;
    }

    /**
     * The real-number step x+ = x - alpha g with alpha = g^T g / g^T H g from {@code prev}:
     * f(x) - f(x+) &gt;= 4 mu L/(mu + L)^2 (1 + tighten) (f(x) - f*).
     */
    static boolean realStepRate(Quadratic q, double[] prev, double l, double mu, double fs, double tighten) {
        BigDecimal[] x = HighPrecision.big(prev);
        BigDecimal[] g = ExactQuadratic.gradient(q, x);
        BigDecimal gg = HighPrecision.normSq(g);
        // g^T H g = g^T (grad f(x + g) - grad f(x)) for a quadratic.
        BigDecimal[] gPlus = ExactQuadratic.gradient(q, HighPrecision.axpy(x, BigDecimal.ONE.negate(), g));
        BigDecimal ghg = HighPrecision.dot(g, HighPrecision.axpy(gPlus, BigDecimal.ONE, g));
        if (ghg.signum() <= 0) {
            return gg.signum() == 0;
        }
        BigDecimal alpha = gg.divide(ghg, HighPrecision.MC);
        BigDecimal f0 = ExactQuadratic.value(q, x);
        BigDecimal decrease = f0.subtract(ExactQuadratic.value(q, HighPrecision.axpy(x, alpha, g)));
        BigDecimal bl = new BigDecimal(l);
        BigDecimal bm = new BigDecimal(mu);
        BigDecimal factor = BigDecimal.valueOf(4)
                .multiply(bm)
                .multiply(bl)
                .divide(bm.add(bl).pow(2), HighPrecision.MC)
                .multiply(BigDecimal.ONE.add(new BigDecimal(tighten)));
        return HighPrecision.holds(false, decrease, factor.multiply(f0.subtract(new BigDecimal(fs))));
    }

    @Override
    public Map<String, Object> describe(QuadraticStart in) {
        Map<String, Object> m = in.describe();
        m.put("start gradient angle", in.angle());
        m.put("off-plane weight", in.offPlane());
        return m;
    }

    @Override
    public Quadratic quadratic(QuadraticStart in) {
        return in.q();
    }
}
