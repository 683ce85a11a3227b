package io.optcheck.theory.vr;

import static io.optcheck.theory.Assumptions.COMPONENTS_MU_STRONGLY_CONVEX;
import static io.optcheck.theory.Assumptions.SAGA_TABLE_UPDATED;

import io.optcheck.method.Saga;
import io.optcheck.method.exact.SagaMoments;
import io.optcheck.oracle.FiniteSumIndexOracle;
import io.optcheck.problem.CertifiedSum;
import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.problem.FiniteSum;
import io.optcheck.problem.LogCoshQuadraticSum;
import io.optcheck.problem.Num;
import io.optcheck.problem.RotatedQuadraticSum;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.result.Expected;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Described;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.hipparchus.random.Well19937c;

/**
 * vr.saga (Defazio, Bach &amp; Lacoste-Julien 2014, Thm 1; PEPit example saga.py): with EVERY f_i
 * mu-strongly convex and L-smooth and eta = 1/(2(mu n + L)), the SAGA estimator is unbiased and
 * the Lyapunov function
 * V = (1/n) sum_i [f_i(phi_i) - f_i(x*) - grad f_i(x*)^T (phi_i - x*)] + ||x - x*||^2/(2 n eta (1 - mu eta))
 * contracts: E[V_1] &lt;= (1 - eta mu) V_0. Everything is checked EXACTLY: the unbiasedness and the
 * one-step contraction by enumerating the index j (each outcome runs {@link Saga} one step from
 * the scripted index), the multi-step consequences by exact moment propagation over every index
 * path ({@link SagaMoments}). No statistics.
 */
public final class SagaTheorem extends DeclaredTheorem<SagaTheorem.Instance> {

    /**
     * The sum, mu (L = 1), x_0, the table points phi_i, a short index path for the unbiasedness
     * check, and for the checks from a reached state the seed and length of the drawn index path
     * (prefix -1 when the regime has none; the table then starts at phi_i = x_0).
     */
    public record Instance(CertifiedSum f, double mu, double[] x0, double[][] phi, int[] path, long seed, int prefix)
            implements Described {

        Instance(CertifiedSum f, double mu, double[] x0, double[][] phi, int[] path) {
            this(f, mu, x0, phi, path, 0, -1);
        }

        VrPathChecks.Path reached() {
            return new VrPathChecks.Path(f, mu, eta(), 1, x0, seed, prefix);
        }

        double eta() {
            return 1 / (2 * (mu * f.n() + 1));
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = VrGens.described(f, mu, eta());
            m.put("x0", Num.fmt(x0));
            m.put("phi", Num.fmt(phi));
            m.put("x*", Num.fmt(f.minimizer()));
            if (path.length > 0) {
                m.put("path", Arrays.toString(path));
            }
            if (prefix >= 0) {
                m.put("reached along", prefix + " drawn indices, seed " + seed + " (table phi_i = x0 before)");
                m.remove("phi");
            }
            return m;
        }
    }

    /** The theorem as its spec declares it. */
    public SagaTheorem() {
        super("vr.saga");
    }

    /** Steps of the multi-step (moment propagation) check. */
    static final int STEPS = 200;

    /**
     * Steps of the multi-step check on rotated components: the state (x, phi_1..phi_n, 1) has
     * dimension (n + 1) d + 1, up to 51, and a step costs about n d k^2 operations (k that
     * dimension), so 200 steps at d = 10 would make a try about 7 times dearer than the 30 used.
     */
    static final int STEPS_ROTATED = 30;

    /** The multi-step regimes on rotated components. */
    static final List<String> RATE_ROTATED = List.of("iterate-rate-rotated", "stale-table-rate-rotated");

    static boolean frozen(Regime r) {
        return !r.assumptions().contains(SAGA_TABLE_UPDATED);
    }

    /** Longest drawn index path of the checks from a reached state. */
    static final int MAX_PREFIX = 12;

