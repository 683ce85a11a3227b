package io.optcheck.theory.gd;

import io.optcheck.method.WolfeLineSearch;
import io.optcheck.problem.KinkedSlope;
import io.optcheck.problem.LineSearchProblems;
import io.optcheck.problem.Objective;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Described;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.TrajectoryCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoubleBinaryOperator;

/**
 * gd.wolfe (Nocedal &amp; Wright, Numerical Optimization, Lemma 3.1 and Algorithms 3.5/3.6). For f
 * continuously differentiable and bounded below along the ray, p a descent direction and
 * 0 &lt; c1 &lt; c2 &lt; 1, a step satisfying the strong Wolfe conditions exists, and the line search
 * returns one. At c1 = c2 a step still exists.
 *
 * <p>Existence is checked, not assumed, on objectives that are convex along the ray (quadratics
 * with p^T H p &gt; 0, the kinked-slope family): there the Armijo steps form an interval [0, a_A]
 * and the curvature steps an interval [a_lo, a_hi], so a strong Wolfe step exists iff Armijo holds
 * at a_lo, the smallest step with phi'(a) &gt;= -c2 |phi'(0)| (found by doubling and bisection
 * on phi'). Where phi' never reaches -c2 |phi'(0)| (a ray along which f is unbounded below), the
 * check reports the smallest |phi'(a)|/|phi'(0)| seen against c2.
 */
public final class Wolfe extends DeclaredTheorem<Wolfe.Instance> {

    static final double FLOOR = 0x1p-500;

    /** The problem (a quadratic or a kinked slope), its L, the start, c1, c2 and alpha1 = rho/L. */
    public record Instance(Objective f, double l, double[] x0, double c1, double c2, double rho) implements Described {
        boolean kinked() {
            return f instanceof KinkedSlope;
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = LineSearchChecks.describe(f, l, x0);
            m.put("c1", c1);
            m.put("c2", c2);
            m.put("c1 - c2", c1 - c2);
            m.put("alpha1 L", rho);
            return m;
        }
    }

    /** The theorem as its spec declares it. */
    public Wolfe() {
        super("gd.wolfe");
    }

    /**
     * What a regime draws: c1 from c2 and a position v in (0, 1), the sign c1 - c2 must have (0 for
     * none), and whether the quadratics have some eigenvalues negated.
     */
    private record Constants(DoubleBinaryOperator c1, int order, boolean indefinite) {}

    /** The mixed family: quadratics with starts (3 in 4) and kinked slopes (1 in 4). */
    static Gen<Object[]> problems(boolean indefinite) {
        Gen<Object[]> quad = LineSearchProblems.quadraticStarts(indefinite)
                .map(qs -> new Object[] {qs.q(), qs.q().certificate().L().orElseThrow(), qs.x0()});
        Gen<Object[]> kinked = Gens.combine(
                        LineSearchProblems.kinkedSlopes(), Gens.doubles(-1, 1).knob("x0"))
                .as((k, x) -> new Object[] {k, k.certificate().L().orElseThrow(), new double[] {x}});
        return Gens.frequency(Gens.weight(3, quad), Gens.weight(1, kinked));
    }

    @Override
    public Gen<Instance> instances(Regime r) {
        // c2 >= 1e-4: below that the curvature window c2 |phi'(0)| is narrower than the rounding of
        // phi' itself, so no floating-point search can land in it although a step exists (the full
        // run found c1 = c2 = 5e-324). 1e-4 is also the usual c1 (Nocedal & Wright, sec. 3.1).
        // 1 - c2 >= 2^-20 for the same reason at the other end: at c2 = 1 - 2^-53 (quick seed 91,
        // c1 = c2) the Wolfe steps of phi = -a + a^2/2 are [1.1e-16, 2.2e-16], where the
        // sufficient-decrease margin a^2/2 = 1e-32 is below the rounding of phi(a) (3e-32).
        Gen<Double> c2 = Gens.doubles(1e-4, 1).knob("c2").filter("1 - c2 >= 2^-20", v -> v <= 1 - 0x1p-20);
        Gen<Double> v = Gens.doubles(0, 1).knob("c1 position").filter("0 < v < 1", x -> x > 0 && x < 1);
        Gen<Double> rho = Gens.logDoubles(1e-2, 1e2).knob("alpha1 L");
        Constants k = Cases.<Constants>on(r)
                .when("holds", () -> new Constants((cc2, vv) -> cc2 * vv, -1, false))
                .when("c1-eq-c2", () -> new Constants((cc2, vv) -> cc2, 0, false))
                .when("drop:wolfe-c1-lt-c2", () -> new Constants((cc2, vv) -> cc2 + (1 - cc2) * vv, 1, false))
                .when("c1-gt-c2-le-midpoint", () -> new Constants((cc2, vv) -> cc2 + 0.5 * (1 - cc2) * vv, 1, false))
                .when("drop:bounded-below", () -> new Constants((cc2, vv) -> cc2 * vv, -1, true))
                .get();
        Gen<double[]> consts = Gens.combine(c2, v)
                .as((cc2, vv) -> new double[] {k.c1().applyAsDouble(cc2, vv), cc2})
                .filter(
                        "0 < c1 < 1 and the regime's order of c1, c2",
                        c -> c[0] > 0 && c[0] < 1 && (k.order() == 0 || (k.order() > 0 ? c[0] > c[1] : c[0] < c[1])));
        return Gens.combine(problems(k.indefinite()), consts, rho)
                .as((p, c, rv) -> new Instance((Objective) p[0], (Double) p[1], (double[]) p[2], c[0], c[1], rv));
    }

