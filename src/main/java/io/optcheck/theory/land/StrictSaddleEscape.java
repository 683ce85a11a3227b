package io.optcheck.theory.land;

import io.optcheck.method.Method;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.LandscapeProblems;
import io.optcheck.problem.StrictSaddle;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpMath;

/**
 * land.strict-saddle-escape (Lee, Simchowitz, Jordan &amp; Recht 2016). GD with eta &lt; 1/L on
 * a function whose saddles are strict converges to a saddle only from a set of measure zero (the
 * stable manifold); started on it, it converges to the saddle; the escape time grows like
 * log(1/delta) / log(1 + eta |lambda_min|).
 *
 * <p>Checked on f = (a/2) x^2 - (b/2) y^2 + (b/8) y^4 on the invariant region |y| &lt;= 2 (L =
 * max(a, 5b) = 5b). Finite form of "does not converge to the saddle": with s = eta b, while
 * |y| &lt;= rho = 1 the step multiplies |y| by 1 + s - (s/2) y^2 &gt;= 1 + s/2, so |y_t| exceeds rho
 * after at most T*(y0) = floor(log(rho/|y0|) / log(1 + s/2)) + 1 steps, and once |y| &gt; 1 it stays
 * above 1 (y+ is increasing in y on [0, 2] and has its fixed point at sqrt 2), so the run
 * converges to a minimum (0, +-sqrt 2), not to the saddle. Every double y0 != 0 has
 * |y0| &gt;= 2^-1074, so T*(y0) &lt;= T_max = T*(2^-1074); a start on the stable manifold (y0 = 0)
 * is held to T_max and never meets it.
 */
public final class StrictSaddleEscape extends KindTheorem<SaddleInstance> {

    /** The theorem as its spec declares it. */
    public StrictSaddleEscape() {
        super("land.strict-saddle-escape");
    }

    /** The radius of the saddle's neighbourhood in the unstable direction. */
    static final double RHO = 1;
    /** Steps checked after the escape (it must last). */
    static final int AFTER = 20;
    /** Steps for the stable-manifold regime. */
    static final int MANIFOLD_STEPS = 200;

    @Override
    public Gen<SaddleInstance> instances(Regime r) {
        // eta L = h in [0.5, 1): eta < 1/L strictly; h >= 0.5 bounds T_max (see the class comment).
        Gen<Double> h = Gens.doubles(0.5, 1).knob("eta L").filter("eta L < 1", v -> v < 1);
        Gen<double[]> start = Cases.<Gen<double[]>>on(r)
                .when(
                        "holds",
                        () -> Gens.combine(
                                        Gens.doubles(-2, 2).shrinkDigits(0),
                                        Gens.doubles(-2, 2)
                                                .knob("y0")
                                                .filter("y0 != 0 (a density puts no mass on y = 0)", v -> v != 0))
                                .as((x, y) -> new double[] {x, y}))
                .when(
                        "stable-manifold",
                        () -> Gens.doubles(-2, 2).shrinkDigits(0).map(x -> new double[] {x, 0}))
                .when(
                        "drop:init-has-density",
                        () -> Gens.combine(Gens.integers(-8, 8), Gens.integers(-8, 8))
                                .as((i, j) -> new double[] {i / 4.0, j / 4.0}))
                .get();
        return Gens.combine(LandscapeProblems.strictSaddles(), start, h).as(SaddleInstance::new);
    }

    /** s = eta b, the growth rate of |y| near the saddle. */
    static double s(SaddleInstance in) {
        return in.eta() * in.f().b();
    }

