package io.optcheck.theory.gd;

import io.optcheck.method.exact.ExactGd;
import io.optcheck.problem.ExactQuadratic;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * gd.edge-of-stability, the quadratic part (Cohen et al. 2021, sec. 2: "on a quadratic, GD
 * diverges iff the sharpness exceeds 2/eta"). The sharpness S = lambda_max(hess f) is
 * computed by the checker from the Hessian; GD on a quadratic is stable iff eta S &lt; 2:
 * <ul>
 *   <li>eta S &lt; 2: ||x_t - x*|| &lt;= max_i |1 - eta lambda_i| ||x_t-1 - x*||, a factor below 1
 *       (the check of gd.quadratic-stability, shared through {@link QuadraticContraction});</li>
 *   <li>eta S &gt; 2: the error component in the top eigenspace grows by exactly eta S - 1 &gt; 1
 *       at every step, so GD diverges from every x0 with such a component.</li>
 * </ul>
 * The non-quadratic observation (the sharpness of a training loss rises to about 2/eta and
 * hovers there) is not a theorem and is not checked here.
 */
public final class EdgeOfStability extends KindTheorem<GdInstance> {

    /** The theorem as its spec declares it. */
    public EdgeOfStability() {
        super("gd.edge-of-stability");
    }

    static final int STEPS = 50;

    @Override
    public Gen<GdInstance> instances(Regime r) {
        return Cases.<Gen<GdInstance>>on(r)
                .when("holds", () -> instances(Problems.quadratics(), StepGens.between(0, 2, 1.0)))
                // Diagonal H: the top eigenspace is a set of coordinates, exactly.
                .when(
                        "sharpness-above-2-over-eta",
                        () -> instances(Problems.quadratics().diagonal(), StepGens.above(2, 4, 4.0)))
                .get();
    }

    private static Gen<GdInstance> instances(Gen<Quadratic> quadratics, Gen<Double> h) {
        return quadratics.flatMap(q ->
                Gens.combine(Problems.points(q.dimension(), 10), h).as((x0, hv) -> new GdInstance(q, x0, hv, 1.0)));
    }

    @Override
    protected Evaluation checkOn(GdInstance in, Regime r) {
        Quadratic q = in.q();
        double eta = in.eta();
        double s = QuadraticContraction.sharpness(q);
        if (r.conclusion().equals("stable-below-2-over-eta")) {
            double[] lambda = q.eigenvalues();
            double rate = QuadraticContraction.factor(eta, lambda) * (1 - tighten());
            BigDecimal keep = BigDecimal.ONE.subtract(new BigDecimal(tighten()));
            return QuadraticContraction.run(
                    method(lr(eta)),
                    q,
                    in.x0(),
                    eta,
                    rate,
                    () -> QuadraticContraction.exactFactor(eta, lambda).multiply(keep),
                    STEPS,
                    (x, series) -> series.point("eta * sharpness", eta * s));
        }
        double growth = eta * s - 1;
        double claimed = growth * (1 + tighten());
        double[] diag = new double[q.dimension()];
        double[][] h = q.hessian(diag);
        for (int i = 0; i < diag.length; i++) {
            diag[i] = h[i][i];
        }
        double[] xStar = q.certificate().xStar().orElseThrow();
        int d = q.dimension();
        return TrajectoryCheck.run(method(lr(eta)), q, in.x0(), STEPS, (t, prev, cur, series) -> {
            double a0 = topAmplitude(prev, xStar, diag, s);
            double a1 = topAmplitude(cur, xStar, diag, s);
            double bound = claimed * a0;
            double scale = a1 + bound + Vectors.norm(prev) + eta * Vectors.norm(q.gradient(prev));
            series.point("||P_top (x_t - x*)||", a1);
            series.point("bound", bound);
            series.point("eta * sharpness", eta * s);
            double eps = tighten();
            return Check.atLeast("||P_top (x_t - x*)||", t, a1, bound, Tolerance.of(scale, d))
                    .withExact(ExactGd.STEP, () -> realStepGrows(q, prev, eta, xStar, diag, s, eps));
        });
    }

    /**
     * The real-number GD step from {@code prev}: ||P_top (x+ - x*)|| &gt;= (eta s - 1)(1 + tighten)
     * ||P_top (prev - x*)||, exactly (compared squared; the claimed growth is positive here).
     */
    static boolean realStepGrows(
            Quadratic q, double[] prev, double eta, double[] xStar, double[] diag, double s, double tighten) {
        BigDecimal[] x = HighPrecision.big(prev);
        BigDecimal[] next = HighPrecision.axpy(x, new BigDecimal(eta), ExactQuadratic.gradient(q, x));
        BigDecimal a0 = BigDecimal.ZERO;
        BigDecimal a1 = BigDecimal.ZERO;
        for (int i = 0; i < prev.length; i++) {
            if (diag[i] == s) {
                BigDecimal xs = new BigDecimal(xStar[i]);
                BigDecimal e0 = x[i].subtract(xs);
                BigDecimal e1 = next[i].subtract(xs);
                a0 = a0.add(e0.multiply(e0));
                a1 = a1.add(e1.multiply(e1));
            }
        }
        BigDecimal claimed = new BigDecimal(eta)
                .multiply(new BigDecimal(s))
                .subtract(BigDecimal.ONE)
                .multiply(BigDecimal.ONE.add(new BigDecimal(tighten)));
        if (claimed.signum() <= 0) {
            return true;
        }
        return a1.compareTo(claimed.multiply(claimed).multiply(a0)) >= 0;
    }

    /** The norm of the error in the coordinates whose curvature is the sharpness (diagonal H). */
    private static double topAmplitude(double[] x, double[] xStar, double[] diag, double s) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = diag[i] == s ? x[i] - xStar[i] : 0;
        }
        return Vectors.norm(v);
    }

    @Override
    public Map<String, Object> describe(GdInstance in) {
        Map<String, Object> m = in.describe();
        m.put("eta * sharpness", in.eta() * QuadraticContraction.sharpness(in.q()));
        return m;
    }

    @Override
    public OptionalDouble thresholdValue(GdInstance in, Regime r) {
        return OptionalDouble.of(in.eta() * QuadraticContraction.sharpness(in.q()));
    }

    @Override
    public List<String> labels(GdInstance in, Regime r) {
        return QuadraticLabels.of(in);
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        return QuadraticLabels.COVERAGE;
    }
}
