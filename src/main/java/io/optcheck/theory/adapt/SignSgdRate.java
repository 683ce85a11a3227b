package io.optcheck.theory.adapt;

import io.optcheck.api.Hyperparameters;
import io.optcheck.method.Method;
import io.optcheck.method.Runner;
import io.optcheck.oracle.SingleExampleOracle;
import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.Num;
import io.optcheck.problem.Problems;
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
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * adapt.signsgd-rate (Bernstein, Wang, Azizzadenesheli &amp; Anandkumar, ICML 2018, Thm 1 with
 * sigma = 0). For f &gt;= f* coordinatewise smooth with vector L and x_k+1 = x_k - delta
 * sign(grad f(x_k)), for every delta &gt; 0 and K &gt;= 1:
 * (1/K) sum_{k&lt;K} ||grad f(x_k)||_1 &lt;= (f(x0) - f*)/(K delta) + delta ||L||_1/2. Derived: the
 * smoothness inequality at y = x - delta sign(g) gives f(x_k+1) &lt;= f(x_k) - delta ||g_k||_1 +
 * delta^2 ||L||_1/2; sum over k &lt; K. Tight at K = 1, d = 1, delta = |x0 - x*| on a quadratic.
 *
 * <p>Breaking regime drop:full-gradient: the same instances, the method given the gradient of one
 * uniformly drawn component f_i (batch 1), the bound on the expectation. A signSGD step keeps
 * the iterate on the lattice x0 + delta Z^d and the method's state is its iterate, so the
 * distribution of x_k is computed exactly (no sampling): each lattice point's successors under
 * the n components are obtained by running the method one step from a fresh state there
 * (memoized), and E||grad f(x_k)||_1 is summed over the support.
 */
public final class SignSgdRate extends KindTheorem<SignInstance> {

    /** The theorem as its spec declares it. */
    public SignSgdRate() {
        super("adapt.signsgd-rate");
    }

    static final int STEPS = 100;
    static final int STEPS_BATCH_1 = 100;
    /** Lattice points beyond which an instance is rejected (unreachable for d &lt;= 2 and 100 steps). */
    static final int MAX_SUPPORT = 50_000;

    @Override
    public Gen<SignInstance> instances(Regime r) {
        return Cases.<Gen<SignInstance>>on(r)
                .when(List.of("holds", "drop:full-gradient"), SignSgdRate::sums)
                .get();
    }