    /**
     * The instances of the checks from a reached state: the holds family, x_0 = x* + offset, and a
     * drawn index path of 0 to {@value #MAX_PREFIX} steps from the table phi_i = x_0.
     */
    static Gen<Instance> reachedStates(boolean rotated) {
        return (rotated ? VrGens.rotatedSums(1, 4, 10, 1e-4, 1) : VrGens.sums(true, false, 1, 4, 2)).flatMap(s -> {
            double[] xs = s.general().minimizer();
            int d = s.general().dimension();
            return Gens.combine(VrGens.offsets(d), Gens.integers(0, MAX_PREFIX), Gens.longs(0, Integer.MAX_VALUE))
                    .as((e0, prefix, seed) -> {
                        return new Instance(
                                s.general(), s.mu(), Vectors.plus(xs, e0), new double[0][], new int[0], seed, prefix);
                    });
        });
    }

    @Override
    public Gen<Instance> instances(Regime r) {
        Gen<Instance> reached = Cases.<Gen<Instance>>on(r)
                .when("stale-table-lyapunov", () -> reachedStates(false))
                .when(List.of("rotated", "stale-table-rotated"), () -> reachedStates(true))
                .orElse(() -> null);
        if (reached != null) {
            return reached;
        }
        Gen<VrGens.Sum> sums = Cases.<Gen<VrGens.Sum>>on(r)
                .when(RATE_ROTATED, () -> VrGens.rotatedSums(1, 4, 10, 1e-4, 1))
                .when(
                        List.of(
                                "holds",
                                "unbiased",
                                "iterate-rate",
                                "drop:" + SAGA_TABLE_UPDATED,
                                "frozen-table-unbiased"),
                        () -> VrGens.sums(true, false, 1, 4, 2))
                .when("non-quadratic", SagaTheorem::logCoshSums)
                .when("drop:" + COMPONENTS_MU_STRONGLY_CONVEX, () -> VrGens.sums(false, false, 1, 4, 2))
                .get();
        return sums.flatMap(s -> {
            int n = s.general().n();
            int d = s.general().dimension();
            double[] xs = s.general().minimizer();
            return Gens.combine(
                            VrGens.offsets(d),
                            Gens.listsOfSize(VrGens.offsets(d), n),
                            Gens.lists(Gens.integers(0, n - 1), 0, 3))
                    .as((e0, ephi, path) -> {
                        double[][] phi = new double[n][d];
                        for (int i = 0; i < n; i++) {
                            for (int j = 0; j < d; j++) {
                                phi[i][j] = xs[j] + ephi.get(i)[j];
                            }
                        }
                        double[] x0 = Vectors.plus(xs, e0);
                        return new Instance(
                                s.general(),
                                s.mu(),
                                x0,
                                phi,
                                path.stream().mapToInt(Integer::intValue).toArray());
                    });
        });
    }

    /**
     * Non-quadratic components: m_ij in [mu, 1], s_ij = u (1 - m_ij)(1 - 2^-50) with u in [0, 1]
     * (so m + s < 1 = L exactly; u = 0 is the quadratic edge), centers c in [-2, 2] (whole numbers
     * after shrinking), offsets b in [-2, 2].
     */
    static Gen<VrGens.Sum> logCoshSums() {
        return Gens.combine(
                        Gens.integers(1, 4),
                        Gens.integers(1, 2),
                        Gens.logDoubles(VrGens.MU_MIN, 1).knob("mu / L"))
                .as((n, d, mu) -> new Object[] {n, d, mu})
                .flatMap(o -> {
                    int n = (Integer) o[0];
                    int d = (Integer) o[1];
                    double mu = (Double) o[2];
                    Gen<double[]> row = Gens.doubleArrays(Gens.doubles(0, 1).shrinkDigits(2), 4 * d);
                    return Gens.listsOfSize(row, n).map(rows -> {
                        double[][] m = new double[n][d];
                        double[][] s = new double[n][d];
                        double[][] c = new double[n][d];
                        double[][] b = new double[n][d];
                        for (int i = 0; i < n; i++) {
                            double[] r = rows.get(i);
                            for (int j = 0; j < d; j++) {
                                m[i][j] = Math.min(1, mu + (1 - mu) * r[4 * j]);
                                s[i][j] = r[4 * j + 1] * (1 - m[i][j]) * (1 - 0x1p-50);
                                c[i][j] = Math.rint(4 * r[4 * j + 2] - 2);
                                b[i][j] = 4 * r[4 * j + 3] - 2;
                            }
                        }
                        return new VrGens.Sum(null, mu, new LogCoshQuadraticSum(m, s, c, b));
                    });
                });
    }

