package io.optcheck.theory.gd;

import io.optcheck.api.Precision;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.Num;
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
import io.optcheck.theory.MethodBinding;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;

/**
 * gd.condition-number (follows from gd.quadratic-stability). On a quadratic whose eigenvalues are
 * mu and L, GD with eta = 1/L multiplies f - f* along the mu-eigenvector by (1 - 1/kappa)^2 per
 * step and zeroes the L component in one step. So the number of steps to reach
 * f - f* &lt;= eps (f0 - f*) is
 * <ul>
 *   <li>from a start on the mu-eigenvector, exactly t* = ceil(ln(1/eps) / (2 ln(kappa/(kappa-1)))),
 *       which is &gt;= ((kappa-1)/2) ln(1/eps);</li>
 *   <li>from any start, at most ceil((kappa/2) ln(1/eps));</li>
 *   <li>for kappa = 1, one step (x_1 = x*).</li>
 * </ul>
 * The formulas are evaluated in 40-digit arithmetic ({@link Dfp}), so the ceiling is exact.
 */
public final class ConditionNumber extends KindTheorem<ConditionNumber.Instance> {

    /** The theorem as its spec declares it. */
    public ConditionNumber() {
        super("gd.condition-number");
    }
    /**
     * A diagonal quadratic with eigenvalues mu = 2^j and L = kappa mu (exact: mu is a power of 2),
     * a start, and the accuracy eps.
     */
    public record Instance(Quadratic q, double mu, double kappa, double[] x0, double eps, Precision precision) {
        double l() {
            return q.certificate().L().orElseThrow();
        }
    }

    private static final DfpField FIELD = new DfpField(40);

    /** ceil(ln(1/eps) / (2 ln(kappa/(kappa-1)))), or 1 for kappa = 1. */
    static int exactCount(double kappa, double eps) {
        if (kappa == 1) {
            return 1;
        }
        Dfp k = FIELD.newDfp(kappa);
        Dfp v = DfpMath.log(FIELD.newDfp(eps).reciprocal())
                .divide(DfpMath.log(k.divide(k.subtract(1))).multiply(2));
        return (int) v.ceil().toDouble();
    }

    /** ((kappa-1)/2) ln(1/eps). */
    static double lowerBound(double kappa, double eps) {
        return FIELD.newDfp(kappa)
                .subtract(1)
                .divide(2)
                .multiply(DfpMath.log(FIELD.newDfp(eps).reciprocal()))
                .toDouble();
    }

    /** ceil((kappa/2) ln(1/eps)). */
    static int anyStartBound(double kappa, double eps) {
        return (int) FIELD.newDfp(kappa)
                .divide(2)
                .multiply(DfpMath.log(FIELD.newDfp(eps).reciprocal()))
                .ceil()
                .toDouble();
    }

    static final String KAPPA_1 = "kappa = 1";

    @Override
    public Gen<Instance> instances(Regime r) {
        if (r.lowPrecision().isPresent()) {
            return RoundedCount.instances(
                    precision(r), !Cases.is(r, r.lowPrecision().get().id() + "-count"));
        }
        // holds starts on the mu-eigenvector (the exact count); any-start anywhere (the upper bound).
        boolean muStart = Cases.<Boolean>on(r)
                .when("holds", () -> true)
                .when("any-start", () -> false)
                .get();
        Gen<Integer> dim = Gens.integers(2, 8);
        Gen<Integer> exp = Gens.integers(-6, 6);
        Gen<Double> kappa =
                Gens.logDoubles(1, 1e4).withSpecials(1.0, 10, 100, 1000, 10000).knob("kappa");
        Gen<Double> eps = Gens.logDoubles(1e-6, 0.5).knob("eps");
        return Gens.combine(dim, exp, kappa, eps)
                .as((d, j, k, e) -> new Object[] {d, j, k, e})
                .flatMap(p -> {
                    int d = (Integer) p[0];
                    double mu = Math.scalb(1.0, (Integer) p[1]);
                    double k = (Double) p[2];
                    double l = k * mu; // exact: mu is a power of 2
                    return Gens.listsOfSize(Gens.booleans(), d - 2).flatMap(which -> {
                        double[] lambda = new double[d];
                        lambda[0] = mu;
                        lambda[d - 1] = l;
                        for (int i = 1; i < d - 1; i++) {
                            lambda[i] = which.get(i - 1) ? l : mu;
                        }
                        Quadratic q = Quadratic.diagonal(lambda);
                        Gen<double[]> start = muStart
                                ? Gens.combine(Gens.logDoubles(1e-3, 1e3).knob("start scale"), Gens.booleans())
                                        .as((s, neg) -> {
                                            double[] x = new double[d];
                                            x[0] = neg ? -s : s;
                                            return x;
                                        })
                                : Problems.points(d, 10);
                        return start.map(x0 -> new Instance(q, mu, k, x0, (Double) p[3], Precision.FLOAT64));
                    });
                });
    }