    @Override
    public Evaluation evaluate(Instance in, Regime r) {
        Objective f = in.f();
        Check ex = existence(in);
        if (ex != null && !ex.ok()) {
            Evaluation.Builder b = new Evaluation.Builder();
            b.add(ex);
            return b.build(Evaluation.Ending.COMPLETED, null, -1, Map.of());
        }
        WolfeLineSearch method = new WolfeLineSearch(in.rho() / in.l(), in.c1(), in.c2());
        Evaluation run =
                TrajectoryCheck.run(method, f, in.x0(), 1, (t, prev, cur, series) -> stepCheck(in, t, prev, cur));
        if (ex == null) {
            return run;
        }
        Check worst = run.worst();
        boolean resolved = Evaluation.resolved(ex);
        if (resolved && (worst == null || ex.ratio() > worst.ratio())) {
            worst = ex;
        }
        return new Evaluation(
                run.violation(),
                run.undecided(),
                worst,
                run.ending(),
                run.endingMessage(),
                run.errorStep(),
                run.series(),
                run.checks() + 1,
                run.bounded() + (ex.bound() != 0 ? 1 : 0),
                run.resolved() + (resolved ? 1 : 0));
    }

    /** Existence of a strong Wolfe step at x0 along -grad f (see the class comment); null at a stationary point. */
    Check existence(Instance in) {
        Objective f = in.f();
        double[] x = in.x0();
        int d = f.dimension();
        double[] g = f.gradient(x);
        double gn = Vectors.norm(g);
        if (gn < FLOOR) {
            return null;
        }
        double[] p = LineSearchChecks.neg(g);
        double d0 = -gn * gn;
        double target = in.c2() * d0; // phi'(a) >= -c2 |phi'(0)|
        double h = 1 / in.l();
        double minRatio = Double.POSITIVE_INFINITY;
        boolean found = false;
        int i = 0;
        for (; i <= 200; i++) {
            double sl = Vectors.dot(f.gradient(Vectors.along(x, h, p)), p);
            minRatio = Math.min(minRatio, Math.abs(sl) / Math.abs(d0));
            if (sl >= target) {
                found = true;
                break;
            }
            h *= 2;
        }
        if (!found) {
            return Check.atMost(
                    "min |phi'(a)|/|phi'(0)| over a = 2^i/L, i <= 200 (curvature needs <= c2)",
                    1,
                    minRatio,
                    in.c2(),
                    LineSearchChecks.tol(minRatio + in.c2(), d));
        }
        double lo = i == 0 ? 0 : h / 2;
        double hi = h;
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            if (!(mid > lo && mid < hi)) {
                break;
            }
            if (Vectors.dot(f.gradient(Vectors.along(x, mid, p)), p) >= target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        double[] y = Vectors.along(x, hi, p);
        double dec = f.value(x) - f.value(y);
        double bound = in.c1() * hi * gn * gn;
        double scale =
                f.valueScale(x) + f.valueScale(y) + bound + Vectors.norm(f.gradient(y)) * (Vectors.norm(x) + hi * gn);
        return Check.atLeast(
                "existence: phi(0) - phi(a_lo) vs c1 a_lo |phi'(0)|, a_lo the smallest curvature step",
                1,
                dec,
                bound,
                LineSearchChecks.tol(scale, d));
    }

    private Check stepCheck(Instance in, int t, double[] prev, double[] cur) {
        return LineSearchChecks.strongWolfe(in.f(), in.l(), prev, cur, in.c1(), in.c2(), tighten(), t);
    }

    @Override
    public OptionalDouble thresholdValue(Instance in, Regime r) {
        return OptionalDouble.of(in.c1() - in.c2());
    }

    @Override
    public List<String> labels(Instance in, Regime r) {
        if (in.f() instanceof Quadratic q) {
            return LineSearchChecks.quadraticLabels(q);
        }
        return List.of("kinked slope");
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        List<Property.Coverage> c = new ArrayList<>(LineSearchChecks.COVERAGE);
        c.add(new Property.Coverage("kinked slope", 5));
        return c;
    }
}
