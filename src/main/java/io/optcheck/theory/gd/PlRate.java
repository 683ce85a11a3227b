package io.optcheck.theory.gd;

import io.optcheck.problem.NonconvexProblems;
import io.optcheck.problem.Num;
import io.optcheck.problem.Objective;
import io.optcheck.problem.PowerObjective;
import io.optcheck.problem.Problems;
import io.optcheck.problem.SinePotential;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * gd.pl-rate (Karimi, Nutini and Schmidt 2016, Thm 1). For L-smooth f satisfying the PL
 * inequality (1/2)||grad f(x)||^2 &gt;= mu (f(x) - f*) and eta = 1/L,
 *
 * <pre>f(x_t) - f* &lt;= (1 - mu/L)^t (f(x_0) - f*),</pre>
 *
 * without convexity. Checked in the t-step form, as stated, at every t = 1..{@value #STEPS}, on
 * the non-convex sum_i s_i (x_i^2 + 3 sin^2 x_i) (L = 8 max s_i exactly, mu = 0.175 min s_i
 * certified). Breaking regimes, each with the PL assumption inverted and the same claim:
 * spurious local minima (a &gt; 4.6033 in x^2 + a sin^2 x, with the mu of the holds family), and
 * the degenerate |x|^p, p in [2.5, 6], which has no PL constant, with a would-be PL constant read off
 * the start point and scaled by a searched theta in (0, 1].
 */
public final class PlRate extends KindTheorem<PlRate.Instance> {

    /** The theorem as its spec declares it. */
    public PlRate() {
        super("gd.pl-rate");
    }

    static final int STEPS = 1000;

    /**
     * GD with eta = 1/L on f from x0, with the PL constant mu the rate claims.
     *
     * @param param a for sine potentials, p for powers
     * @param theta for powers: the claimed mu as a fraction of the PL ratio at x0; NaN otherwise
     */
    public record Instance(Objective f, double l, double mu, double[] x0, String family, double param, double theta) {
        double eta() {
            return 1 / l;
        }
    }

    @Override
    public Gen<Instance> instances(Regime r) {
        return Cases.<Gen<Instance>>on(r)
                .when("holds", () -> sine(Gens.just(3.0)))
                .when("drop:pl", () -> sine(Gens.doubles(4.61, 12).knob("a")))
                .when("degenerate-power", PlRate::powers)
                .get();
    }

    /** Powers sum |x_i|^p, p in [2.5, 6], given a PL constant measured at x0 only: they have none. */
    private static Gen<Instance> powers() {
        return Gens.combine(
                        Gens.integers(1, 3),
                        Gens.doubles(2.5, 6).knob("p"),
                        Gens.doubles(0, 1).knob("theta").filter("theta > 0", v -> v > 0))
                .as((d, p, th) -> new Object[] {d, p, th})
                .flatMap(o -> NonconvexProblems.pointsAwayFromOrigin((Integer) o[0], 10)
                        .map(x0 -> {
                            double p = (Double) o[1];
                            double th = (Double) o[2];
                            PowerObjective f = NonconvexProblems.powerAround(p, x0);
                            double gn = Vectors.norm(f.gradient(x0));
                            // The PL ratio (1/2)||grad f||^2 / (f - f*) at the start: what a user who measured PL
                            // only at x0 would believe. |x|^p has no PL constant (the ratio tends to 0 at 0).
                            double mu = th * 0.5 * gn * gn / f.value(x0);
                            return new Instance(f, f.certificate().L().orElseThrow(), mu, x0, "power", p, th);
                        }));
    }

    private static Gen<Instance> sine(Gen<Double> a) {
        return NonconvexProblems.sinePotentials(a)
                .flatMap(f -> Problems.points(f.dimension(), 10).map(x0 -> {
                    double minS = Double.POSITIVE_INFINITY;
                    for (double s : f.scales()) {
                        minS = Math.min(minS, s);
                    }
                    // The holds family's certified constant; for a != 3 it is a claim the instance does not satisfy.
                    double mu = f.certificate().pl().orElse(SinePotential.PL_PHI_3 * minS);
                    return new Instance(f, f.certificate().L().orElseThrow(), mu, x0, "sine", f.a(), Double.NaN);
                }));
    }

    @Override
    protected Evaluation checkOn(Instance in, Regime r) {
        Objective f = in.f();
        int d = f.dimension();
        double fStar = 0; // both families: x* = 0, f* = 0 exactly (certificates)
        double gap0 = f.value(in.x0()) - fStar;
        double rho = 1 - in.mu() / in.l();
        double eta = in.eta();
        return TrajectoryCheck.run(method(lr(eta)), f, in.x0(), STEPS, (t, prev, cur, series) -> {
            double gap = f.value(cur) - fStar;
            double bound = Math.pow(rho, t) * gap0 * (1 - tighten());
            // f(x_t) inherits the rounding of the step x_{t-1} - eta g: |grad f(x_t)| times its inputs.
            double stepScale =
                    (Vectors.norm(prev) + eta * Vectors.norm(f.gradient(prev))) * Vectors.norm(f.gradient(cur));
            double tol = Tolerance.of(Math.abs(gap) + Math.abs(fStar) + bound + stepScale, d);
            series.point("f(x_t) - f*", gap);
            series.point("(1 - mu/L)^t (f(x0) - f*)", bound);
            return Check.atMost("f(x_t) - f*", t, gap, bound, tol);
        });
    }

    @Override
    public Map<String, Object> describe(Instance in) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", in.f().dimension());
        m.put("objective", in.f().describe());
        m.put(
                "certificate",
                (in.f() instanceof SinePotential s ? s.certificate() : ((PowerObjective) in.f()).certificate())
                        .describe());
        m.put("x0", Num.fmt(in.x0()));
        m.put("L", in.l());
        m.put("mu claimed", in.mu());
        if (!Double.isNaN(in.theta())) {
            m.put("theta (mu / PL ratio at x0)", in.theta());
        }
        m.put("rate 1 - mu/L", 1 - in.mu() / in.l());
        m.put("eta", in.eta());
        return m;
    }

    @Override
    public OptionalDouble thresholdValue(Instance in, Regime r) {
        return OptionalDouble.of(in.param());
    }

    @Override
    public List<String> labels(Instance in, Regime r) {
        List<String> l = new ArrayList<>(2);
        if (in.f().dimension() >= 10) {
            l.add(QuadraticLabels.DIM_GE_10);
        }
        if (in.l() / in.mu() >= 1e3) {
            l.add(QuadraticLabels.KAPPA_GE_1E3);
        }
        return l;
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        return Cases.is(r, "degenerate-power")
                ? List.of()
                : List.of(
                        new Property.Coverage(QuadraticLabels.DIM_GE_10, 1),
                        new Property.Coverage(QuadraticLabels.KAPPA_GE_1E3, 1));
    }
}