    static double[][] table(FiniteSum f, double[][] phi) {
        double[][] t = new double[f.n()][f.dimension()];
        for (int i = 0; i < f.n(); i++) {
            f.exampleGradient(i, phi[i], t[i]);
        }
        return t;
    }

    @Override
    public Evaluation evaluate(Instance in, Regime r) {
        if (in.prefix() >= 0) {
            Saga saga = frozen(r) ? Saga.frozenTable(in.eta()) : Saga.of(in.eta());
            return VrPathChecks.sagaOneStep(saga, in.reached(), tighten());
        }
        return switch (r.conclusion()) {
            case "unbiased" -> unbiased(in, frozen(r));
            case "iterate-rate" -> iterateRate(in, frozen(r));
            default -> lyapunov(in);
        };
    }

    /** The Lyapunov function of a state, with the checker's own x* and table points. */
    static double lyapunov(CertifiedSum f, double mu, double eta, double[] xs, double[] x, double[][] phi) {
        int n = f.n();
        double v = 0;
        for (int i = 0; i < n; i++) {
            v += f.bregman(i, phi[i], xs) / n;
        }
        double e = Vectors.dist(x, xs);
        return v + e * e / (2 * n * eta * (1 - mu * eta));
    }

    private Evaluation lyapunov(Instance in) {
        CertifiedSum f = in.f();
        int n = f.n();
        int d = f.dimension();
        double eta = in.eta();
        double mu = in.mu();
        double[] xs = f.minimizer();
        double xsn = xStarScale(f, mu, xs);
        double c = 1 / (2 * n * eta * (1 - mu * eta));
        Saga saga = Saga.of(eta);
        Saga.State s0 = saga.init(in.x0(), table(f, in.phi()));
        double v0 = lyapunov(f, mu, eta, xs, in.x0(), in.phi());
        double ev1 = 0;
        double scale = 0;
        for (int j = 0; j < n; j++) {
            Saga.State s1 = saga.step(s0, FiniteSumIndexOracle.scripted(f, j));
            double[][] phi1 = in.phi().clone();
            phi1[j] = in.x0();
            double[] x1 = s1.x();
            double v1 = lyapunov(f, mu, eta, xs, x1, phi1);
            ev1 += v1 / n;
            scale += leafScale(f, c, xs, xsn, in.x0(), x1, phi1, v1) / n;
        }
        double bound = (1 - eta * mu) * v0 * (1 - tighten());
        scale += startScale(f, c, xs, xsn, in.x0(), in.phi(), bound);
        Evaluation.Builder b = new Evaluation.Builder();
        double tight = tighten();
        b.add(Check.atMost(
                        "E[V_1] vs (1 - eta mu) V_0 (exact over " + n + " indices)",
                        1,
                        ev1,
                        bound,
                        Tolerance.of(scale, d))
                .withExact(SagaExact.PRECISION, () -> SagaExact.oneStepHolds(f, mu, eta, in.x0(), in.phi(), tight)));
        return b.completed(Map.of("E[V_t]", new double[] {v0, ev1}, "bound", new double[] {v0, bound}));
    }

