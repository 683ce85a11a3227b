package io.optcheck.theory.gd;

import io.optcheck.api.Precision;
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
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * gd.descent-lemma (Nesterov, Lectures on Convex Optimization, Lemma 1.2.3). For L-smooth f and
 * 0 &lt; eta &lt;= 1/L, one gradient step satisfies f(x+) &lt;= f(x) - (eta/2)||grad f(x)||^2. The
 * general form f(x+) &lt;= f(x) - eta(1 - L eta/2)||grad f(x)||^2 holds for every eta &gt; 0.
 * Checked on quadratics (L = lambda_max exactly for diagonal H) at every one of 50 steps.
 */
public final class DescentLemma extends KindTheorem<GdInstance> {

    /** The theorem as its spec declares it. */
    public DescentLemma() {
        super("gd.descent-lemma");
    }

    static final int STEPS = 50;

    /** The regimes of one step of GD in a low-precision format (the stagnation threshold). */
    static final List<String> STAGNATION = List.of("float32-stagnation", "bfloat16-stagnation");

    @Override
    public Gen<GdInstance> instances(Regime r) {
        if (STAGNATION.contains(r.id())) {
            return stagnation(precision(r));
        }
        // h = eta L, with the boundary values of each range (eta exactly 1/L in the holds regime).
        Gen<Double> h = Cases.<Gen<Double>>on(r)
                .when(
                        List.of("holds", "drop:l-smooth", "float32-rounded", "bfloat16-rounded"),
                        () -> StepGens.above(0, 1, 1.0))
                .when("eta-in-1-2-over-l", () -> StepGens.above(1, 2, 2.0))
                .when("general-form", () -> StepGens.above(0, 4, 1.0, 2.0))
                .when("eta-le-2-over-l", () -> StepGens.above(0, 2, 1.0, 2.0))
                .when("eta-gt-2-over-l", () -> StepGens.above(2, 4))
                .get();
        // drop:l-smooth: the method is told L_used = s L with s < 1.
        Gen<Double> lScale = Cases.<Gen<Double>>on(r)
                .when(
                        "drop:l-smooth",
                        () -> Gens.doubles(0.25, 1).knob("L used / L").filter("L understated", v -> v < 1))
                .orElse(() -> Gens.just(1.0));
        // The theorem is about a step eta > 0: an h so small (a subnormal edge value, or the shrinker
        // lowering h toward 0) that eta = h / L underflows to 0 or to the subnormal range is not an
        // instance of it, so such a draw is discarded, never run.
        return Problems.quadratics()
                .flatMap(q -> Gens.combine(Problems.points(q.dimension(), 10), h, lScale)
                        .as((x0, hv, sv) -> new GdInstance(q, x0, hv, sv)))
                .filter("eta = h / L is a positive normal double", in -> in.eta() >= Double.MIN_NORMAL);
    }

    /**
     * One step toward 0 on f = (L/2)(x - c)^2 from x0 = +-m 2^k on p's grid, with c placed so that
     * eta |g(x0)| = r gap (gap: x0's distance to its neighbour toward 0) and eta L in (0, 1/2]. The
     * knob "2 - r" shrinks toward 0, so shrinking raises r toward where the lemma stops breaking.
     */
    private static Gen<GdInstance> stagnation(Precision p) {
        Gen<Double> m = Gens.doubles(1, 2).knob("mantissa of x0");
        Gen<Integer> k = Gens.integers(-8, 8);
        Gen<Double> l = Gens.logDoubles(1e-2, 1e2).knob("L");
        Gen<Double> h = StepGens.above(0, 0.5, 0.5);
        Gen<Double> back = Gens.doubles(0, 2).knob("2 - r").filter("r > 0", v -> v < 2);
        Gen<Integer> sign = Gens.integers(0, 1);
        return Gens.combine(m, k, l, h, back, sign).as((mv, kv, lv, hv, bv, sv) -> {
            double x0 = p.round((sv == 0 ? 1 : -1) * mv * Math.scalb(1.0, kv));
            double step = (2 - bv) * p.gapTowardZero(x0);
            // eta g = h (x0 - c) = step toward 0
            double c = x0 - Math.signum(x0) * step / hv;
            return new GdInstance(Quadratic.diagonal(new double[] {lv}, new double[] {c}), new double[] {x0}, hv, 1.0);
        });
    }

    /** eta |g(x0)| / gap, for the stagnation regimes (one dimension). */
    static double stepOverGap(GdInstance in, Precision p) {
        double x0 = in.x0()[0];
        return in.eta() * Math.abs(in.q().gradient(in.x0())[0]) / p.gapTowardZero(x0);
    }

