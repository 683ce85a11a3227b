package com.acme.opt.theory;

import io.optcheck.problem.Num;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.Described;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * acme.gd-fejer, a user-written theorem (spec: specs/acme/gd-fejer.md). For convex L-smooth f
 * with a minimizer x* and 0 &lt; eta &lt;= 2/L, gradient descent is Fejer monotone with respect
 * to x*: ||x_{t+1} - x*|| &lt;= ||x_t - x*||.
 *
 * <p>Proof (Nesterov, Lectures on Convex Optimization, 2018, proof of Theorem 2.1.14): with
 * g = grad f(x_t) and grad f(x*) = 0, co-coercivity (ibid., Theorem 2.1.5, (2.1.11)) gives
 * &lt;g, x_t - x*&gt; &gt;= ||g||^2 / L, so
 * ||x_{t+1} - x*||^2 = ||x_t - x*||^2 - 2 eta &lt;g, x_t - x*&gt; + eta^2 ||g||^2
 * &lt;= ||x_t - x*||^2 - eta (2/L - eta) ||g||^2.
 * Above 2/L the coordinate with lambda_i = L is multiplied by 1 - eta L &lt; -1 at every step,
 * so the distance grows once that coordinate dominates: the breaking regime searches for it.
 */
public final class FejerMonotonicity extends KindTheorem<FejerMonotonicity.Instance> {

    static final int STEPS = 50;

    /** A problem of the family, a start point and the step as a fraction h = eta L. */
    public record Instance(ShiftedDiagonalQuadratic f, double[] x0, double h) implements Described {
        /** eta = h / L, rounded down if needed so that eta L &lt;= h holds exactly. */
        public double eta() {
            double l = f.smoothness();
            double eta = h / l;
            if (new BigDecimal(eta).multiply(new BigDecimal(l)).compareTo(new BigDecimal(h)) > 0) {
                eta = Math.nextDown(eta);
            }
            return eta;
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("f", f.describe());
            m.put("certificate", f.certificate().describe());
            m.put("x0", Num.fmt(x0));
            m.put("eta L", h);
            m.put("eta", eta());
            return m;
        }
    }

    /** The theorem of specs/acme/gd-fejer.md: id, kind, assumptions, regimes and tries are there. */
    public FejerMonotonicity() {
        super("acme.gd-fejer");
    }

    @Override
    public Gen<Instance> instances(Regime r) {
        // The holds generator: h = eta L in (0, 2], with 1 and 2 (eta exactly 2/L, where the
        // bound is tight along the top eigenvector) as boundary values. The breaking regime changes
        // only h, to (2, 4]: the one assumption it drops.
        Gen<Double> h = Cases.<Gen<Double>>on(r)
                .when(
                        "holds",
                        () -> Gens.doubles(0, 2)
                                .withSpecials(1.0, 2.0)
                                .knob("h")
                                .filter("h > 0", v -> v > 0))
                .when("eta-gt-2-over-l", () -> Gens.doubles(2, 4).knob("h").filter("h > 2", v -> v > 2))
                .get();
        return ShiftedDiagonalQuadratic.family()
                .flatMap(f -> Gens.combine(Gens.doubleArrays(Gens.doubles(-10, 10), f.dimension()), h)
                        .as((x0, hv) -> new Instance(f, x0, hv)));
    }

    @Override
    protected Evaluation checkOn(Instance in, Regime r) {
        ShiftedDiagonalQuadratic f = in.f();
        double[] xStar = f.minimizer();
        double eta = in.eta();
        int d = f.dimension();
        return TrajectoryCheck.run(method(lr(eta)), f, in.x0(), STEPS, (t, prev, cur, series) -> {
            double d0 = distSq(prev, xStar);
            double d1 = distSq(cur, xStar);
            double bound = d0 * (1 - tighten());
            // Scale: the two squared distances, plus the effect of the iterate's own rounding. x_t
            // carries an error of up to 2^-52 X per coordinate, X = ||x_t-1|| + eta ||g|| + ||x*||
            // (the inputs of x_t-1 - eta lambda (x_t-1 - c)); that moves ||x_t - x*||^2 by up to
            // 2 ||x_t - x*|| X 2^-52 + d X^2 2^-104, written here in units of 2^-52.
            double x = Vectors.norm(prev) + eta * Vectors.norm(f.gradient(prev)) + Vectors.norm(xStar);
            double scale = d0 + d1 + 2 * Math.sqrt(d1) * x + d * x * x * 0x1p-52;
            Check c = Check.atMost("||x_t - x*||^2", t, d1, bound, Tolerance.of(scale, d));
            if (c.marginal() && tighten() == 0) {
                c = c.rechecked(exactDistSq(cur, xStar).compareTo(exactDistSq(prev, xStar)) <= 0);
            }
            series.point("||x_t - x*||^2", d1);
            series.point("||x_t-1 - x*||^2", d0);
            return c;
        });
    }

    private static double distSq(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = x[i] - y[i];
            s += r * r;
        }
        return s;
    }

    /** The same squared distance in exact rational arithmetic, for marginal violations. */
    private static BigDecimal exactDistSq(double[] x, double[] y) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            BigDecimal r = new BigDecimal(x[i]).subtract(new BigDecimal(y[i]));
            s = s.add(r.multiply(r));
        }
        return s;
    }

    @Override
    public OptionalDouble thresholdValue(Instance in, Regime r) {
        return OptionalDouble.of(in.eta() * in.f().smoothness());
    }
}