    /**
     * T*(y0) = floor(log(rho/|y0|) / log(1 + s/2)) + 1, the first t with |y0| (1 + s/2)^t &gt; rho
     * (strictly: |y| must leave [-1, 1]), 0 when |y0| &gt; rho. This is ceil(q) except when q is a
     * whole number: a start at |y0| = rho exactly (q = 0) is still inside and needs one step (the
     * ceil form gave 0 there). The quotient is raised by 1e-12 relative before floor so that
     * rounding in the two logarithms cannot lower it.
     */
    static long escapeBound(double y0, double s) {
        double ay = Math.max(Math.abs(y0), Double.MIN_VALUE);
        if (ay > RHO) {
            return 0;
        }
        // log(rho) - log|y0|, not log(rho/|y0|): the quotient overflows for subnormal y0.
        double q = (StrictMath.log(RHO) - StrictMath.log(ay)) / StrictMath.log1p(s / 2);
        return (long) Math.floor(q * (1 + 1e-12)) + 1;
    }

    @Override
    protected Evaluation checkOn(SaddleInstance in, Regime r) {
        StrictSaddle f = in.f();
        double eta = in.eta();
        Method<?> gd = method(lr(eta));
        if (r.conclusion().equals("converges-to-saddle")) {
            double rate = Math.abs(1 - eta * f.a()) * (1 - tighten());
            return TrajectoryCheck.run(gd, f, in.x0(), MANIFOLD_STEPS, (t, prev, cur, series) -> {
                series.point("|y_t|", Math.abs(cur[1]));
                series.point("distance to the saddle", Vectors.norm(cur));
                double[] p = prev.clone();
                if (cur[1] != 0) {
                    // Exactly on the manifold: y_t = y_t-1 - eta(-b y + (b/2) y^3) = 0 bit for bit.
                    return Check.atMost("|y_t| (must stay exactly 0)", t, Math.abs(cur[1]), 0, 0)
                            .withExact(STEP_PRECISION, () -> exactStep(f, eta, p)[1].signum() == 0);
                }
                double d0 = Vectors.norm(prev);
                double d1 = Vectors.norm(cur);
                double scale = d1 + rate * d0 + Vectors.norm(prev) + eta * Vectors.norm(f.gradient(prev));
                double tight = tighten();
                return Check.atMost("distance to the saddle", t, d1, rate * d0, Tolerance.of(scale, 2))
                        .withExact(STEP_PRECISION, () -> {
                            // ||x_t|| <= |1 - eta a| (1 - tight) ||x_t-1||, squared (both sides are >= 0)
                            BigDecimal k = HighPrecision.big(1)
                                    .subtract(HighPrecision.big(eta).multiply(HighPrecision.big(f.a())))
                                    .abs()
                                    .multiply(HighPrecision.big(1).subtract(HighPrecision.big(tight)));
                            BigDecimal[] x1 = exactStep(f, eta, p);
                            return HighPrecision.holds(
                                    true,
                                    HighPrecision.normSq(x1),
                                    k.multiply(k).multiply(HighPrecision.normSq(HighPrecision.big(p))));
                        });
            });
        }
        double s = s(in);
        double y0 = in.x0()[1];
        long tStar = y0 == 0 ? escapeBound(Double.MIN_VALUE, s) : escapeBound(y0, s);
        double bound = tStar * (1 - tighten());
        int steps = (int) Math.min(Integer.MAX_VALUE - AFTER, tStar) + AFTER;
        double growth = 1 + s / 2;
        long[] escaped = {Math.abs(y0) > RHO ? 0 : -1};
        double tight = tighten();
        return TrajectoryCheck.run(gd, f, in.x0(), steps, (t, prev, cur, series) -> {
            double y1 = Math.abs(cur[1]);
            double yPrev = Math.abs(prev[1]);
            double[] p = prev.clone();
            series.point("|y_t|", y1);
            double tol = Tolerance.of(y1 + growth * yPrev + eta * Math.abs(f.gradient(prev)[1]), 2);
            if (escaped[0] >= 0) {
                return Check.atLeast("|y_t| after the escape", t, y1, RHO, tol)
                        .withExact(
                                STEP_PRECISION,
                                () -> HighPrecision.holds(false, exactStep(f, eta, p)[1].abs(), BigDecimal.ONE));
            }
            if (y1 > RHO) {
                escaped[0] = t;
                series.point("escape step", t);
                return Check.atMost("steps to leave |y| <= 1", t, t, bound, 0)
                        .withExact(COUNT_PRECISION, () -> exactEscapeHolds(f, eta, y0, tight));
            }
            if (t >= bound) {
                // Still inside after T* steps: the escape takes at least t + 1 steps.
                return Check.atMost("steps to leave |y| <= 1", t, t + 1, bound, 0)
                        .withExact(COUNT_PRECISION, () -> exactEscapeHolds(f, eta, y0, tight));
            }
            // The lemma behind T*: |y| grows by at least 1 + s/2 per step while |y| <= 1.
            return Check.atLeast("|y_t| (growth by 1 + eta b / 2 per step)", t, y1, growth * yPrev, tol)
                    .withExact(STEP_PRECISION, () -> {
                        BigDecimal g = BigDecimal.ONE.add(HighPrecision.big(eta)
                                .multiply(HighPrecision.big(f.b()))
                                .divide(BigDecimal.valueOf(2)));
                        return HighPrecision.holds(
                                false,
                                exactStep(f, eta, p)[1].abs(),
                                g.multiply(HighPrecision.big(p[1]).abs()));
                    });
        });
    }