    @Override
    protected Evaluation checkOn(Instance in, Regime r) {
        if (r.lowPrecision().isPresent()) {
            return r.conclusion().equals("rounded-count") ? roundedCount(in) : stall(in);
        }
        Quadratic q = in.q();
        double l = in.l();
        double eta = 1 / l;
        double eps = in.eps();
        double kappa = in.kappa();
        int d = q.dimension();
        double f0 = q.value(in.x0());
        double rho = 1 - 1 / kappa;
        boolean muStart = Cases.is(r, "holds");
        int target = muStart ? exactCount(kappa, eps) : anyStartBound(kappa, eps);
        double lower = lowerBound(kappa, eps);
        Drift drift = new Drift(Math.max(Math.abs(1 - eta * in.mu()), Math.abs(1 - eta * l)), eta);
        return TrajectoryCheck.run(method(lr(eta)), q, in.x0(), target, (t, prev, cur, series) -> {
            double a = drift.step(prev, Vectors.norm(q.gradient(prev)));
            double ft = q.value(cur);
            series.point("f(x_t) - f*", ft);
            double scale = ft + eps * f0 + Vectors.norm(q.gradient(cur)) * a;
            double tol = Tolerance.of(scale, d);
            Check c;
            if (t == target) {
                if (muStart && kappa > 1 && !(target >= lower)) {
                    return Check.atLeast("t* vs ((kappa-1)/2) ln(1/eps)", t, target, lower, 0);
                }
                // Reached by step t*: f(x_t*) - f* <= eps (f0 - f*).
                c = Check.atMost("f(x_t) - f* at the predicted count", t, ft, eps * f0 * (1 - tighten()), tol);
                series.point("bound", eps * f0);
            } else if (muStart) {
                // Not reached before t*: f(x_t) - f* > eps (f0 - f*) for t < t*.
                c = Check.atLeast("f(x_t) - f* before the predicted count", t, ft, eps * f0 * (1 + tighten()), tol);
                series.point("bound", eps * f0);
            } else {
                // The rate that gives the count: f(x_t) - f* <= (1 - 1/kappa)^{2t} (f0 - f*).
                double bound = Math.pow(rho, 2.0 * t) * f0 * (1 - tighten());
                c = Check.atMost("f(x_t) - f*", t, ft, bound, Tolerance.of(scale + bound, d));
                series.point("bound", bound);
            }
            if (c.marginal()) {
                c = c.rechecked(exactHolds(in, t, c));
            }
            return c;
        });
    }

    /** How the band check is rechecked. */
    static final String ROUNDED_PRECISION = HighPrecision.DECIMAL
            + " distance of the recorded iterate to x* and (1 - mu/L)^t ||x0 - x*||, against a_t as computed";