    /**
     * The magnitudes one outcome x_1 (with table points phi1 and Lyapunov value v1) of a step from
     * x_0 adds to the one-step check's scale, where c = 1/(2 n eta (1 - mu eta)) and xsn is the
     * scale of x*: the rounding of x_1 (inputs ||x_0|| + eta ||v||) and of x* moves
     * c ||x_1 - x*||^2 by 2 c ||x_1 - x*|| times them; the Bregman terms move by h ||phi_i - x*|| ||x*||.
     */
    static double leafScale(
            CertifiedSum f, double c, double[] xs, double xsn, double[] x0, double[] x1, double[][] phi1, double v1) {
        double e1 = Vectors.dist(x1, xs);
        double step = Vectors.dist(x1, x0);
        return Math.abs(v1) + 2 * c * e1 * (Vectors.norm(x0) + step + xsn) + breg(f, phi1, xs);
    }

    /** The start's share of the one-step check's scale: the bound, c ||x_0 - x*||^2's rounding, the Bregman terms. */
    static double startScale(
            CertifiedSum f, double c, double[] xs, double xsn, double[] x0, double[][] phi, double bound) {
        return Math.abs(bound) + 2 * c * Vectors.dist(x0, xs) * (Vectors.norm(x0) + xsn) + breg(f, phi, xs);
    }

    /**
     * The scale of x* in the rounding terms: x* is certified to within ||grad f(x*)|| / mu of the
     * true minimizer, and that uncertainty enters like a norm of x* (in units of 2^-52).
     */
    static double xStarScale(CertifiedSum f, double mu, double[] xs) {
        return Vectors.norm(xs) + Vectors.norm(f.gradient(xs)) / (mu * 0x1p-52);
    }

    static double breg(CertifiedSum f, double[][] phi, double[] xs) {
        double s = 0;
        double[] g = new double[f.dimension()];
        for (int i = 0; i < f.n(); i++) {
            s += f.componentL(i) * Vectors.dist(phi[i], xs) * (Vectors.norm(phi[i]) + Vectors.norm(xs)) / f.n();
            if (!(f instanceof DiagonalQuadraticSum) && !(f instanceof RotatedQuadraticSum)) {
                // the general Bregman term f_i(p) - f_i(x*) - g^T (p - x*) cancels: its rounding is
                // relative to the magnitudes of the three terms (a quadratic's is (1/2) r^T H_i r,
                // computed without cancellation)
                f.exampleGradient(i, xs, g);
                s += (Math.abs(f.exampleValue(i, phi[i]))
                                + Math.abs(f.exampleValue(i, xs))
                                + Vectors.norm(g) * Vectors.dist(phi[i], xs))
                        / f.n();
            }
        }
        return s;
    }

    private Evaluation unbiased(Instance in, boolean frozen) {
        CertifiedSum f = in.f();
        int n = f.n();
        int d = f.dimension();
        Saga saga = frozen ? Saga.frozenTable(in.eta()) : Saga.of(in.eta());
        Saga.State s = saga.init(in.x0(), table(f, in.phi()));
        FiniteSumIndexOracle walk = FiniteSumIndexOracle.scripted(f, in.path());
        for (int k = 0; k < in.path().length; k++) {
            s = saga.step(s, walk);
        }
        double[] x = s.x();
        double[] mean = new double[d];
        double mag = 0;
        for (int j = 0; j < n; j++) {
            double[] v = saga.estimate(s, FiniteSumIndexOracle.scripted(f), j);
            for (int k = 0; k < d; k++) {
                mean[k] += v[k] / n;
            }
            double[] gj = new double[d];
            f.exampleGradient(j, x, gj);
            // the estimate combines grad f_j(x), g_j and the table mean: magnitudes up to 3 max |table|
            mag = Math.max(
                    mag, 3 * Math.max(Vectors.maxAbs(gj), Math.max(Vectors.maxAbs(s.stored(j)), Vectors.maxAbs(v))));
        }
        return VrChecks.unbiased(
                "max_k |E_j[v_j]_k - grad f(x)_k| (exact over " + n + " indices, after " + in.path().length + " steps)",
                mean,
                f.gradient(x),
                mag,
                tighten(),
                n);
    }