    /** How a one-step check is re-evaluated. */
    static final String STEP_PRECISION = HighPrecision.DECIMAL
            + " on the real-number GD step x - eta grad f(x) from the recorded x_t-1 (a one-step bound)";

    /** How the escape count is re-evaluated. */
    static final String COUNT_PRECISION = HighPrecision.DECIMAL
            + " on the real-number GD trajectory from x0 (the escape step), and T*(y0) in "
            + HighPrecision.DFP_DESCRIPTION;

    /** The real-number GD step from x: (x - eta a x, y - eta(-b y + (b/2) y^3)), exact (polynomial). */
    static BigDecimal[] exactStep(StrictSaddle f, double eta, double[] x) {
        BigDecimal e = HighPrecision.big(eta);
        BigDecimal a = HighPrecision.big(f.a());
        BigDecimal b = HighPrecision.big(f.b());
        BigDecimal[] p = HighPrecision.big(x);
        return new BigDecimal[] {p[0].subtract(e.multiply(a).multiply(p[0])), yStep(e, b, p[1])};
    }

    private static BigDecimal yStep(BigDecimal eta, BigDecimal b, BigDecimal y) {
        BigDecimal g = b.negate().multiply(y).add(b.multiply(y.pow(3)).divide(BigDecimal.valueOf(2)), HighPrecision.MC);
        BigDecimal next = y.subtract(eta.multiply(g), HighPrecision.MC);
        // a zero keeps the scales of its factors: reset it, or they grow without bound along y = 0
        return next.signum() == 0 ? BigDecimal.ZERO : next;
    }

    /**
     * The count check in real numbers: the first step at which the real-number trajectory's |y_t|
     * exceeds rho (the y update does not depend on x), against T*(y0) = floor(log(rho/|y0|) /
     * log(1 + eta b/2)) + 1 with eta b exact (no 1e-12 allowance), times 1 - tight. |y0| is raised to
     * 2^-1074 as in {@link #escapeBound} (a start on the manifold is held to T_max); such a start
     * never escapes in real numbers, which violates the bound.
     */
    static boolean exactEscapeHolds(StrictSaddle f, double eta, double y0, double tight) {
        Dfp ay = HighPrecision.dfp(Math.max(Math.abs(y0), Double.MIN_VALUE));
        Dfp one = HighPrecision.DFP.getOne();
        BigDecimal bound;
        if (ay.greaterThan(one)) {
            bound = BigDecimal.ZERO;
        } else {
            Dfp s = HighPrecision.dfp(eta).multiply(HighPrecision.dfp(f.b()));
            Dfp q = DfpMath.log(ay).negate().divide(DfpMath.log(one.add(s.divide(2))));
            bound = HighPrecision.big(q.floor()).add(BigDecimal.ONE);
        }
        bound = bound.multiply(BigDecimal.ONE.subtract(HighPrecision.big(tight)));
        BigDecimal e = HighPrecision.big(eta);
        BigDecimal b = HighPrecision.big(f.b());
        BigDecimal y = HighPrecision.big(y0);
        long limit = bound.longValue() + 1;
        for (long t = 1; t <= limit; t++) {
            y = yStep(e, b, y);
            if (y.abs().compareTo(BigDecimal.ONE) > 0) {
                return BigDecimal.valueOf(t).compareTo(bound) <= 0;
            }
        }
        return false;
    }

