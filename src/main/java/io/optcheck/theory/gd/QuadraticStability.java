package io.optcheck.theory.gd;

import io.optcheck.api.Precision;
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
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * gd.quadratic-stability. On f = 1/2 x^T H x - b^T x with eigenvalues in [mu, L], the error along
 * eigenvector i is multiplied by (1 - eta lambda_i) at every step. So GD converges for every x0
 * iff 0 &lt; eta &lt; 2/L; at eta = 2/L the top component keeps its amplitude; the component
 * flips sign iff eta lambda_i &gt; 1; and eta = 2/(mu + L) contracts by (kappa-1)/(kappa+1).
 *
 * <p>Rates are checked one step at a time (||e_t|| &lt;= q ||e_{t-1}||): that implies the
 * t-step bound by induction, and unlike the t-step form it does not let rounding accumulate
 * over the run into a false violation.
 */
public final class QuadraticStability extends KindTheorem<GdInstance> {

    /** The theorem as its spec declares it. */
    public QuadraticStability() {
        super("gd.quadratic-stability");
    }

    static final int STEPS = 50;

    @Override
    public Gen<GdInstance> instances(Regime r) {
        Problems.QuadraticGen family = Problems.quadratics();
        return Cases.<Gen<GdInstance>>on(r)
                .when(
                        List.of(
                                "holds",
                                "float32-rounded",
                                "bfloat16-rounded",
                                "float32-contraction",
                                "bfloat16-contraction"),
                        () -> instances(family, fixed(StepGens.between(0, 2, 1.0))))
                .when("eta-gt-2-over-l", () -> instances(family, fixed(StepGens.above(2, 4))))
                .when("eta-eq-2-over-l", () -> instances(family.diagonal().powerOfTwoTop(), fixed(Gens.just(2.0))))
                .when("sign-flips", () -> instances(family.diagonal(), fixed(StepGens.above(0, 4, 1.0, 2.0))))
                .when("optimal-step", () -> instances(family, q -> Gens.just(optimalH(q))))
                .get();
    }

    /** How the rounded-contraction check is rechecked. */
    static final String ROUNDED_PRECISION =
            HighPrecision.DECIMAL + " distances of the recorded iterates to x*, against the bound as computed";

    /**
     * ||x_t - x*|| &lt;= max_i |1 - eta lambda_i| ||x_t-1 - x*|| + ||E|| for GD computed in p: the
     * real step contracts exactly, and the computed iterate is within E of it ({@link
     * RoundedUpdate}). The teeth: the wrong constant u/4 in E.
     */
    private Evaluation roundedContraction(GdInstance in, Precision p, double[] xStar, double[] lambda) {
        Quadratic q = in.q();
        int d = q.dimension();
        double eta = in.eta();
        double rate = Math.min(QuadraticContraction.factor(eta, lambda), 1.0);
        double uScale = tighten() != 0 ? 0.25 : 1;
        return TrajectoryCheck.run(method(lr(eta)), q, in.x0(), STEPS, (t, prev, cur, series) -> {
            double[] g = q.gradient(prev);
            double e0 = Vectors.dist(prev, xStar);
            double e1 = Vectors.dist(cur, xStar);
            double bound = rate * e0 + Vectors.norm(RoundedUpdate.error(p, uScale, prev, g, eta));
            double scale = e1 + bound + Vectors.norm(prev) + eta * Vectors.norm(g);
            series.point("||x_t - x*||", e1);
            series.point("bound", bound);
            double[] x0 = prev.clone();
            double[] x1 = cur.clone();
            return Check.atMost("||x_t - x*|| (update in " + p.id() + ")", t, e1, bound, Tolerance.of(scale, d))
                    .withExact(
                            ROUNDED_PRECISION,
                            () -> HighPrecision.holds(
                                    true,
                                    HighPrecision.distSq(HighPrecision.big(x1), HighPrecision.big(xStar)),
                                    new BigDecimal(bound).pow(2)));
        });
    }

    private static Function<Quadratic, Gen<Double>> fixed(Gen<Double> h) {
        return q -> h;
    }

    private static Gen<GdInstance> instances(Gen<Quadratic> family, Function<Quadratic, Gen<Double>> h) {
        return family.flatMap(q -> Gens.combine(Problems.points(q.dimension(), 10), h.apply(q))
                .as((x0, hv) -> new GdInstance(q, x0, hv, 1.0)));
    }