    private Evaluation iterateRate(Instance in, boolean frozen) {
        // the iterate-rate regimes draw quadratic sums only (diagonal, or rotated for
        // RATE_ROTATED): moment propagation needs linear updates. The 300-digit recheck of a
        // marginal step (SagaExact) is written for diagonal sums; a rotated sum's marginal steps
        // are judged at the tolerance alone.
        CertifiedSum f = in.f();
        DiagonalQuadraticSum diagonal = f instanceof DiagonalQuadraticSum q ? q : null;
        int n = f.n();
        int d = f.dimension();
        double eta = in.eta();
        double mu = in.mu();
        double[] xs = f.minimizer();
        double xsn = diagonal != null ? Vectors.norm(xs) : xStarScale(f, mu, xs);
        int steps = diagonal != null ? STEPS : STEPS_ROTATED;
        SagaMoments m = SagaMoments.propagate(f, eta, mu, xs, in.x0(), in.phi(), frozen, steps);
        double v0 = m.lyapunov[0];
        double k = 2 * n * eta * (1 - mu * eta);
        Evaluation.Builder b = new Evaluation.Builder();
        double[] obs = new double[steps];
        double[] bnd = new double[steps];
        double rate = 1;
        int shown = 0;
        for (int t = 1; t <= steps; t++) {
            rate *= 1 - eta * mu;
            double bound = k * rate * v0;
            obs[t - 1] = m.distSq[t];
            bnd[t - 1] = bound;
            shown = t;
            // magnitudes of the propagated terms, times the t (n + 2) operations that combined them,
            // plus the effect of the rounding of x* on E||x_t - x*||^2
            double scale = m.distScale[t] * t * (n + 2)
                    + 2 * n * xsn * Math.sqrt(Math.abs(m.distSq[t]))
                    + bound
                    + k * rate * m.lyapunovScale[0];
            int tt = t;
            Check c = Check.atMost(
                    "E||x_t - x*||^2 vs 2 n eta (1 - mu eta)(1 - eta mu)^t V_0 (exact over all index paths)",
                    t,
                    m.distSq[t],
                    bound,
                    Tolerance.of(scale, d));
            if (b.add(recheckedOnDiagonal(
                    c,
                    diagonal,
                    q -> SagaExact.iterateRateHolds(q, eta, mu, in.x0(), in.phi(), frozen, tt, false, 0)))) {
                break;
            }
        }
        // The bound above is derived from the Lyapunov contraction; with an updated table check that
        // premise along the whole run too (it is tight at t = 1). With a frozen table V's table term is
        // constant by construction, so V says nothing about the iterates and is not checked.
        if (!frozen && !b.violated()) {
            double r = 1;
            for (int t = 1; t <= steps; t++) {
                r *= 1 - eta * mu;
                double bound = r * v0 * (1 - tighten());
                double scale = m.lyapunovScale[t] * t * (n + 2)
                        + bound
                        + r * m.lyapunovScale[0]
                        + 2 * n * xsn * Math.sqrt(Math.abs(m.lyapunov[t]) / k);
                int tt = t;
                double tight = tighten();
                Check c = Check.atMost(
                        "E[V_t] vs (1 - eta mu)^t V_0 (exact over all index paths)",
                        t,
                        m.lyapunov[t],
                        bound,
                        Tolerance.of(scale, d));
                if (b.add(recheckedOnDiagonal(
                        c,
                        diagonal,
                        q -> SagaExact.iterateRateHolds(q, eta, mu, in.x0(), in.phi(), frozen, tt, true, tight)))) {
                    break;
                }
            }
        }
        return b.completed(Map.of("E||x_t - x*||^2", Arrays.copyOf(obs, shown), "bound", Arrays.copyOf(bnd, shown)));
    }