    /**
     * The rounded-count band: | ||x_t - x*|| - rho^t ||x0 - x*|| | &lt;= a_t = rho a_{t-1} + ||E_t||,
     * E_t the rounding bound of step t ({@link RoundedUpdate#error}). The real step from x_t-1
     * contracts x_t-1 - x* by rho = 1 - 1/kappa along the mu-eigenvector and zeroes the L component,
     * and the computed x_t is within E_t of it, so by induction x_t is within a_t of the real-number
     * trajectory rho^t (x0 - x*). The teeth: the wrong constant u/4 in E, violated once the iterate
     * stalls floor(kappa/2) gaps from x*.
     */
    private Evaluation roundedCount(Instance in) {
        Quadratic q = in.q();
        Precision p = in.precision();
        double eta = 1 / in.l();
        double rho = RoundedCount.rho(in);
        double[] xStar = q.certificate().xStar().orElseThrow();
        double e0 = Vectors.dist(in.x0(), xStar);
        double target = Math.sqrt(in.eps()) * e0;
        double uScale = tighten() != 0 ? 0.25 : 1;
        double[] acc = new double[2]; // a_t and rho^t e0
        acc[1] = e0;
        return TrajectoryCheck.run(
                method(lr(eta)), q, in.x0(), RoundedCount.holdsSteps(in, p), (t, prev, cur, series) -> {
                    acc[0] = rho * acc[0] + Vectors.norm(RoundedUpdate.error(p, uScale, prev, q.gradient(prev), eta));
                    acc[1] *= rho;
                    double a = acc[0];
                    double real = acc[1];
                    double et = Vectors.dist(cur, xStar);
                    series.point("||x_t - x*||", et);
                    series.point("rho^t ||x0 - x*||", real);
                    series.point("sqrt(eps) ||x0 - x*||", target);
                    // The double rounding of x*, of the gradient and of rho^t are relative 2^-52 of these.
                    double scale = et + real + a + Vectors.norm(cur);
                    double[] x1 = cur.clone();
                    int step = t;
                    return Check.atMost(
                                    "| ||x_t - x*|| - (1 - 1/kappa)^t ||x0 - x*|| | (update in " + p.id() + ")",
                                    t,
                                    Math.abs(et - real),
                                    a,
                                    Tolerance.of(scale, q.dimension()))
                            .withExact(ROUNDED_PRECISION, () -> bandHolds(in, x1, step, a));
                });
    }

    private static boolean bandHolds(Instance in, double[] xt, int t, double a) {
        MathContext mc = HighPrecision.MC;
        BigDecimal[] xStar = HighPrecision.big(in.q().certificate().xStar().orElseThrow());
        BigDecimal et = HighPrecision.distSq(HighPrecision.big(xt), xStar).sqrt(mc);
        BigDecimal e0 = HighPrecision.distSq(HighPrecision.big(in.x0()), xStar).sqrt(mc);
        BigDecimal rho = BigDecimal.ONE.subtract(new BigDecimal(in.mu()).divide(new BigDecimal(in.l()), mc));
        BigDecimal real = rho.pow(t, mc).multiply(e0, mc);
        return HighPrecision.holds(true, et.subtract(real).abs(), new BigDecimal(a));
    }

    /**
     * The float64 count in p. In exact arithmetic f - f* decreases at every step, so the theorem's
     * f(x_t*) - f* &lt;= eps (f0 - f*) holds at every T &gt;= t* as well; it is checked at T = the later
     * of t* and the step by which the rounded iterate has stalled, with f - f* = (mu/2) ||x - x*||^2
     * along the mu-eigenvector. Below the stall floor the rounded iterate never gets there. Checking
     * at t* itself would also catch a rounded iterate that merely lags the real one by a step, which
     * has nothing to do with the stall; before t* a rounded iterate can run ahead of the real one.
     */
    private Evaluation stall(Instance in) {
        Quadratic q = in.q();
        double[] xStar = q.certificate().xStar().orElseThrow();
        double e0 = Vectors.dist(in.x0(), xStar);
        int target = Math.max(exactCount(in.kappa(), in.eps()), RoundedCount.stallSteps(in, in.precision()));
        double bound = in.eps() * e0 * e0 * (1 - tighten());
        return TrajectoryCheck.run(method(lr(1 / in.l())), q, in.x0(), target, (t, prev, cur, series) -> {
            double et = Vectors.dist(cur, xStar);
            series.point("||x_t - x*||^2 / ||x0 - x*||^2", et * et / (e0 * e0));
            series.point("eps", in.eps());
            if (t < target) {
                return null;
            }
            return Check.atMost(
                    "(f(x_t) - f*) / (mu/2) = ||x_t - x*||^2 at T = max(t*, stalled) (update in "
                            + in.precision().id() + ")",
                    t,
                    et * et,
                    bound,
                    Tolerance.of(et * et + bound, q.dimension()));
        });
    }