    /** h with h/L = 2/(mu + L). */
    static double optimalH(Quadratic q) {
        double l = q.certificate().L().orElseThrow();
        double mu = q.certificate().mu().orElseThrow();
        return 2 * l / (mu + l);
    }

    @Override
    protected Evaluation checkOn(GdInstance in, Regime r) {
        Quadratic q = in.q();
        int d = q.dimension();
        double eta = in.eta();
        double[] xStar = q.certificate().xStar().orElseThrow();
        double[] lambda = q.eigenvalues();
        double l = in.trueL();
        return switch (r.conclusion()) {
            case "rounded-contraction" -> roundedContraction(in, precision(r), xStar, lambda);
            case "converges", "optimal-step-rate" -> {
                double rate;
                Supplier<BigDecimal> exact;
                BigDecimal keep = BigDecimal.ONE.subtract(new BigDecimal(tighten()));
                if (r.conclusion().equals("converges")) {
                    rate = Math.min(QuadraticContraction.factor(eta, lambda), 1.0);
                    exact = () -> QuadraticContraction.exactFactor(eta, lambda)
                            .min(BigDecimal.ONE)
                            .multiply(keep);
                } else {
                    double mu = q.certificate().mu().orElseThrow();
                    double kappa = l / mu;
                    rate = (kappa - 1) / (kappa + 1);
                    // (kappa - 1)/(kappa + 1) = (L - mu)/(L + mu), with L and mu the stored doubles.
                    exact = () -> new BigDecimal(l)
                            .subtract(new BigDecimal(mu))
                            .divide(new BigDecimal(l).add(new BigDecimal(mu)), HighPrecision.MC)
                            .multiply(keep);
                }
                yield QuadraticContraction.run(
                        method(lr(eta)), q, in.x0(), eta, rate * (1 - tighten()), exact, STEPS, null);
            }
            case "boundary-oscillation" ->
                TrajectoryCheck.run(method(lr(in.eta())), q, in.x0(), STEPS, (t, prev, cur, series) -> {
                    double worst = 0;
                    double amp = 0;
                    double now = 0;
                    for (int i = 0; i < d; i++) {
                        if (lambda[i] == l) {
                            double a0 = Math.abs(in.x0()[i] - xStar[i]);
                            worst = Math.max(worst, Math.abs(Math.abs(cur[i] - xStar[i]) - a0));
                            amp = Math.max(amp, a0);
                            now = Math.max(now, Math.abs(cur[i] - xStar[i]));
                        }
                    }
                    series.point("amplitude change along top eigenvectors", worst);
                    if (tighten() != 0) {
                        // Wrong constant: "the top amplitude decays by (1 - eps) per step".
                        return Check.atMost(
                                "|e_t,top|", t, now, amp * Math.pow(1 - tighten(), t), Tolerance.of(amp, d));
                    }
                    return Check.atMost("| |e_t,top| - |e_0,top| |", t, worst, 0, Tolerance.of(amp, d));
                });
            default ->
                TrajectoryCheck.run(method(lr(in.eta())), q, in.x0(), STEPS, (t, prev, cur, series) -> {
                    int mismatches = 0;
                    for (int i = 0; i < d; i++) {
                        double a = prev[i] - xStar[i];
                        double b = cur[i] - xStar[i];
                        double el = eta * lambda[i];
                        // Within 1e-12 of eta lambda_i = 1 the component is (numerically) zeroed: no sign to read.
                        if (a == 0 || b == 0 || Math.abs(el - 1) < 1e-12) {
                            continue;
                        }
                        boolean flipped = (a < 0) != (b < 0);
                        // With tightened bounds the threshold gets a wrong constant: 1 + 50 eps.
                        if (flipped != (el > 1 + 50 * tighten())) {
                            mismatches++;
                        }
                    }
                    series.point("components whose sign flip disagrees with eta lambda_i > 1", mismatches);
                    return Check.atMost("sign flips that disagree with eta lambda_i > 1", t, mismatches, 0, 0);
                });
        };
    }

    @Override
    public OptionalDouble thresholdValue(GdInstance in, Regime r) {
        return OptionalDouble.of(in.eta() * in.trueL());
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