    private static Gen<SignInstance> sums() {
        // n components in d <= 2 (so the batch-1 lattice stays small), curvatures in [0.1, 10],
        // centers in [-2, 2], x0 in [-3, 3]^d, delta = r ||x0 - x*||_inf with r in [0.01, 10].
        return Gens.named("separable quadratic sums for signSGD", s -> {
                    int n = s.draw(Gens.integers(1, 3));
                    int d = s.draw(Gens.integers(1, 2));
                    double[][] h = new double[n][d];
                    double[][] c = new double[n][d];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < d; j++) {
                            h[i][j] = s.draw(
                                    Gens.logDoubles(0.1, 10).withEdges(1.0).knob("h"));
                            c[i][j] = s.draw(Gens.doubles(-2, 2).knob("c"));
                        }
                    }
                    double[] x0 = s.draw(Problems.points(d, 3));
                    double ratio =
                            s.draw(Gens.logDoubles(0.01, 10).withEdges(1.0).knob("delta / ||x0 - x*||"));
                    return new SignInstance(new DiagonalQuadraticSum(h, c), x0, ratio);
                })
                .filter("x0 != x*", in -> in.delta() > 0 && Double.isFinite(in.delta()));
    }

    private double bound(SignInstance in, double gap0, int k) {
        double delta = in.delta();
        return (gap0 / (k * delta) + delta * in.l1() / 2) * (1 - tighten());
    }

    @Override
    protected Evaluation checkOn(SignInstance in, Regime r) {
        double delta = in.delta();
        Method<?> m = method(Hyperparameters.of("lr", delta));
        double[] xs = in.xStar();
        double gap0 = in.f().gap(in.x0(), xs);
        return Cases.<Evaluation>on(r)
                .when("holds", () -> fullGradient(in, m, gap0))
                .when("drop:full-gradient", () -> batchOne(in, gap0))
                .get();
    }

    /** The full-gradient run: the bound at every K along the computed iterates. */
    private Evaluation fullGradient(SignInstance in, Method<?> m, double gap0) {
        double delta = in.delta();
        double[] sum = {0};
        // The proof telescopes f(x_k+1) <= f(x_k) - delta ||g_k||_1 + delta^2 ||L||_1 / 2 along the
        // computed iterates, x_k+1 = x_k - delta sign(g_k) + r_k with r_k the rounding of the step,
        // so each step adds g_k^T r_k / delta to the bound: summed, the iterate-rounding scale of
        // every step divided by delta (1 + 6e-15 on a 100-step run with delta = 0.0033, where the
        // bound is an equality: x0 - x* = 100 delta in one dimension).
        double[] rounding = {0};
        double stepNorm = delta * Math.sqrt(in.x0().length);
        return TrajectoryCheck.run(m, in.f(), in.x0(), STEPS, (t, prev, cur, series) -> {
            double[] g = in.f().gradient(prev);
            sum[0] += l1(g);
            rounding[0] += Tolerance.iterateRounding(Vectors.norm(g), Vectors.norm(prev), stepNorm);
            double b = bound(in, gap0, t);
            series.point("mean ||grad f||_1", sum[0] / t);
            series.point("bound", b);
            // The recheck captures t only: it replays the instance on the real-number algorithm.
            return Check.atMost(
                            "(1/K) sum_k<K ||grad f(x_k)||_1",
                            t,
                            sum[0] / t,
                            b,
                            Tolerance.of(
                                    sum[0] / t + b + gap0 / (t * delta) + rounding[0] / (t * delta), in.x0().length))
                    .withExact(FULL_PRECISION, () -> exactFullHolds(in, t));
        });
    }

    /** The exact distribution of batch-1 signSGD on the lattice x0 + delta Z^d. */
    private Evaluation batchOne(SignInstance in, double gap0) {
        DiagonalQuadraticSum f = in.f();
        int n = f.n();
        int d = in.x0().length;
        double delta = in.delta();
        Map<List<Long>, double[]> position = new HashMap<>();
        Map<List<Long>, List<List<Long>>> successors = new HashMap<>();
        Map<List<Long>, Double> dist = new LinkedHashMap<>();
        List<Long> origin = key(in.x0(), in.x0(), delta);
        position.put(origin, in.x0());
        dist.put(origin, 1.0);
        Evaluation.Builder b = new Evaluation.Builder();
        TrajectoryCheck.Series series = new TrajectoryCheck.Series();
        double sum = 0;
        for (int k = 0; k < STEPS_BATCH_1; k++) {
            double e = 0;
            for (Map.Entry<List<Long>, Double> p : dist.entrySet()) {
                e += p.getValue() * l1(f.gradient(position.get(p.getKey())));
            }
            sum += e;
            int kk = k + 1;
            double bd = bound(in, gap0, kk);
            series.point("E mean ||grad f||_1", sum / kk);
            series.point("bound", bd);
            if (b.add(Check.atMost(
                            "E (1/K) sum_k<K ||grad f(x_k)||_1 (exact over the lattice)",
                            kk,
                            sum / kk,
                            bd,
                            Tolerance.of(sum / kk + bd + gap0 / (kk * delta), d))
                    .withExact(BATCH_ONE_PRECISION, () -> exactBatchOneHolds(in, kk)))) {
                break;
            }
            Map<List<Long>, Double> next = new LinkedHashMap<>();
            for (Map.Entry<List<Long>, Double> p : dist.entrySet()) {
                List<List<Long>> succ = successors.get(p.getKey());
                if (succ == null) {
                    succ = new ArrayList<>();
                    double[] x = position.get(p.getKey());
                    for (int i = 0; i < n; i++) {
                        double[] y;
                        try {
                            y = Runner.oneStep(
                                    method(Hyperparameters.of("lr", delta)), x, new SingleExampleOracle(f, i));
                        } catch (RuntimeException ex) {
                            return b.build(Evaluation.Ending.ERROR, ex.getMessage(), kk, Map.of());
                        }
                        List<Long> ky = key(y, in.x0(), delta);
                        if (ky == null || !neighbours(ky, p.getKey())) {
                            return b.build(
                                    Evaluation.Ending.ERROR,
                                    "the method moved from " + Num.fmt(x) + " to "
                                            + Num.fmt(y) + ", which is not a signSGD step of length delta = " + delta
                                            + " per coordinate",
                                    kk,
                                    Map.of());
                        }
                        position.putIfAbsent(ky, y);
                        succ.add(ky);
                    }
                    successors.put(p.getKey(), succ);
                }
                for (List<Long> s : succ) {
                    next.merge(s, p.getValue() / n, Double::sum);
                }
            }
            dist = next;
            if (dist.size() > MAX_SUPPORT) {
                return b.build(
                        Evaluation.Ending.ERROR, "lattice support above " + MAX_SUPPORT + " points", kk, Map.of());
            }
        }
        return b.build(Evaluation.Ending.COMPLETED, null, -1, series.toArrays());
    }

    /**
     * The bound at K on the real-number full-gradient trajectory x_k+1 = x_k - delta sign(grad f(x_k))
     * from x0 (sign(0) = 0), with f* = f(x*) and ||L||_1 exact, in 300-digit decimals, no tolerance.
     */
    boolean exactFullHolds(SignInstance in, int steps) {
        DiagonalQuadraticSum f = in.f();
        BigDecimal[] x = HighPrecision.big(in.x0());
        BigDecimal delta = HighPrecision.big(in.delta());
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < steps; k++) {
            BigDecimal[] s = nGradient(f, x);
            for (int j = 0; j < x.length; j++) {
                sum = sum.add(s[j].abs());
                x[j] = x[j].subtract(delta.multiply(BigDecimal.valueOf(s[j].signum())));
            }
        }
        BigDecimal n = BigDecimal.valueOf(f.n());
        return HighPrecision.holds(true, sum.divide(n.multiply(BigDecimal.valueOf(steps)), MC), exactBound(in, steps));
    }

    /**
     * The bound at K on the exact distribution of batch-1 signSGD in real numbers: from each lattice
     * point x0 + delta z, component i (probability 1/n) moves to z - sign(grad f_i(x)); the path
     * counts are integers, E ||grad f(x_k)||_1 is their weighted sum over n^k, in 300-digit decimals.
     */
    boolean exactBatchOneHolds(SignInstance in, int steps) {
        DiagonalQuadraticSum f = in.f();
        int n = f.n();
        int d = in.x0().length;
        BigDecimal[] x0 = HighPrecision.big(in.x0());
        BigDecimal delta = HighPrecision.big(in.delta());
        Map<List<Long>, BigInteger> dist = new LinkedHashMap<>();
        dist.put(Collections.nCopies(d, 0L), BigInteger.ONE);
        BigDecimal sum = BigDecimal.ZERO;
        BigInteger paths = BigInteger.ONE;
        for (int k = 0; k < steps; k++) {
            BigDecimal e = BigDecimal.ZERO;
            Map<List<Long>, BigInteger> next = new HashMap<>();
            for (Map.Entry<List<Long>, BigInteger> p : dist.entrySet()) {
                BigDecimal[] x = new BigDecimal[d];
                for (int j = 0; j < d; j++) {
                    x[j] = x0[j].add(
                            delta.multiply(BigDecimal.valueOf(p.getKey().get(j))));
                }
                BigDecimal norm = BigDecimal.ZERO;
                for (BigDecimal s : nGradient(f, x)) {
                    norm = norm.add(s.abs());
                }
                e = e.add(norm.multiply(new BigDecimal(p.getValue())));
                if (k + 1 < steps) {
                    for (int i = 0; i < n; i++) {
                        List<Long> z = new ArrayList<>(d);
                        for (int j = 0; j < d; j++) {
                            BigDecimal gij = HighPrecision.big(f.curvature(i, j))
                                    .multiply(x[j].subtract(HighPrecision.big(f.center(i, j))));
                            z.add(p.getKey().get(j) - gij.signum());
                        }
                        next.merge(List.copyOf(z), p.getValue(), BigInteger::add);
                    }
                }
            }
            // e / n: the sum's 1/n; paths = n^k: the probability of each path
            sum = sum.add(e.divide(new BigDecimal(paths.multiply(BigInteger.valueOf(n))), MC), MC);
            paths = paths.multiply(BigInteger.valueOf(n));
            dist = next;
        }
        return HighPrecision.holds(true, sum.divide(BigDecimal.valueOf(steps), MC), exactBound(in, steps));
    }

    private static final MathContext MC = HighPrecision.MC;

    static final String FULL_PRECISION = HighPrecision.DECIMAL
            + " on the real-number trajectory of the reference update (signsgd, full gradients) and the bound"
            + " with the exact f* and ||L||_1";

    static final String BATCH_ONE_PRECISION = HighPrecision.DECIMAL
            + " on the exact distribution of the real-number batch-1 reference update (signsgd) over the lattice"
            + " x0 + delta Z^d, and the bound with the exact f* and ||L||_1";

    /** n grad f(x) = sum_i h_i (x - c_i), exact (its signs are those of grad f). */
    private static BigDecimal[] nGradient(DiagonalQuadraticSum f, BigDecimal[] x) {
        BigDecimal[] s = new BigDecimal[x.length];
        for (int j = 0; j < x.length; j++) {
            s[j] = BigDecimal.ZERO;
            for (int i = 0; i < f.n(); i++) {
                s[j] = s[j].add(HighPrecision.big(f.curvature(i, j))
                        .multiply(x[j].subtract(HighPrecision.big(f.center(i, j)))));
            }
        }
        return s;
    }

    /**
     * ((f(x0) - f*)/(K delta) + delta ||L||_1/2)(1 - tightening) with the real-number constants:
     * L_j = hbar_j = (1/n) sum_i h_ij, x*_j = sum_i h_ij c_ij / sum_i h_ij and
     * f(x0) - f* = (1/2) sum_j hbar_j (x0_j - x*_j)^2 (exact for a separable quadratic sum).
     */
    private BigDecimal exactBound(SignInstance in, int steps) {
        DiagonalQuadraticSum f = in.f();
        BigDecimal n = BigDecimal.valueOf(f.n());
        BigDecimal delta = HighPrecision.big(in.delta());
        BigDecimal gap0 = BigDecimal.ZERO;
        BigDecimal l1 = BigDecimal.ZERO;
        for (int j = 0; j < in.x0().length; j++) {
            BigDecimal hs = BigDecimal.ZERO;
            BigDecimal hc = BigDecimal.ZERO;
            for (int i = 0; i < f.n(); i++) {
                BigDecimal h = HighPrecision.big(f.curvature(i, j));
                hs = hs.add(h);
                hc = hc.add(h.multiply(HighPrecision.big(f.center(i, j))));
            }
            BigDecimal hbar = hs.divide(n, MC);
            BigDecimal r = HighPrecision.big(in.x0()[j]).subtract(hc.divide(hs, MC));
            gap0 = gap0.add(hbar.multiply(r.multiply(r, MC), MC).divide(BigDecimal.valueOf(2)), MC);
            l1 = l1.add(hbar);
        }
        return gap0.divide(delta.multiply(BigDecimal.valueOf(steps)), MC)
                .add(delta.multiply(l1, MC).divide(BigDecimal.valueOf(2)), MC)
                .multiply(HighPrecision.big(1 - tighten()), MC);
    }

    /** The lattice offsets (x - x0)/delta, or null when a coordinate is not within 1e-6 of an integer. */
    private static List<Long> key(double[] x, double[] x0, double delta) {
        List<Long> k = new ArrayList<>(x.length);
        for (int j = 0; j < x.length; j++) {
            double u = (x[j] - x0[j]) / delta;
            double rnd = Math.rint(u);
            if (!(Math.abs(u - rnd) <= 1e-6 * Math.max(1, Math.abs(rnd)))) {
                return null;
            }
            k.add((long) rnd);
        }
        return List.copyOf(k);
    }

    private static boolean neighbours(List<Long> a, List<Long> b) {
        for (int j = 0; j < a.size(); j++) {
            if (Math.abs(a.get(j) - b.get(j)) > 1) {
                return false;
            }
        }
        return true;
    }

    private static double l1(double[] g) {
        double s = 0;
        for (double v : g) {
            s += Math.abs(v);
        }
        return s;
    }

    @Override
    public List<String> labels(SignInstance in, Regime r) {
        return List.of("n = " + in.f().n(), "d = " + in.x0().length);
    }
}