    /**
     * The same inequality on the real-number trajectory: with eta = 1/L exactly, component i of
     * x_t is x0_i (1 - lambda_i/L)^t, so f(x_t) = sum_i lambda_i x0_i^2 (1 - lambda_i/L)^{2t} / 2.
     */
    private boolean exactHolds(Instance in, int t, Check c) {
        MathContext mc = new MathContext(60);
        double[] lambda = in.q().eigenvalues();
        BigDecimal l = new BigDecimal(in.l());
        BigDecimal f0 = BigDecimal.ZERO;
        BigDecimal ft = BigDecimal.ZERO;
        for (int i = 0; i < lambda.length; i++) {
            BigDecimal li = new BigDecimal(lambda[i]);
            BigDecimal x = new BigDecimal(in.x0()[i]);
            BigDecimal term = li.multiply(x).multiply(x).divide(BigDecimal.valueOf(2));
            f0 = f0.add(term);
            ft = ft.add(term.multiply(BigDecimal.ONE.subtract(li.divide(l, mc)).pow(2 * t, mc)), mc);
        }
        BigDecimal bound = new BigDecimal(c.bound())
                .divide(new BigDecimal(in.q().value(in.x0())), mc)
                .multiply(f0, mc);
        return HighPrecision.holds(c.direction() == Check.Direction.AT_MOST, ft, bound);
    }