    /**
     * {@code c} with the 300-digit recheck of a marginal step where {@link SagaExact} can make it
     * (a diagonal sum); on a rotated sum ({@code diagonal} null) the tolerance alone decides.
     */
    private static Check recheckedOnDiagonal(
            Check c, DiagonalQuadraticSum diagonal, Predicate<DiagonalQuadraticSum> holds) {
        return diagonal == null ? c : c.withExact(SagaExact.MOMENTS_PRECISION, () -> holds.test(diagonal));
    }

    @Override
    public List<String> labels(Instance in, Regime r) {
        if (in.prefix() >= 0) {
            return reachedLabels(in);
        }
        if (RATE_ROTATED.contains(r.id())) {
            return List.of(
                    "n = " + in.f().n(),
                    in.f().n() >= 2 ? "n >= 2" : "n = 1",
                    in.f().dimension() >= 5 ? "d >= 5" : "d < 5",
                    in.mu() <= 1e-3 ? "kappa >= 1e3" : in.mu() <= 0.1 ? "kappa in [10, 1e3)" : "kappa < 10",
                    VrGens.spreadLabel(in.f()));
        }
        return List.of(
                "n = " + in.f().n(),
                in.f().n() >= 2 ? "n >= 2" : "n = 1",
                in.mu() <= 0.1 ? "kappa >= 10" : "kappa < 10");
    }

    static final String TABLE_REFRESHED = "every table entry refreshed";

    /**
     * Table staleness along the drawn path (the indices a SAGA step draws, one per step): whether
     * every entry was refreshed, and the age of the oldest entry in steps; and the curvature spread.
     */
    static List<String> reachedLabels(Instance in) {
        int n = in.f().n();
        int[] last = new int[n];
        Arrays.fill(last, -1);
        Well19937c rng = new Well19937c(in.seed());
        for (int t = 0; t < in.prefix(); t++) {
            last[rng.nextInt(n)] = t;
        }
        int oldest = Integer.MAX_VALUE;
        for (int t : last) {
            oldest = Math.min(oldest, t);
        }
        int age = in.prefix() - oldest;
        return List.of(
                "n = " + n,
                n >= 2 ? "n >= 2" : "n = 1",
                in.f().dimension() >= 5 ? "d >= 5" : "d < 5",
                in.mu() <= 1e-3 ? "kappa >= 1e3" : in.mu() <= 0.1 ? "kappa in [10, 1e3)" : "kappa < 10",
                oldest >= 0 ? TABLE_REFRESHED : "some table entry at x_0",
                oldest < 0
                        ? "table staleness: never refreshed"
                        : age >= 4 ? "table staleness >= 4 steps" : "table staleness < 4 steps",
                VrGens.spreadLabel(in.f()));
    }

    /** The coverage rules of a holds regime checked from reached states. */
    static List<Property.Coverage> reachedCoverage(boolean rotated) {
        List<Property.Coverage> c = new ArrayList<>(List.of(
                new Property.Coverage("n >= 2", 20),
                new Property.Coverage(TABLE_REFRESHED, 20),
                new Property.Coverage("table staleness >= 4 steps", 5),
                new Property.Coverage(VrGens.SPREAD, 10)));
        if (rotated) {
            c.add(new Property.Coverage("d >= 5", 20));
            c.add(new Property.Coverage("kappa >= 1e3", 5));
        }
        return c;
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        if (Cases.is(r, "rotated")) {
            return reachedCoverage(true);
        }
        if (Cases.is(r, "iterate-rate-rotated")) {
            return List.of(
                    new Property.Coverage("n >= 2", 20),
                    new Property.Coverage("d >= 5", 20),
                    new Property.Coverage("kappa >= 1e3", 5),
                    new Property.Coverage(VrGens.SPREAD, 10));
        }
        return r.expected() == Expected.HOLDS
                ? List.of(new Property.Coverage("n >= 2", 20), new Property.Coverage("kappa >= 10", 10))
                : List.of();
    }
}
