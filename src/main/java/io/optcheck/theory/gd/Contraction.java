package io.optcheck.theory.gd;

import io.optcheck.method.exact.ExactGd;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.HuberProblems;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.Regime;
import io.optcheck.theory.TheoremRunner;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * gd.contraction (PEPit tutorials/gradient_descent_contraction). For L-smooth, mu-strongly convex
 * f and any eta &gt; 0,
 *
 * <pre>||x_t - x*||^2 &lt;= max((1 - eta mu)^2, (1 - eta L)^2)^t R^2,</pre>
 *
 * tight on quadratics (along the eigenvector of mu or of L). The factor is below 1 iff
 * 0 &lt; eta &lt; 2/L; above 2/L the inequality still holds with a factor above 1. Checked in its
 * t-step form at every t = 1..30.
 */
public final class Contraction extends KindTheorem<RateInstance> {

    /** The theorem as its spec declares it. */
    public Contraction() {
        super("gd.contraction");
    }

    static final int STEPS = 30;

    @Override
    public Gen<RateInstance> instances(Regime r) {
        Gen<Double> h = StepGens.above(0, 2, 1.0, 2.0);
        Gen<Double> muScale = Gens.just(1.0);
        return Cases.<Gen<RateInstance>>on(r)
                .when("holds", () -> RateGens.stronglyConvexClosedForms(h, muScale))
                .when("eta-gt-2-over-l", () -> RateGens.stronglyConvexClosedForms(StepGens.above(2, 4), muScale))
                .when("drop:mu-strongly-convex", () -> RateGens.stronglyConvexClosedForms(h, RateGens.muOverstated()))
                .when(
                        "drop:convex",
                        () -> RateGens.hubers(
                                HuberProblems.nonConvex(
                                        HuberProblems.huberSums().stronglyConvex()),
                                h,
                                muScale))
                .get();
    }

    /** max((1 - eta mu)^2, (1 - eta L)^2) with the mu the theorem is given. */
    static double factor(RateInstance in) {
        double eta = in.eta();
        double a = 1 - eta * in.muClaimed();
        double b = 1 - eta * in.lTrue();
        return Math.max(a * a, b * b);
    }

    @Override
    protected Evaluation checkOn(RateInstance in, Regime r) {
        double eta = in.eta();
        double[] xs = in.xStar();
        double rad = in.radius();
        double q = factor(in) * (1 - tighten());
        double inputs = Vectors.norm(in.x0()) + Vectors.norm(xs);
        int d = in.dimension();
        Drift drift = new Drift(in.mapLipschitz(), eta);
        return TrajectoryCheck.run(method(lr(eta)), in.f(), in.x0(), STEPS, (t, prev, cur, series) -> {
            double a = drift.step(prev, in.f().gradientScale(prev));
            double e = Vectors.dist(cur, xs);
            double root = Math.pow(q, 0.5 * t) * rad;
            double bound = root * root;
            // e_t carries the run's drift A_t and the rounding of x*; the bound that of R.
            double scale = e * e + bound + 2 * (e + root) * (a + inputs);
            Check c = Check.atMost("||x_t - x*||^2", t, e * e, bound, Tolerance.of(scale, d))
                    .withExact(ExactGd.TRAJECTORY, () -> exactHolds(in, t))
                    .decideMarginal();
            series.point("||x_t - x*||^2", e * e);
            series.point("factor^t R^2", bound);
            return c;
        });
    }

    private boolean exactHolds(RateInstance in, int t) {
        ExactGd.Model m = in.exact();
        BigDecimal eta = new BigDecimal(in.eta());
        BigDecimal a = BigDecimal.ONE.subtract(eta.multiply(new BigDecimal(in.muClaimed())));
        BigDecimal b = BigDecimal.ONE.subtract(eta.multiply(new BigDecimal(in.lTrue())));
        BigDecimal q = a.multiply(a).max(b.multiply(b)).multiply(BigDecimal.ONE.subtract(new BigDecimal(tighten())));
        BigDecimal[] xs = m.xStar();
        BigDecimal lhs = HighPrecision.distSq(ExactGd.iterate(m, in.x0(), in.eta(), t), xs);
        BigDecimal rhs =
                q.pow(t, ExactGd.MC).multiply(HighPrecision.distSq(HighPrecision.big(in.x0()), xs), ExactGd.MC);
        // The trajectory is rounded to 300 digits at every step, so a bound that is an equality in real
        // arithmetic (x0 along the eigenvector that sets the factor) is allowed 1e-250 relative.
        return HighPrecision.holds(true, lhs, rhs);
    }

    /**
     * The worst ratio random search alone reaches with the same tries and seed (edge and random
     * phases, no targeted phase), beside the result's worstRatio from the full search.
     */
    @Override
    public Map<String, Object> figures(Regime r, int tries, long seed) {
        if (!Cases.is(r, "holds")) {
            return Map.of();
        }
        double random = TheoremRunner.property(this, r, tries, seed, true)
                .targetedShare(0)
                .run()
                .bestScore();
        return Map.of("worstRatioRandomOnly", random);
    }

    @Override
    public Map<String, Object> describe(RateInstance in) {
        Map<String, Object> m = in.describe();
        m.put("factor", factor(in));
        return m;
    }

    @Override
    public OptionalDouble thresholdValue(RateInstance in, Regime r) {
        return Cases.is(r, "drop:mu-strongly-convex")
                ? OptionalDouble.of(in.muClaimed() / in.muBase())
                : OptionalDouble.empty();
    }

    @Override
    public List<String> labels(RateInstance in, Regime r) {
        return RateGens.labels(in);
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        return RateGens.coverage(!Cases.is(r, "drop:convex"), Cases.is(r, "holds"));
    }
}