    /** The rounded-update bound on the decrease: eta (1 - L eta/2)||g||^2 - (1 + L eta)||g|| ||E|| - (L/2)||E||^2. */
    static double roundedBound(double eta, double l, double gg, double en) {
        return eta * (1 - l * eta / 2) * gg - (1 + l * eta) * Math.sqrt(gg) * en - 0.5 * l * en * en;
    }

    @Override
    protected Evaluation checkOn(GdInstance in, Regime r) {
        Quadratic q = in.q();
        int d = q.dimension();
        double eta = in.eta();
        double lTrue = in.trueL();
        String conclusion = r.conclusion();
        Precision p = precision(r);
        int steps = STAGNATION.contains(r.id()) ? 1 : STEPS;
        if (conclusion.equals("rounded-update")) {
            return roundedUpdate(in, p);
        }
        return TrajectoryCheck.run(method(lr(in.eta())), in.q(), in.x0(), steps, (t, prev, cur, series) -> {
            double f0 = q.value(prev);
            double f1 = q.value(cur);
            double[] g = q.gradient(prev);
            double gg = Vectors.normSq(g);
            double decrease = f0 - f1;
            double bound = switch (conclusion) {
                case "eta-half-form" -> 0.5 * eta * gg;
                case "general-form" -> eta * (1 - lTrue * eta / 2) * gg;
                default -> 0.0; // monotone: f(x+) <= f(x)
            };
            if (tighten() != 0) {
                // Tight lower bounds on the decrease are raised by (1 + eps) (for a negative bound, an
                // allowed increase, shrunk by the same factor); the monotone bound 0 gets a wrong
                // constant instead: "f decreases by at least eps eta ||g||^2", false at eta = 2/L.
                bound = bound > 0
                        ? bound * (1 + tighten())
                        : bound < 0 ? bound * (1 - tighten()) : tighten() * eta * gg;
            }
            // The rounding of the computed iterate x_t itself, which an exact evaluation at the same
            // iterates does not remove: the exact recheck allows this part of the tolerance.
            double iterate =
                    Tolerance.iterateRounding(Vectors.norm(q.gradient(cur)), Vectors.norm(prev), eta * Math.sqrt(gg));
            // The magnitudes f's evaluation adds up (far above |f| for a rotated H, whose terms cancel).
            double scale = q.valueScale(prev) + q.valueScale(cur) + eta * gg * Math.max(1, lTrue * eta) + iterate;
            if (bound == 0) {
                scale = Math.max(scale, q.valueScale(in.x0()));
            }
            double tol = Tolerance.of(scale, d);
            double eps = tighten();
            Check c = Check.atLeast("decrease f(x_t-1) - f(x_t)", t, decrease, bound, tol);
            if (p == Precision.FLOAT64) {
                c = c.withExact(ExactGd.STEP, () -> realStepHolds(q, prev, eta, lTrue, conclusion, eps));
            } else {
                // The method rounds its update: the statement is about the recorded iterates, not the real step.
                double[] x0 = prev.clone();
                double[] x1 = cur.clone();
                c = c.withExact(ROUNDED_PRECISION, () -> exactHolds(q, x0, x1, eta, lTrue, conclusion, 0));
            }
            if (c.marginal() && tighten() == 0) {
                c = c.rechecked(exactHolds(q, prev, cur, eta, lTrue, conclusion, Tolerance.of(iterate, d)));
            }
            series.point("f(x_t) - f*", f1);
            series.point("bound on f(x_t) - f*", f0 - bound);
            return c;
        });
    }

    /** How the rounded-update check is rechecked. */
    static final String ROUNDED_PRECISION =
            "exact rational arithmetic (BigDecimal) of f at the recorded iterates, against the bound as computed";

    private Evaluation roundedUpdate(GdInstance in, Precision p) {
        Quadratic q = in.q();
        int d = q.dimension();
        double eta = in.eta();
        double lTrue = in.trueL();
        // The teeth: the wrong constant u/4 in E, which an update that stalls at the bottom of a binade violates.
        double uScale = tighten() != 0 ? 0.25 : 1;
        return TrajectoryCheck.run(method(lr(eta)), q, in.x0(), STEPS, (t, prev, cur, series) -> {
            double f0 = q.value(prev);
            double f1 = q.value(cur);
            double[] g = q.gradient(prev);
            double gg = Vectors.normSq(g);
            double en = Vectors.norm(RoundedUpdate.error(p, uScale, prev, g, eta));
            double bound = roundedBound(eta, lTrue, gg, en);
            // f's own float64 evaluation at the two stored iterates (the update's rounding is in the bound)
            double scale = q.valueScale(prev) + q.valueScale(cur) + Math.abs(bound) + eta * gg;
            double tol = Tolerance.of(scale, d);
            double[] x0 = prev.clone();
            double[] x1 = cur.clone();
            series.point("f(x_t) - f*", f1);
            series.point("bound on f(x_t) - f*", f0 - bound);
            return Check.atLeast("decrease f(x_t-1) - f(x_t) (update in " + p.id() + ")", t, f0 - f1, bound, tol)
                    .withExact(
                            ROUNDED_PRECISION,
                            () -> HighPrecision.holds(
                                    false,
                                    ExactQuadratic.value(q, x0).subtract(ExactQuadratic.value(q, x1)),
                                    new BigDecimal(bound)));
        });
    }

