package io.optcheck.theory.sgd.schedules;

import io.optcheck.api.Hyperparameters;
import io.optcheck.oracle.NoisyOracle;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredRanges;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import io.optcheck.theory.stat.ExpectationCheck;
import io.optcheck.theory.stat.FalseAlarmBudget;
import io.optcheck.theory.stat.MeanBound;
import io.optcheck.theory.stat.Seeds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * sgd.robbins-monro (Robbins &amp; Monro 1951): with sum eta_t = infinity and sum eta_t^2 &lt;
 * infinity (eta_t = a/(t + b)^p, 1/2 &lt; p &lt;= 1) SGD converges to x* on strongly convex f
 * with bounded noise variance. Asymptotic, so each regime checks a FINITE statement:
 *
 * <ul>
 *   <li><b>holds</b> ({@code mean-square-bound}): for mu-strongly convex, L-smooth f, noise
 *       independent of the past with E xi = 0 and E||xi||^2 = sigma^2, and eta_t &lt;= 2/(mu + L),
 *       E||x_{t+1} - x*||^2 &lt;= (1 - eta_t mu)^2 E||x_t - x*||^2 + eta_t^2 sigma^2 (the gradient
 *       step is a (1 - eta mu)-contraction for eta &lt;= 2/(mu + L); the noise adds its variance).
 *       Unrolled into r_t with r_0 = ||x0 - x*||^2, checked in expectation at t = 1, 2, 4, ..., 32.
 *       r_t -&gt; 0 for 1/2 &lt; p &lt;= 1 (Chung's lemma), so the bound proves convergence; the
 *       result reports r_T up to T = 10^6 for the best instance. Equality on 1-D quadratics with
 *       L = mu.</li>
 *   <li><b>p-le-half</b> ({@code mean-square-bound}, 0 &lt; p &lt;= 1/2, sum eta_t^2 = infinity):
 *       the same check as holds. Its derivation uses only eta_t &lt;= 2/(mu + L), never the sum
 *       of squares, and r_t -&gt; 0 still (eta_t -&gt; 0 and sum eta_t = infinity suffice for the
 *       recursion), so the mean-square conclusion holds; Robbins and Monro's sum eta_t^2 &lt;
 *       infinity is what their almost-sure argument needs. This is the regime a sqrt-decay
 *       schedule (p = 1/2) is checked in.</li>
 *   <li><b>p-gt-1</b> ({@code reaches-x-star}): with bounded stochastic gradients ||g|| &lt;= G,
 *       every later iterate satisfies ||x_s - x*|| &gt;= ||x_t - x*|| - G sum_{u &gt;= t} eta_u, so
 *       convergence needs ||x_t - x*|| &lt;= G sum_{u &gt;= t} eta_u at every t. For p &gt; 1 the
 *       tail is finite; a run where the distance exceeds it never reaches x*. Pathwise and
 *       deterministic (one seeded run, uniform noise, exact arithmetic is not needed: the margin
 *       is checked with the tolerance model).</li>
 *   <li><b>constant-step</b> ({@code leaves-noise-ball}): with a constant eta on a diagonal
 *       quadratic, E||x_{s+1} - x*||^2 &gt;= q^2 E||x_s - x*||^2 + eta^2 sigma^2 with
 *       q = min_i |1 - eta lambda_i|, so E||x_s - x*||^2 &gt;= min(E||x_t - x*||^2, D) for all
 *       s &gt;= t, D = eta^2 sigma^2/(1 - q^2) (= eta sigma^2/(mu(2 - eta mu)), the exact stationary
 *       value, when every eigenvalue is mu). Convergence needs E||x_t - x*||^2 &lt;= D; the test
 *       proves E||x_t - x*||^2 &gt; D from R runs, so SGD stays in the noise ball forever.</li>
 * </ul>
 */
public final class RobbinsMonro extends ScheduleTheorem<RmInstance, RobbinsMonro> {

    /** R, the runs behind each expectation. */
    static final int RUNS = 1000;
    /** The checkpoints of the holds regime: 1, 2, 4, ..., 32. */
    static final int[] CHECKPOINTS = SgdRuns.doublingCheckpoints(32);
    /**
     * The checkpoints of the constant-step regime: 1, 2, 4, 8. E||x_t - x*||^2 decays toward the
     * floor geometrically, so a later checkpoint rarely proves more than an earlier one.
     */
    static final int[] STALL_CHECKPOINTS = SgdRuns.doublingCheckpoints(8);
    /** Steps of the p &gt; 1 regime's single pathwise run. */
    static final int REACH_STEPS = 64;
    /** The truncation multiple of the expectation check (see DiminishingStep.TRUNCATION). */
    static final double TRUNCATION = 2;
    /** Horizons at which the best instance's r_T is reported, to show r_T -&gt; 0. */
    static final int[] HORIZONS = {32, 10_000, 1_000_000};

    /** The theorem as stated, on optcheck's reference SGD. */
    public RobbinsMonro() {
        super("sgd.robbins-monro", FalseAlarmBudget.perTest(1000, CHECKPOINTS.length, 0));
    }

    @Override
    public Gen<RmInstance> instances(Regime r) {
        // p searched as its distance to the regime's boundary, so that shrinking moves toward it.
        // A declared range of p or b narrows the draw to it (ScheduleTheorem.declared).
        DeclaredRanges.Needed needP = needs(r).get(0);
        Gen<Double> p = Cases.<Gen<Double>>on(r)
                .when(
                        "holds",
                        () -> declared(
                                Gens.doubles(0, 0.5)
                                        .knob("p - 1/2")
                                        .filter("p > 1/2", v -> v > 0)
                                        .map(v -> 0.5 + v),
                                0.5,
                                1,
                                needP,
                                false))
                .when(
                        "p-le-half",
                        () -> declared(
                                Gens.doubles(0, 0.5).withEdges(0.5).knob("p").filter("p > 0", v -> v > 0),
                                0,
                                0.5,
                                needP,
                                false))
                .when(
                        "p-gt-1",
                        () -> declared(
                                Gens.doubles(0, 2)
                                        .knob("p - 1")
                                        .filter("p > 1", v -> v > 0)
                                        .map(v -> 1 + v),
                                1,
                                3,
                                needP,
                                false))
                .when("constant-step", () -> Gens.just(0.0))
                .get();
        // h = eta_0 (mu + L)/2 in (0, 1]: h = 1 is the largest step the contraction argument allows.
        Gen<Double> h = Gens.doubles(0, 1).knob("eta_0 (mu + L)/2").filter("eta_0 > 0", v -> v > 0);
        Gen<Double> b = declared(Gens.logDoubles(1, 100).knob("b"), 1, 100, needs(r).get(1), true);
        Gen<Double> s = Gens.logDoubles(1e-3, 10).withSpecials(0.0).knob("s");
        Gen<double[]> hbs = Gens.combine(h, b, s).as((hv, bv, sv) -> new double[] {hv, bv, sv});
        // Starts at distance >= 1 from x* = 0: the stalling regime is about an x* that is far away.
        return Problems.quadratics()
                .diagonal()
                .dimensions(1, 3)
                .spectrum(1e-1, 1e1)
                .flatMap(q -> Gens.combine(
                                Problems.points(q.dimension(), 10)
                                        .filter("||x0 - x*|| >= 1", x -> Vectors.norm(x) >= 1),
                                p,
                                hbs)
                        .as((x0, pv, o) -> build(q, x0, pv, o[0], o[1], o[2])));
    }

    /** a = h (2/(mu + L)) b^p, rounded down until the first (largest) step satisfies eta_0 (mu + L) <= 2 exactly. */
    static RmInstance build(Quadratic q, double[] x0, double p, double h, double b, double s) {
        double mu = q.certificate().mu().orElseThrow();
        double l = q.certificate().L().orElseThrow();
        double a = h * 2 / (mu + l) * (p == 0 ? 1 : StrictMath.pow(b, p));
        BigDecimal ml = new BigDecimal(mu).add(new BigDecimal(l));
        BigDecimal two = BigDecimal.valueOf(2);
        while (new BigDecimal(new RmInstance(q, x0, a, b, p, s).eta(0))
                        .multiply(ml)
                        .compareTo(two)
                > 0) {
            a = Math.nextDown(a);
        }
        return new RmInstance(q, x0, a, b, p, s);
    }

    /** p as each regime needs it, and b &gt; 0 (t + b &gt; 0 from t = 0). */
    @Override
    protected List<DeclaredRanges.Needed> needs(Regime r) {
        DeclaredRanges.Needed b =
                new DeclaredRanges.Needed("b", 0, true, Double.POSITIVE_INFINITY, true, "t + b > 0 from t = 0");
        DeclaredRanges.Needed p = Cases.<DeclaredRanges.Needed>on(r)
                .when(
                        "holds",
                        () -> new DeclaredRanges.Needed(
                                "p", 0.5, true, 1, false, "sum eta_t = infinity, sum eta_t^2 < infinity"))
                .when(
                        "p-le-half",
                        () -> new DeclaredRanges.Needed(
                                "p", 0, true, 0.5, false, "sum eta_t^2 = infinity, sum eta_t = infinity"))
                .when(
                        "p-gt-1",
                        () -> new DeclaredRanges.Needed("p", 1, true, Double.POSITIVE_INFINITY, true, "summable steps"))
                .when("constant-step", () -> DeclaredRanges.Needed.exactly("p", 0, "a constant step"))
                .get();
        return List.of(p, b);
    }

    @Override
    public int testsPerEvaluation(Regime r) {
        return Cases.<Integer>on(r)
                .when(List.of("holds", "p-le-half"), () -> CHECKPOINTS.length)
                .when("p-gt-1", () -> 0)
                .when("constant-step", () -> STALL_CHECKPOINTS.length)
                .get();
    }

    @Override
    ExpectationCheck check() {
        return new ExpectationCheck(MeanBound.Test.EMPIRICAL_BERNSTEIN, RUNS, TRUNCATION, alpha());
    }

    @Override
    protected Evaluation checkOn(RmInstance in, Regime r) {
        requireSteps(in, REACH_STEPS);
        if (Cases.is(r, "p-gt-1")) {
            return reach(in);
        }
        Evaluation e = inExpectation(in, r.conclusion().equals("mean-square-bound"), Seeds.SEARCH);
        best().offer(r.id(), in, e.worstRatio());
        return e;
    }

    /** The instance's own assumption: 0 < eta_t <= eta_0 <= 2/(mu + L) at every step checked. */
    private static void requireSteps(RmInstance in, int steps) {
        double e0 = in.eta(0);
        for (int t = 0; t < steps; t++) {
            double e = in.eta(t);
            if (!(e > 0) || e > e0) {
                throw new IllegalStateException("schedule is not in (0, eta_0] at t = " + t + ": " + e);
            }
        }
    }

    private long key(RmInstance in) {
        long k = Seeds.key(in.q().eigenvalues());
        k = Seeds.key(k, in.x0());
        return Seeds.key(k, in.a(), in.b(), in.p(), in.s());
    }

    /** r_t for t = 0..n: r_0 = ||x0 - x*||^2, r_t+1 = (1 - eta_t mu)^2 r_t + eta_t^2 sigma^2. */
    static double[] rSequence(RmInstance in, int n) {
        double[] r = new double[n + 1];
        r[0] = in.r0() * in.r0();
        double mu = in.mu();
        double sig = in.sigmaSq();
        for (int t = 0; t < n; t++) {
            double e = in.eta(t);
            double c = 1 - e * mu;
            r[t + 1] = c * c * r[t] + e * e * sig;
        }
        return r;
    }

    /**
     * The floor of the constant-step regime: D = eta^2 sigma^2/(1 - q^2), q = min_i |1 - eta lambda_i|
     * (exact diagonal eigenvalues). E D_s &gt;= q^2 E D_s-1 + eta^2 sigma^2 gives E D_s &gt;=
     * min(E D_t, D) for every s &gt;= t.
     */
    static double noiseFloor(RmInstance in) {
        double eta = in.eta(0);
        double q = Double.POSITIVE_INFINITY;
        for (double lam : in.q().eigenvalues()) {
            q = Math.min(q, Math.abs(1 - eta * lam));
        }
        return eta * eta * in.sigmaSq() / (1 - q * q);
    }

    /**
     * holds: E||x_t - x*||^2 &lt;= r_t; constant-step: E||x_t - x*||^2 &lt;= D is tested, and a
     * rejection proves the run never leaves the noise ball.
     */
    Evaluation inExpectation(RmInstance in, boolean holds, long salt) {
        Quadratic q = in.q();
        int d = q.dimension();
        ExpectationCheck ec = check();
        Hyperparameters hp = SgdRuns.schedule(in.a(), in.b(), in.p());
        NoisyOracle.Noise noise = NoisyOracle.uniform(in.s());
        double[] xStar = q.certificate().xStar().orElseThrow();
        int[] checkpoints = holds ? CHECKPOINTS : STALL_CHECKPOINTS;
        double[] r = rSequence(in, checkpoints[checkpoints.length - 1]);
        double floor = noiseFloor(in);
        Evaluation.Builder b = new Evaluation.Builder();
        Curves series = new Curves();
        int from = 0;
        stages:
        for (int to : SgdRuns.stageEnds(checkpoints)) {
            double[][] samples = SgdRuns.sample(
                    ec,
                    key(in),
                    salt,
                    binding().provider(),
                    hp,
                    q,
                    noise,
                    in.x0(),
                    checkpoints,
                    from,
                    to,
                    x -> distSq(x, xStar));
            for (int k = from; k < to; k++) {
                int t = checkpoints[k];
                double bound = holds ? plant() * r[t] : floor;
                double mean = mean(samples[k - from]);
                double tol = tolerance(in, t, bound, mean);
                Check c;
                if (!holds && !(floor > 0)) {
                    // sigma = 0: no noise ball; nothing can be proven (constant-step GD converges).
                    c = Check.atMost(
                            "E||x_t - x*||^2 above the noise floor (sigma = 0: floor 0, no proof)", t, 0, 0, tol);
                } else {
                    String quantity = holds
                            ? "E||x_t - x*||^2 vs r_t"
                            : "E||x_t - x*||^2 vs noise floor eta^2 sigma^2/(1 - q^2) (above it: never converges)";
                    c = ec.atMost(quantity, t, samples[k - from], bound, tol).check();
                }
                series.point("mean ||x_t - x*||^2 over R runs", mean);
                series.point(holds ? "bound r_t" : "noise floor", bound);
                if (b.add(c)) {
                    break stages;
                }
            }
            from = to;
        }
        return b.build(Evaluation.Ending.COMPLETED, null, -1, series.toMap());
    }

    /**
     * p &gt; 1, one seeded run: at every step, ||x_t - x*|| &lt;= G sum_{s &gt;= t} eta_s, the
     * distance that can still be travelled (tail bounded by eta_t + a (t + b)^(1-p)/(p - 1)).
     * The travel bound itself, ||x_t - x0|| &lt;= G sum_{s &lt; t} eta_s, is asserted on the run: if
     * it failed, G would not bound the stochastic gradients and the instance would be wrong.
     */
    Evaluation reach(RmInstance in) {
        Quadratic q = in.q();
        int d = q.dimension();
        Hyperparameters hp = SgdRuns.schedule(in.a(), in.b(), in.p());
        double g = in.gradientBound();
        double[] xs = q.certificate().xStar().orElseThrow();
        double[] x0 = in.x0();
        NoisyOracle oracle = new NoisyOracle(q, NoisyOracle.uniform(in.s()), Seeds.of(key(in), Seeds.SEARCH, 0));
        double[] travelled = {0};
        return TrajectoryCheck.run(
                DeclaredRanges.create(binding().provider(), hp), oracle, q, x0, REACH_STEPS, (t, prev, cur, series) -> {
                    travelled[0] += in.eta(t - 1);
                    double moved = Math.sqrt(distSq(cur, x0));
                    // Rounding of x_t accumulates over t steps: t times the tolerance of the quantities.
                    if (moved > g * travelled[0] + Tolerance.of(t * (moved + g * travelled[0]), d)) {
                        throw new IllegalStateException(
                                "travel bound failed at t = " + t + ": ||x_t - x0|| = " + moved + " > G sum eta = "
                                        + g * travelled[0] + "; G = " + g + " does not bound the gradients");
                    }
                    double dist = Math.sqrt(distSq(cur, xs));
                    double eta = in.eta(t);
                    double tail = eta + in.a() * StrictMath.pow(t + in.b(), 1 - in.p()) / (in.p() - 1);
                    double reach = g * tail;
                    series.point("||x_t - x*||", dist);
                    series.point("G sum_{s>=t} eta_s (distance still reachable)", reach);
                    return Check.atMost(
                            "||x_t - x*|| vs G sum_{s>=t} eta_s", t, dist, reach, Tolerance.of(dist + reach, d));
                });
    }

    /**
     * The tolerance of E||x_t - x*||^2 &lt;= bound: the model's tol on the quantities compared, plus
     * the rounding of the iterate itself. Each step rounds x_s by 2^-52 (||x_s|| + eta_s ||g_s||)
     * at most, and every iterate stays within M of x* with ||g_s|| &lt;= G, so x_t carries an error
     * of at most err = Tolerance.of(t (M + eta_0 G), d), and ||x_t - x*||^2 one of at most
     * 2 sqrt(X) err + err^2. Near x* (sigma = 0, eta mu = 1: x_1 = x* up to rounding) that is what
     * decides, since r_t itself can be ~1e-30 there.
     */
    static double tolerance(RmInstance in, int t, double bound, double mean) {
        int d = in.d();
        double m = in.radius();
        double err = Tolerance.of(t * (m + in.eta(0) * in.gradientBound()), d);
        double x = Math.min(Double.isFinite(mean) ? mean : m * m, m * m);
        return Tolerance.of(bound + (Double.isFinite(mean) ? mean : 0), d) + 2 * Math.sqrt(x) * err + err * err;
    }

    static double distSq(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double v = x[i] - y[i];
            s += v * v;
        }
        return s;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    @Override
    public Map<String, Object> figures(Regime r, int tries, long seed) {
        if (Cases.is(r, "p-gt-1")) {
            return Map.of();
        }
        return best().best(r.id())
                .map(in -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put(
                            "bestInstanceRecheck",
                            recheck(r, inExpectation(in, r.conclusion().equals("mean-square-bound"), Seeds.FRESH)));
                    if (r.conclusion().equals("mean-square-bound")) {
                        double[] rs = rSequence(in, HORIZONS[HORIZONS.length - 1]);
                        Map<String, Object> rt = new LinkedHashMap<>();
                        rt.put("r_0", rs[0]);
                        for (int hz : HORIZONS) {
                            rt.put("r_" + hz, rs[hz]);
                        }
                        out.put("rT", rt);
                    } else {
                        out.put("noiseFloor", noiseFloor(in));
                    }
                    return out;
                })
                .orElse(Map.of());
    }

    @Override
    public Map<String, Object> describe(RmInstance in) {
        Map<String, Object> m = in.describe();
        m.put("G (gradient bound)", in.gradientBound());
        if (in.p() == 0) {
            m.put("noise floor eta^2 sigma^2/(1 - q^2)", noiseFloor(in));
        }
        return m;
    }

    @Override
    public OptionalDouble thresholdValue(RmInstance in, Regime r) {
        return OptionalDouble.of(in.p());
    }

    @Override
    public List<String> labels(RmInstance in, Regime r) {
        List<String> l = new ArrayList<>();
        l.add(in.d() == 1 ? "dim 1" : "dim >= 2");
        if (in.l() == in.mu()) {
            l.add("L = mu");
        }
        l.add(in.s() == 0 ? "sigma = 0" : "sigma > 0");
        if (in.p() == 1) {
            l.add("p = 1");
        }
        if (in.p() == 0.5) {
            l.add("p = 1/2");
        }
        return l;
    }
}