    /** The first step at which |y_t| &gt; rho from x0 = (1, delta), or -1 within the bound. */
    static long escapeTime(double eta, double delta) {
        StrictSaddle f = new StrictSaddle(2, 2);
        SaddleInstance in = new SaddleInstance(
                f, new double[] {1, delta}, eta * f.certificate().L().orElseThrow());
        Evaluation e = new StrictSaddleEscape().evaluate(in, new StrictSaddleEscape().regime("holds"));
        double[] ys = e.series().get("|y_t|");
        for (int t = 0; t < ys.length; t++) {
            if (ys[t] > RHO) {
                return t + 1;
            }
        }
        return -1;
    }

    /**
     * The escape-time table over delta = 10^-1 .. 10^-12 for x^2 - y^2 + y^4/4 (lambda_min = -2)
     * at three steps, with the least-squares slope of escape time against log(1/delta) and the
     * theory's 1/log(1 + 2 eta).
     */
    public static Map<String, Object> escapeTable() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> fits = new ArrayList<>();
        for (double eta : new double[] {0.01, 0.05, 0.09}) {
            int n = 12;
            double[] lx = new double[n];
            double[] ty = new double[n];
            for (int k = 1; k <= n; k++) {
                double delta = Math.pow(10, -k);
                long te = escapeTime(eta, delta);
                lx[k - 1] = Math.log(1 / delta);
                ty[k - 1] = te;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("eta", eta);
                row.put("delta", delta);
                row.put("escapeSteps", te);
                rows.add(row);
            }
            double mx = 0;
            double my = 0;
            for (int i = 0; i < n; i++) {
                mx += lx[i] / n;
                my += ty[i] / n;
            }
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < n; i++) {
                sxy += (lx[i] - mx) * (ty[i] - my);
                sxx += (lx[i] - mx) * (lx[i] - mx);
            }
            double slope = sxy / sxx;
            double theory = 1 / Math.log1p(2 * eta);
            Map<String, Object> fit = new LinkedHashMap<>();
            fit.put("eta", eta);
            fit.put("fittedSlope", slope);
            fit.put("theorySlope", theory);
            fit.put("relativeError", Math.abs(slope - theory) / theory);
            fits.add(fit);
        }
        out.put("escapeTable", rows);
        out.put("escapeSlopes", fits);
        out.put(
                "escapeTableNote",
                String.format(
                        Locale.ROOT,
                        "x^2 - y^2 + y^4/4 from (1, delta): steps until |y| > %s; slope of steps vs ln(1/delta) "
                                + "against 1/ln(1 + 2 eta)",
                        RHO));
        return out;
    }

    @Override
    public Map<String, Object> figures(Regime r, int tries, long seed) {
        return Cases.<Map<String, Object>>on(r)
                .when("holds", StrictSaddleEscape::escapeTable)
                .orElse(Map::of);
    }

    @Override
    public Map<String, Object> describe(SaddleInstance in) {
        Map<String, Object> m = in.describe();
        m.put(
                "T* (escape bound)",
                in.x0()[1] == 0
                        ? "T_max = " + escapeBound(Double.MIN_VALUE, s(in))
                        : String.valueOf(escapeBound(in.x0()[1], s(in))));
        return m;
    }

    @Override
    public List<String> labels(SaddleInstance in, Regime r) {
        List<String> l = new ArrayList<>();
        if (in.f().a() == 2 && in.f().b() == 2) {
            l.add("x^2 - y^2 + y^4/4");
        }
        if (in.x0()[1] == 0) {
            l.add("start on the stable manifold");
        }
        return l;
    }
}
