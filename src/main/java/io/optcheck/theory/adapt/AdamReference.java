package io.optcheck.theory.adapt;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.Precision;
import io.optcheck.method.Method;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Quadratic;
import io.optcheck.prop.DoubleGen;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredRanges;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * adapt.adam-reference (Kingma &amp; Ba 2015, Algorithm 1; Loshchilov &amp; Hutter 2019,
 * Algorithm 2). The reference Adam is checked against the THEOREMS.md formula, recomputed by the
 * checker from gradients it computes itself with its own m and v:
 * <ul>
 *   <li>{@code step-formula}: every step equals m = b1 m + (1-b1) g, v = b2 v + (1-b2) g^2,
 *       x -= lr m^/(sqrt(v^) + eps) - lr wd x (decoupled);</li>
 *   <li>{@code first-step}: with eps = 0 the first step is exactly x_0 - lr sign(g_0);</li>
 *   <li>{@code zero-gradient-no-move}: started at a minimizer (g = 0) with wd = 0, x never moves;
 *       with wd &gt; 0 (AdamW's decoupled decay) it does, which the search must find.</li>
 * </ul>
 */
public final class AdamReference extends KindTheorem<AdamInstance> {

    /** The theorem as its spec declares it. */
    public AdamReference() {
        super("adapt.adam-reference");
    }

    static final int STEPS = 30;

    /**
     * The conventions the checker's formula encodes (AdamInstance.options): eps outside the square
     * root, bias correction, decoupled decay lr * wd * x.
     */
    static final Map<String, String> FORMULA_CONVENTIONS = Map.of(
            "eps", "outside-sqrt", "bias-correction", "on", "weight-decay", "decoupled", "decay-times-lr", "yes");

    /** Every regime is about the formula conventions: none applies to a method that declares others. */
    @Override
    protected boolean keeps(Regime r) {
        return binding().follows(FORMULA_CONVENTIONS);
    }

    /** The regimes of eps against the ulp of sqrt(v) (one step from x_0 = 0). */
    static final List<String> EPS_ULP =
            List.of("eps-in-first-step", "float32-eps-in-first-step", "float32-eps-absorbed", "bfloat16-eps-absorbed");

    /** They compare the method with itself at eps = 0: a method whose declared eps range excludes 0 cannot be asked. */
    @Override
    protected Optional<String> applicability(Regime regime) {
        return EPS_ULP.contains(regime.id())
                ? DeclaredRanges.regimeNeeds(
                        binding().provider(),
                        regime.id(),
                        List.of(DeclaredRanges.Needed.exactly("eps", 0.0, "the comparison step at eps = 0")))
                : Optional.empty();
    }

    /**
     * f = (1/2)(x - c)^2 from x_0 = 0, |c| = m 2^k on p's grid (so g_1 = -c), wd = 0, and
     * eps = r ulp_p(|c|): r in [8, 2^20] for the holds regimes, r in (0, 2] through the knob
     * "2 - r" for the breaking ones.
     */
    private static Gen<AdamInstance> epsUlp(Precision p, boolean absorbed) {
        DoubleGen lr = Gens.logDoubles(1e-4, 1).withEdges(1.0).knob("lr");
        Gen<Double> b1 = Gens.doubles(0, 0.99).withEdges(0.0, 0.9).knob("b1");
        Gen<Double> b2 = Gens.doubles(0, 0.9999).withEdges(0.0, 0.999).knob("b2");
        Gen<Double> m = Gens.doubles(1, 2).knob("mantissa of |g|");
        Gen<Integer> k = Gens.integers(-10, 10);
        Gen<Double> r = absorbed
                ? Gens.doubles(0, 2).knob("2 - r").filter("r > 0", v -> v < 2).map(v -> 2 - v)
                : Gens.logDoubles(8, 0x1p20).knob("eps / ulp(|g|)");
        Gen<Integer> sign = Gens.integers(0, 1);
        return Gens.combine(Gens.combine(lr, b1, b2).as((a, b, c) -> new double[] {a, b, c}), m, k, r, sign)
                .as((h, mv, kv, rv, sv) -> {
                    double c = p.round((sv == 0 ? 1 : -1) * mv * Math.scalb(1.0, kv));
                    double eps = rv * p.ulp(c);
                    return new AdamInstance(
                            Quadratic.diagonal(new double[] {1}, new double[] {c}),
                            new double[] {0},
                            h[0],
                            h[1],
                            h[2],
                            eps,
                            0);
                })
                // In bfloat16, b2 = 0.999 rounds to 1: 1 - b2^t = 0 and v^ = 0/0. Such betas are not
                // Adam's in that format (b < 1 - 2^-9 stays below 1), so the try is discarded.
                .filter("b1, b2 < 1 in the format", in -> p.round(in.b1()) < 1 && p.round(in.b2()) < 1);
    }

    @Override
    public Gen<AdamInstance> instances(Regime r) {
        if (EPS_ULP.contains(r.id())) {
            return epsUlp(precision(r), r.breaking());
        }
        DoubleGen lr = Gens.logDoubles(1e-4, 1).withEdges(1.0).knob("lr");
        Gen<Double> b1 = Gens.doubles(0, 0.99).withEdges(0.0, 0.9).knob("b1");
        Gen<Double> b2 = Gens.doubles(0, 0.9999).withEdges(0.0, 0.999).knob("b2");
        Gen<Double> eps = Gens.logDoubles(1e-12, 1e-2).withSpecials(0.0).knob("eps");
        Gen<Double> wd = Gens.doubles(0, 0.1).withEdges(0.0).knob("wd");
        Gen<Double> zero = Gens.just(0.0);
        // What each regime fixes: eps, wd, and whether x0 is a minimizer.
        Draws draws = Cases.<Draws>on(r)
                .when("holds", () -> new Draws(eps, wd, false))
                .when("first-step", () -> new Draws(zero, zero, false))
                .when("zero-gradient-no-move", () -> new Draws(eps, zero, true))
                // the holds generator with only "no weight decay" inverted: wd > 0
                .when(
                        "drop:no-weight-decay",
                        () -> new Draws(eps, Gens.doubles(0, 0.1).knob("wd").filter("wd > 0", v -> v > 0), true))
                .get();
        Gen<double[]> hyper = Gens.combine(
                        Gens.combine(lr, b1).as((a, b) -> new double[] {a, b}),
                        Gens.combine(b2, draws.eps()).as((a, b) -> new double[] {a, b}),
                        draws.wd())
                .as((p, s, w) -> new double[] {p[0], p[1], s[0], s[1], w});
        return Problems.quadratics()
                .flatMap(q -> Gens.combine(Problems.points(q.dimension(), 10), hyper)
                        .as((x0, h) -> {
                            // At a minimizer: the same spectrum with its minimizer moved to x0, so g(x0) = 0 exactly.
                            Quadratic p = draws.atMinimizer() ? Quadratic.diagonal(q.eigenvalues(), x0) : q;
                            return new AdamInstance(p, x0, h[0], h[1], h[2], h[3], h[4]);
                        }));
    }

    /** The draws of eps and wd of a regime, and whether it starts at a minimizer. */
    private record Draws(Gen<Double> eps, Gen<Double> wd, boolean atMinimizer) {}

    /** eps / ulp(|g_1|) in the format, for the eps-ulp regimes. */
    static double epsOverUlp(AdamInstance in, Precision p) {
        return in.eps() / p.ulp(in.q().gradient(in.x0())[0]);
    }

    /**
     * One step at eps against one step at eps = 0 from the same x_0: |x_1(eps) - x_1(0)| &gt; 0 (the
     * teeth: at least 1.001 lr eps / (|g| + eps), the real difference times 1.001).
     */
    private Evaluation epsInFirstStep(AdamInstance in) {
        Quadratic q = in.q();
        Hyperparameters h = Hyperparameters.of("lr", in.lr())
                .with("b1", in.b1())
                .with("b2", in.b2())
                .with("wd", 0.0);
        double[] without = oneStep(method(h.with("eps", 0.0)), q, in.x0());
        double g = Math.abs(q.gradient(in.x0())[0]);
        double real = in.lr() * in.eps() / (g + in.eps());
        double bound = tighten() != 0 ? (1 + tighten()) * real : Double.MIN_VALUE;
        return TrajectoryCheck.run(method(h.with("eps", in.eps())), q, in.x0(), 1, (t, prev, cur, series) -> {
            double delta = Math.abs(cur[0] - without[0]);
            series.point("|x_1(eps) - x_1(0)|", delta);
            series.point("lr eps / (|g| + eps)", real);
            double x1 = cur[0];
            return Check.atLeast("|x_1(eps) - x_1(eps = 0)|", t, delta, bound, 0)
                    .withExact(
                            EXACT_DIFFERENCE,
                            () -> HighPrecision.holds(
                                    false,
                                    new BigDecimal(x1)
                                            .subtract(new BigDecimal(without[0]))
                                            .abs(),
                                    new BigDecimal(bound)));
        });
    }

    /** How the eps-in-first-step check is rechecked: the two recorded iterates' difference, exactly. */
    static final String EXACT_DIFFERENCE = "exact decimal difference of the two recorded iterates";

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static double[] oneStep(Method<?> m, Quadratic q, double[] x0) {
        Trajectory tr = Runner.run((Method) m, new ExactOracle(q), x0, 1);
        return tr.x(tr.steps());
    }

    @Override
    protected Evaluation checkOn(AdamInstance in, Regime r) {
        if (r.conclusion().equals("eps-in-first-step")) {
            return epsInFirstStep(in);
        }
        Quadratic q = in.q();
        int d = q.dimension();
        String conclusion = r.conclusion();
        // The checker's own moments, updated from gradients it computes itself.
        double[] m = new double[d];
        double[] v = new double[d];
        // Teeth: the checker's formula with lr * (1 + eps) (a wrong constant for an exact equality).
        double lrRef = in.lr() * (1 + tighten());
        int steps = conclusion.equals("first-step") ? 1 : STEPS;
        Method<?> method = method(Hyperparameters.of("lr", in.lr())
                .with("b1", in.b1())
                .with("b2", in.b2())
                .with("eps", in.eps())
                .with("wd", in.wd()));
        return TrajectoryCheck.run(method, q, in.x0(), steps, (t, prev, cur, series) -> {
            double[] g = q.gradient(prev);
            double worst = 0;
            double scale = 0;
            double moved = 0;
            for (int i = 0; i < d; i++) {
                double ref;
                if (conclusion.equals("first-step")) {
                    ref = prev[i] - lrRef * Math.signum(g[i]);
                } else if (conclusion.equals("no-move")) {
                    ref = prev[i] * (1 - tighten()); // teeth: a wrong claim "x shrinks by a factor eps"
                } else {
                    m[i] = in.b1() * m[i] + (1 - in.b1()) * g[i];
                    v[i] = in.b2() * v[i] + (1 - in.b2()) * g[i] * g[i];
                    double mh = m[i] / (1 - Math.pow(in.b1(), t));
                    double vh = v[i] / (1 - Math.pow(in.b2(), t));
                    double step = mh == 0 ? 0 : lrRef * mh / (Math.sqrt(vh) + in.eps());
                    ref = prev[i] - step - lrRef * in.wd() * prev[i];
                }
                worst = Math.max(worst, Math.abs(cur[i] - ref));
                // rounding of x_t: its inputs x_{t-1}, the step and the decay term
                scale = Math.max(scale, Math.abs(prev[i]) + Math.abs(cur[i] - prev[i]) + Math.abs(ref - prev[i]));
                moved = Math.max(moved, Math.abs(cur[i] - prev[i]));
            }
            // A bound of 0 gets an absolute tolerance from the run's scale (at least |x_0|).
            double tol = Tolerance.of(Math.max(scale, TrajectoryCheck.GRADIENT_FLOOR), d);
            series.point("max |x_t - formula|", worst);
            series.point("max |x_t - x_t-1|", moved);
            return Check.atMost("max_i |x_t,i - formula_i|", t, worst, 0, tol);
        });
    }

    @Override
    public OptionalDouble thresholdValue(AdamInstance in, Regime r) {
        if (EPS_ULP.contains(r.id())) {
            return OptionalDouble.of(epsOverUlp(in, precision(r)));
        }
        return Cases.<OptionalDouble>on(r)
                .when("drop:no-weight-decay", () -> OptionalDouble.of(in.wd()))
                .orElse(OptionalDouble::empty);
    }

    @Override
    public List<String> labels(AdamInstance in, Regime r) {
        return EPS_ULP.contains(r.id())
                ? List.of(epsOverUlp(in, precision(r)) < 0.5 ? "eps < ulp/2" : "eps >= ulp/2")
                : List.of();
    }
}
