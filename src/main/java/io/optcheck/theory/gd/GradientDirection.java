package io.optcheck.theory.gd;

import io.optcheck.method.DirectionDescent;
import io.optcheck.method.DirectionRule;
import io.optcheck.problem.ExactQuadratic;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Described;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.StepSize;
import io.optcheck.theory.TrajectoryCheck;
import java.math.BigDecimal;
import java.util.Map;

/**
 * gd.gradient-direction (Nocedal &amp; Wright, Numerical Optimization, ch. 2). For differentiable f
 * with grad f(x) != 0, d = -grad f(x) is a descent direction: grad f(x)^T d = -||grad f(x)||^2 &lt; 0
 * and f(x + t d) &lt; f(x) for all small t &gt; 0.
 *
 * <p>Finite check, at every step of a constant-step run along the direction rule (the direction
 * is read back from the iterates, Delta = x_t - x_t-1 = eta d): the slope g^T Delta must be
 * negative (beyond the tolerance), and the Armijo-type decrease
 * f(x) - f(x + 2^-k Delta) &gt;= (1/2) 2^-k |g^T Delta| must hold for some k in 0..60; the check
 * at the smallest such k is reported (all 61 fail only for a direction that is not descent).
 */
public final class GradientDirection extends DeclaredTheorem<GradientDirection.Instance>
        implements OnQuadratics<GradientDirection.Instance> {

    static final int STEPS = 20;
    static final int MAX_K = 60;
    static final double C = 0.5;

    /** A quadratic, a start, the step fraction h (eta = h/L) and the direction perturbation w, u. */
    public record Instance(Quadratic q, double[] x0, double h, double w, double[] u) implements Described {
        double l() {
            return q.certificate().L().orElseThrow();
        }

        DirectionRule rule() {
            return w == 0 ? DirectionRule.STEEPEST : DirectionRule.perturbedSteepest(w, u);
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = LineSearchChecks.describe(q, l(), x0);
            m.put("eta", h / l());
            m.put("eta L", h);
            m.put("direction", rule().describe());
            return m;
        }
    }

    /** The theorem as its spec declares it. */
    public GradientDirection() {
        super("gd.gradient-direction");
    }

    @Override
    public Gen<Instance> instances(Regime r) {
        Gen<Double> h = Gens.doubles(0, 1).withSpecials(1.0).knob("h").filter("h > 0", v -> v > 0);
        Gen<Double> w = Cases.<Gen<Double>>on(r)
                .when("holds", () -> Gens.just(0.0))
                .when(
                        "drop:direction-neg-gradient",
                        () -> Gens.doubles(0, 3).knob("w").filter("w > 0", v -> v > 0))
                .get();
        return Problems.quadratics().flatMap(q -> {
            int d = q.dimension();
            Gen<double[]> x0 = Problems.points(d, 10).filter("x0 != x*", v -> !LineSearchChecks.zero(v));
            Gen<double[]> u =
                    Gens.doubleArrays(Gens.doubles(-1, 1), d).filter("u != 0", v -> !LineSearchChecks.zero(v));
            return Gens.combine(x0, h, w, u).as((xv, hv, wv, uv) -> new Instance(q, xv, hv, wv, uv));
        });
    }

    @Override
    public Evaluation evaluate(Instance in, Regime r) {
        Quadratic q = in.q();
        int d = q.dimension();
        double eta = in.h() / in.l();
        StepSize.requireRepresentable("eta", eta);
        return TrajectoryCheck.run(new DirectionDescent(eta, in.rule()), q, in.x0(), STEPS, (t, prev, cur, series) -> {
            double[] g = q.gradient(prev);
            if (LineSearchChecks.zero(g)) {
                return LineSearchChecks.stationary(t);
            }
            double[] delta = Vectors.minus(cur, prev);
            double gn = Vectors.norm(g);
            double dn = Vectors.norm(delta);
            double xn = Vectors.norm(prev);
            double slope = Vectors.dot(g, delta);
            series.point("grad f^T (x_t - x_t-1) / (eta ||g||^2)", slope / (eta * gn * gn));
            // The slope is read from x_t - x_t-1, whose rounding is about eps (||x_t-1|| + ||Delta||).
            Check s = Check.atMost(
                    "grad f(x_t-1)^T (x_t - x_t-1) (must be < 0)",
                    t,
                    slope,
                    0,
                    LineSearchChecks.tol(gn * (xn + dn) + gn * dn, d));
            s = s.withExact(AT_POINTS, () -> exactSlope(q, prev, delta).signum() <= 0);
            if (!s.ok()) {
                return s;
            }
            double f0 = q.value(prev);
            // Teeth: the wrong claim "the decrease holds already at t = 1, with the constant raised".
            int kMax = tighten() != 0 ? 0 : MAX_K;
            Check last = null;
            for (int k = 0; k <= kMax; k++) {
                double tk = Math.scalb(1.0, -k);
                double[] y = Vectors.along(prev, tk, delta);
                double f1 = q.value(y);
                double bound = C * tk * Math.abs(slope) * (1 + tighten());
                double scale = q.valueScale(prev)
                        + q.valueScale(y)
                        + bound
                        + Vectors.norm(q.gradient(y)) * (xn + tk * dn)
                        + gn * tk * dn;
                last = Check.atLeast(
                        "f(x) - f(x + 2^-" + k + " Delta) vs (1/2) 2^-" + k + " |g^T Delta|",
                        t,
                        f0 - f1,
                        bound,
                        LineSearchChecks.tol(scale, d));
                double eps = tighten();
                last = last.withExact(AT_POINTS, () -> exactDecreaseHolds(q, prev, delta, tk, eps));
                if (last.ok()) {
                    break;
                }
            }
            return last;
        });
    }

    /** How the rechecks evaluate, for the report. */
    static final String AT_POINTS = HighPrecision.DECIMAL
            + " at the recorded x_t-1 and direction Delta = x_t - x_t-1 (the statement holds at every point)";

    /** grad f(x)^T Delta, exactly. */
    private static BigDecimal exactSlope(Quadratic q, double[] x, double[] delta) {
        return HighPrecision.dot(ExactQuadratic.gradient(q, HighPrecision.big(x)), HighPrecision.big(delta));
    }

    /** f(x) - f(x + s Delta) &gt;= C s |g^T Delta| (1 + tighten), exactly. */
    static boolean exactDecreaseHolds(Quadratic q, double[] x, double[] delta, double s, double tighten) {
        BigDecimal[] bx = HighPrecision.big(x);
        BigDecimal bs = new BigDecimal(s);
        BigDecimal[] y = HighPrecision.axpy(bx, bs.negate(), HighPrecision.big(delta));
        BigDecimal decrease = ExactQuadratic.value(q, bx).subtract(ExactQuadratic.value(q, y));
        BigDecimal bound = new BigDecimal(C)
                .multiply(bs)
                .multiply(exactSlope(q, x, delta).abs())
                .multiply(BigDecimal.ONE.add(new BigDecimal(tighten)));
        return decrease.compareTo(bound) >= 0;
    }

    @Override
    public Quadratic quadratic(Instance in) {
        return in.q();
    }

    @Override
    public String boundaryLabel() {
        return QuadraticLabels.ETA_AT_LIMIT;
    }

    @Override
    public boolean atBoundary(Instance in) {
        return in.h() == 1.0;
    }
}
