package io.optcheck.theory.gd;

import io.optcheck.api.Hyperparameters;
import io.optcheck.problem.Problem;
import io.optcheck.problem.Problems;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.Regime;
import io.optcheck.theory.TrajectoryCheck;
import java.util.List;
import java.util.Map;

/**
 * gd.heavy-ball-strongly-convex (Ghadimi, Feyzmahdavian &amp; Johansson 2015, Thm 4; PEPit
 * heavy_ball_momentum). For mu-strongly convex, L-smooth f, heavy ball with a in (0, 1/L],
 * b = sqrt((1 - a mu)(1 - a L)) and x_{-1} = x_0 satisfies
 * f(x_n) - f* &lt;= (1 - a mu)^n (f(x_0) - f*) at every n. Checked on strongly convex quadratics
 * and on the (non-quadratic) Lessard-Recht-Packard function, with a L searched in [1e-6, 1].
 * The bound is not tight for fixed parameters; its supremum ratio over the family is 1,
 * approached at n = 1 as a mu -&gt; 0 (in dimension 1 the ratio at n = 1 is 1 - a mu), so the
 * sensitivity test tightens it by (1 - eps). No breaking regime is known.
 */
public final class HeavyBallStronglyConvex extends KindTheorem<MomentumInstance> {

    /** The theorem as its spec declares it. */
    public HeavyBallStronglyConvex() {
        super("gd.heavy-ball-strongly-convex");
    }

    static final int STEPS = 100;

    @Override
    public Gen<MomentumInstance> instances(Regime r) {
        // The spec's one regime, named so that a regime added to the spec without code is a load error.
        return Cases.<Gen<MomentumInstance>>on(r).when("holds", () -> holds()).get();
    }

    private static Gen<MomentumInstance> holds() {
        Gen<Problem> family = MomentumInstance.stronglyConvexProblems();
        Gen<Double> h = Gens.logDoubles(1e-6, 1).withSpecials(1.0).knob("a L");
        return family.flatMap(p -> Gens.combine(Problems.points(p.objective().dimension(), 10), h)
                .as((x0, hv) ->
                        new MomentumInstance(p, x0, hv, p.certificate().mu().orElseThrow())));
    }

    /** The hyperparameters of the theorem for a L = h: lr = a = h/L, momentum b = sqrt((1 - a mu)(1 - a L)). */
    static Hyperparameters tuning(MomentumInstance in) {
        double l = in.l();
        double h = in.h();
        // 1 - a L is computed as 1 - h, exactly 0 at h = 1, so b is never the sqrt of a negative number.
        double b = Math.sqrt(oneMinusAMu(in) * (1 - h));
        return lrMomentum(h / l, b);
    }

    /**
     * 1 - a mu as 1 - h (mu/L), mu/L formed first: the factor of b and the bound's rate, one value
     * for both. At mu = L it is 1 - h exactly, equal to the other factor 1 - a L = 1 - h, as in exact
     * arithmetic, where the bound is an equality to first order at n = 2. Quick seed 93 (mu = L,
     * h = 1 - 2^-53) computed b's factor as 1 - (h mu)/L = 2.2e-16 and the rate as 1 - a mu =
     * 1.1e-16: b^2 was twice the rate squared, and so was f(x_2) - f* against the bound (ratio 2).
     */
    static double oneMinusAMu(MomentumInstance in) {
        return 1 - in.h() * (in.muUsed() / in.l());
    }

    @Override
    protected Evaluation checkOn(MomentumInstance in, Regime r) {
        Hyperparameters hp = tuning(in);
        double fStar = in.fStar();
        double gap0 = in.f().value(in.x0()) - fStar;
        double q = oneMinusAMu(in);
        return TrajectoryCheck.run(method(hp), in.f(), in.x0(), STEPS, (t, prev, cur, series) -> {
            double bound = Math.pow(q, t) * gap0 * (1 - tighten());
            series.point("f(x_t) - f*", in.f().value(cur) - fStar);
            series.point("bound", bound);
            return MomentumChecks.gapAtMost(in.f(), fStar, t, prev, cur, bound, Math.abs(gap0) + Math.abs(fStar));
        });
    }

    @Override
    public Map<String, Object> describe(MomentumInstance in) {
        Map<String, Object> m = in.describe();
        Hyperparameters hp = tuning(in);
        m.put("a", hp.get("lr"));
        m.put("b", hp.get("momentum"));
        return m;
    }

    @Override
    public List<String> labels(MomentumInstance in, Regime r) {
        return MomentumLabels.of(in);
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        return List.of(
                new Property.Coverage(QuadraticLabels.DIM_GE_10, 1),
                new Property.Coverage(QuadraticLabels.KAPPA_GE_1E3, 1),
                new Property.Coverage(MomentumLabels.NOT_QUADRATIC, 5),
                new Property.Coverage(MomentumLabels.STEP_AT_LIMIT, 1));
    }
}