    /**
     * The same inequality in exact rational arithmetic at the same double iterates, up to
     * {@code allowance}: the effect on f of rounding the iterate x_t = x_t-1 - eta g to doubles,
     * which no exact evaluation at the computed x_t removes (the theorem is about the exact step).
     */
    static boolean exactHolds(
            Quadratic q, double[] prev, double[] cur, double eta, double lTrue, String conclusion, double allowance) {
        BigDecimal f0 = ExactQuadratic.value(q, prev);
        BigDecimal f1 = ExactQuadratic.value(q, cur);
        BigDecimal gg = ExactQuadratic.normSquared(ExactQuadratic.gradient(q, prev));
        BigDecimal e = new BigDecimal(eta);
        BigDecimal bound = switch (conclusion) {
            case "eta-half-form" -> e.multiply(gg).divide(BigDecimal.valueOf(2));
            case "general-form" ->
                e.multiply(BigDecimal.ONE.subtract(
                                new BigDecimal(lTrue).multiply(e).divide(BigDecimal.valueOf(2))))
                        .multiply(gg);
            default -> BigDecimal.ZERO;
        };
        return f0.subtract(f1).compareTo(bound.subtract(new BigDecimal(allowance))) >= 0;
    }

    /**
     * The conclusion for the real-number step from {@code prev}: x+ = prev - eta grad f(prev) and
     * f(x+) in 300-digit arithmetic, against the (tightened) bound, with no tolerance. The lemma holds
     * at every point, so this is the statement itself at x_t-1.
     */
    static boolean realStepHolds(
            Quadratic q, double[] prev, double eta, double lTrue, String conclusion, double tighten) {
        BigDecimal[] x = HighPrecision.big(prev);
        BigDecimal[] g = ExactQuadratic.gradient(q, x);
        BigDecimal e = new BigDecimal(eta);
        BigDecimal decrease = ExactQuadratic.value(q, x).subtract(ExactQuadratic.value(q, HighPrecision.axpy(x, e, g)));
        BigDecimal gg = HighPrecision.normSq(g);
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal bound = switch (conclusion) {
            case "eta-half-form" -> half.multiply(e).multiply(gg);
            case "general-form" ->
                e.multiply(BigDecimal.ONE.subtract(
                                new BigDecimal(lTrue).multiply(e).multiply(half)))
                        .multiply(gg);
            default -> BigDecimal.ZERO;
        };
        if (tighten != 0) {
            BigDecimal eps = new BigDecimal(tighten);
            bound = bound.signum() > 0
                    ? bound.multiply(BigDecimal.ONE.add(eps))
                    : bound.signum() < 0
                            ? bound.multiply(BigDecimal.ONE.subtract(eps))
                            : eps.multiply(e).multiply(gg);
        }
        return HighPrecision.holds(false, decrease, bound);
    }

    @Override
    public OptionalDouble thresholdValue(GdInstance in, Regime r) {
        if (STAGNATION.contains(r.id())) {
            return OptionalDouble.of(stepOverGap(in, precision(r)));
        }
        return OptionalDouble.of(in.eta() * in.trueL());
    }

    @Override
    public List<String> labels(GdInstance in, Regime r) {
        if (STAGNATION.contains(r.id())) {
            return List.of(stepOverGap(in, precision(r)) < 0.5 ? "eta |g| < gap/2" : "eta |g| >= gap/2");
        }
        return QuadraticLabels.of(in);
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        if (STAGNATION.contains(r.id())) {
            // Labels only: the counterexample shows the side below gap/2 is reached, and the threshold
            // the shrinker pushes to shows the side above it is explored.
            return List.of();
        }
        List<Property.Coverage> c = new ArrayList<>(QuadraticLabels.COVERAGE);
        if (Cases.is(r, "holds")) {
            c.add(new Property.Coverage(QuadraticLabels.ETA_AT_LIMIT, 1));
        }
        return c;
    }
}