    @Override
    public Map<String, Object> describe(Instance in) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", in.q().dimension());
        m.put("eigenvalues", Num.fmt(in.q().eigenvalues()));
        m.put("kappa", in.kappa());
        m.put("eps", in.eps());
        m.put("x0", Num.fmt(in.x0()));
        m.put("t* (mu-eigenvector start)", exactCount(in.kappa(), in.eps()));
        m.put("ceil((kappa/2) ln(1/eps))", anyStartBound(in.kappa(), in.eps()));
        Precision p = in.precision();
        if (p != Precision.FLOAT64) {
            m.put("precision", p.id());
            m.put("x*", Num.fmt(in.q().certificate().xStar().orElseThrow()));
            m.put("gap at x* in " + p.id(), RoundedCount.gap(in, p));
            double floor = RoundedCount.epsFloor(in, p);
            m.put("eps_floor = (floor(kappa/2) gap / |x0 - x*|)^2", floor);
            m.put("eps / eps_floor", in.eps() / floor);
            m.put("eps_min (holds regimes: the rounded count is certain)", RoundedCount.epsMin(in, p));
        }
        return m;
    }

    /** A low-precision regime that checks the float64 count (the stall regimes). */
    private static boolean isStall(Regime r) {
        return r.lowPrecision().isPresent() && !r.conclusion().equals("rounded-count");
    }

    @Override
    public OptionalDouble thresholdValue(Instance in, Regime r) {
        return isStall(r)
                ? OptionalDouble.of(in.eps() / RoundedCount.epsFloor(in, in.precision()))
                : OptionalDouble.empty();
    }

    @Override
    public List<String> labels(Instance in, Regime r) {
        if (isStall(r)) {
            return List.of(
                    in.eps() < RoundedCount.epsFloor(in, in.precision()) ? "eps < eps_floor" : "eps >= eps_floor");
        }
        List<String> l = new ArrayList<>(2);
        if (in.kappa() == 1) {
            l.add(KAPPA_1);
        }
        if (in.kappa() >= 1e3) {
            l.add(QuadraticLabels.KAPPA_GE_1E3);
        }
        return l;
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        if (r.lowPrecision().isPresent()) {
            // kappa stays at or below 1000 (float32) or 16 (bfloat16); the stall regimes carry
            // labels only: the counterexample shows eps < eps_floor is reached, the threshold the
            // shrinker pushes to shows the side above it is explored.
            return isStall(r) ? List.of() : List.of(new Property.Coverage(KAPPA_1, 0.5));
        }
        return List.of(new Property.Coverage(KAPPA_1, 0.5), new Property.Coverage(QuadraticLabels.KAPPA_GE_1E3, 1));
    }

    /** The measured count against the formulas for kappa in {1, 10, 100, 1000, 10000}, eps = 1e-6. */
    @Override
    public Map<String, Object> figures(Regime r, int tries, long seed) {
        if (isStall(r)) {
            return Map.of("stall", stallTable(r));
        }
        if (!Cases.is(r, "holds")) {
            return Map.of();
        }
        try {
            return Map.of("table", table());
        } catch (MethodBinding.Rejected e) {
            // The checked method refused a step 1/L; the table is a figure, not a verdict.
            return Map.of("table", "not measured: " + e.getMessage());
        }
    }

    private List<Object> table() {
        double eps = 1e-6;
        List<Object> rows = new ArrayList<>();
        for (double kappa : new double[] {1, 10, 100, 1000, 10000}) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kappa", kappa);
            row.put("eps", eps);
            row.put("measured from e_mu", measuredCount(kappa, eps, new double[] {1, 0}));
            row.put(
                    "formula ceil(ln(1/eps)/(2 ln(kappa/(kappa-1))))",
                    kappa == 1 ? "n/a (t = 1)" : exactCount(kappa, eps));
            row.put(
                    "lower ((kappa-1)/2) ln(1/eps)",
                    Double.parseDouble(String.format(Locale.ROOT, "%.3f", lowerBound(kappa, eps))));
            row.put("measured from (1, 1)", measuredCount(kappa, eps, new double[] {1, 1}));
            row.put("upper ceil((kappa/2) ln(1/eps))", anyStartBound(kappa, eps));
            rows.add(row);
        }
        return rows;
    }

    /**
     * Where the checked method stalls in the regime's format, against the floor: x* = 1.5, x0 = 2,
     * L = 1, mu = 1/kappa, run to the float64 count for eps_floor / 16 (past the stall). Measured:
     * the last distance to x* in gaps, against floor(kappa/2), and f - f* relative to f0 - f*.
     */
    private List<Object> stallTable(Regime r) {
        Precision p = r.lowPrecision().orElseThrow();
        double[] kappas = p == Precision.BFLOAT16 ? new double[] {3, 5, 8.5, 15} : new double[] {3, 10.5, 100.5, 999};
        List<Object> rows = new ArrayList<>();
        for (double kappa : kappas) {
            double mu = 1 / kappa;
            Quadratic q = Quadratic.diagonal(new double[] {mu, 1}, new double[] {1.5, 1.5});
            Instance probe = new Instance(q, mu, 1 / mu, new double[] {2, 1.5}, 0, p);
            double floor = RoundedCount.epsFloor(probe, p);
            Instance in = new Instance(q, mu, 1 / mu, probe.x0(), floor / 16, p);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kappa", kappa);
            row.put("floor(kappa/2)", Math.floor(kappa / 2));
            Evaluation ev = evaluate(in, r);
            double[] ratio = ev.series().get("||x_t - x*||^2 / ||x0 - x*||^2");
            if (ev.ending() != Evaluation.Ending.COMPLETED || ratio == null) {
                row.put("measured", "not measured: " + ev.endingMessage());
            } else {
                double last = ratio[ratio.length - 1];
                double e0 = 0.5;
                row.put("stall distance / gap (measured)", Math.sqrt(last) * e0 / RoundedCount.gap(in, p));
                row.put("eps_floor (theory)", floor);
                row.put("(f - f*) / (f0 - f*) at the stall (measured)", last);
                row.put("steps", ratio.length);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Steps of GD with eta = 1/L on diag(1, kappa) until f <= eps f0 (at most the any-start bound + 10). */
    private int measuredCount(double kappa, double eps, double[] x0) {
        Quadratic q = Quadratic.diagonal(new double[] {1, kappa});
        double f0 = q.value(x0);
        int max = anyStartBound(kappa, eps) + 10;
        Trajectory tr = Runner.run(
                method(lr(1 / kappa)), new ExactOracle(q), x0, max, (t, prev, cur) -> q.value(cur) <= eps * f0);
        return tr.ending() instanceof Trajectory.Stopped s ? s.step() : -1;
    }
}
