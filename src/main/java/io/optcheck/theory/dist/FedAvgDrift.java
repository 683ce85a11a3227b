package io.optcheck.theory.dist;

import io.optcheck.method.FedAvg;
import io.optcheck.method.IterateState;
import io.optcheck.method.Method;
import io.optcheck.oracle.FiniteSumIndexOracle;
import io.optcheck.problem.CertifiedSum;
import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.problem.Matrices;
import io.optcheck.problem.Num;
import io.optcheck.problem.RotatedQuadraticSum;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.prop.Source;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Described;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.vr.VrGens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;

/**
 * dist.fedavg-drift (Charles &amp; Konecny 2021, "Convergence and accuracy trade-offs in federated
 * learning and meta-learning", sec. 3; Malinovsky et al. 2020): FedAvg on quadratic clients
 * f_k(x) = (1/2)(x - c_k)^T H_k (x - c_k) with E local GD steps is the affine map
 * x -&gt; avg_k A_k x + avg_k (I - A_k) c_k, A_k = (I - eta H_k)^E, so its fixed point solves
 * (I - avg_k A_k) x = avg_k (I - A_k) c_k. With E = 1, identical clients or a shared H it is
 * x* = (sum H_k)^{-1} sum H_k c_k; with E &gt; 1 and different curvatures it is not (client drift).
 * Deterministic; every regime also runs FedAvg and checks that its rounds converge to the computed
 * fixed point at exactly the rate of the affine map.
 */
public final class FedAvgDrift extends DeclaredTheorem<FedAvgDrift.Instance> {

    /** Clients (the terms of the sum), local step, local steps E, start. */
    public record Instance(CertifiedSum clients, double eta, int localSteps, double[] x0) implements Described {

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clients", clients.n());
            m.put("d", clients.dimension());
            m.put("objective", clients.describe());
            m.put("eta", eta);
            m.put("E", localSteps);
            m.put("x0", Num.fmt(x0));
            m.put("x*", Num.fmt(clients.minimizer()));
            double[] fp = fixedPoint(this);
            m.put("x_fp", Num.fmt(fp));
            m.put("drift ||x_fp - x*||", Vectors.dist(fp, clients.minimizer()));
            return m;
        }
    }

    /** Rounds run at most, and the factor the error must contract by before the run stops. */
    static final int MAX_ROUNDS = 4000;

    static final double CONTRACT_TO = 1e-9;

    /** Rounds run at most on rotated clients (a round costs K E d^2 there, and kappa up to 1e4 contracts slowly). */
    static final int MAX_ROUNDS_ROTATED = 500;

    /** Builds the FedAvg under check from (eta, E): the built-in one, or a planted variant in a test. */
    private final BiFunction<Double, Integer, Method<? extends IterateState>> method;

    /** The theorem as its spec declares it. */
    public FedAvgDrift() {
        this(FedAvg::new);
    }

    /** The theorem run on another FedAvg (a planted variant in a test). */
    FedAvgDrift(BiFunction<Double, Integer, Method<? extends IterateState>> method) {
        super("dist.fedavg-drift");
        this.method = method;
    }

    /**
     * What a regime's instances fix: two clients (so that they can be required to differ), E = 1,
     * one curvature for every client, one center for every client.
     */
    private record Shape(boolean drift, boolean oneLocalStep, boolean sharedCurvature, boolean sharedCenter) {}

    @Override
    public Gen<Instance> instances(Regime r) {
        Shape rotated = Cases.<Shape>on(r)
                .when("drift-rotated", () -> new Shape(true, false, false, false))
                .when("one-local-step-rotated", () -> new Shape(false, true, false, false))
                .when("identical-clients-rotated", () -> new Shape(false, false, true, true))
                .when("shared-curvature-rotated", () -> new Shape(false, false, true, false))
                .orElse(() -> null);
        if (rotated != null) {
            return rotatedInstances(rotated);
        }
        Shape shape = Cases.<Shape>on(r)
                .when("holds", () -> new Shape(true, false, false, false))
                .when("one-local-step", () -> new Shape(false, true, false, false))
                .when("identical-clients", () -> new Shape(false, false, true, true))
                .when("shared-curvature", () -> new Shape(false, false, true, false))
                .get();
        boolean drift = shape.drift();
        Gen<Integer> clients = drift ? Gens.just(2) : Gens.integers(2, 4);
        Gen<Integer> local = shape.oneLocalStep() ? Gens.just(1) : Gens.integers(2, 8);
        return Gens.combine(
                        clients,
                        Gens.integers(1, 2),
                        local,
                        Gens.doubles(0.05, 1).shrinkDigits(2).withEdges(1.0).knob("eta L"))
                .as((k, d, e, eta) -> new Object[] {k, d, e, eta})
                .flatMap(o -> {
                    int k = (Integer) o[0];
                    int d = (Integer) o[1];
                    int e = (Integer) o[2];
                    double eta = (Double) o[3];
                    Gen<double[]> hRow = Gens.doubleArrays(Gens.doubles(0.1, 1).shrinkDigits(2), d);
                    Gen<double[]> cRow = Gens.doubleArrays(Gens.doubles(-2, 2).shrinkDigits(0), d);
                    Gen<List<double[]>> hs = shape.sharedCurvature()
                            ? hRow.map(h -> Collections.nCopies(k, h))
                            : Gens.listsOfSize(hRow, k);
                    Gen<List<double[]>> cs =
                            shape.sharedCenter() ? cRow.map(c -> Collections.nCopies(k, c)) : Gens.listsOfSize(cRow, k);
                    return Gens.combine(hs, cs, VrGens.offsets(d))
                            .as((h, c, x0) -> new Instance(
                                    new DiagonalQuadraticSum(h.toArray(new double[0][]), c.toArray(new double[0][])),
                                    eta,
                                    e,
                                    x0));
                })
                .filter(
                        "two clients differing in curvature and center in one coordinate",
                        in -> !drift || differs((DiagonalQuadraticSum) in.clients()));
    }

    /**
     * Rotated clients ({@link VrGens#rotatedSums}, the family of the variance-reduction theorems):
     * K in [2, 4] clients H_k = Q_k diag(l_k) Q_k^T in d in [1, 10], mu = 1/kappa log-uniform in
     * [1e-4, 1] (kappa up to 1e4), l_kj in [mu, 1], centers in [-2, 2]^d; E in [2, 8] (1 where the
     * shape says), eta L in [0.05, 1], x_0 in [-2, 2]^d. The drift shape keeps clients whose first
     * two Hessians differ by at least 1e-3 in some entry and whose centers differ by at least 1e-3.
     */
    private static Gen<Instance> rotatedInstances(Shape shape) {
        Gen<Integer> local = shape.oneLocalStep() ? Gens.just(1) : Gens.integers(2, 8);
        return Gens.combine(
                        Gens.integers(2, 4),
                        local,
                        Gens.doubles(0.05, 1).shrinkDigits(2).withEdges(1.0).knob("eta L"))
                .as((k, e, eta) -> new Object[] {k, e, eta})
                .flatMap(o -> {
                    int k = (Integer) o[0];
                    int e = (Integer) o[1];
                    double eta = (Double) o[2];
                    return VrGens.rotatedSums(k, k, 10, 1e-4, 1, shape.sharedCurvature(), shape.sharedCenter())
                            .flatMap(s -> VrGens.offsets(s.general().dimension())
                                    .map(x0 -> new Instance(s.general(), eta, e, x0)));
                })
                .filter(
                        "two clients differing in curvature and center by >= 1e-3",
                        in -> !shape.drift() || rotatedDiffer((RotatedQuadraticSum) in.clients()));
    }

    private static boolean rotatedDiffer(RotatedQuadraticSum f) {
        double[][] h0 = f.componentHessian(0);
        double[][] h1 = f.componentHessian(1);
        double dh = 0;
        for (int a = 0; a < h0.length; a++) {
            for (int b = 0; b < h0.length; b++) {
                dh = Math.max(dh, Math.abs(h0[a][b] - h1[a][b]));
            }
        }
        double dc = Vectors.norm(Vectors.minus(f.center(0), f.center(1)));
        return dh >= 1e-3 && dc >= 1e-3;
    }

    /**
     * Some coordinate j with h_1j != h_2j and |c_1j - c_2j| &gt;= 2^-970: then the drift is provably
     * nonzero, and representable. The drift is |c_1j - c_2j| times a difference of weights; centers
     * 5e-324 apart (quick seed 92, shrunk from integers) give an exact drift of 1e-327, below the
     * smallest double, and the check compared 4.9e-324 with the tolerance's subnormal floor
     * (1.8e-307). 2^-970 is 2^52 times the smallest normal double, so the drift of such centers is
     * above that floor (C d 2^-1022 &lt;= 2^-1018 for d &lt;= 2) whenever the weight difference exceeds
     * 2^-48.
     */
    static boolean differs(DiagonalQuadraticSum f) {
        for (int j = 0; j < f.dimension(); j++) {
            if (f.curvature(0, j) != f.curvature(1, j) && Math.abs(f.center(0, j) - f.center(1, j)) >= 0x1p-970) {
                return true;
            }
        }
        return false;
    }

    /** 1 - (1 - eta h)^E without cancellation: -expm1(E log1p(-eta h)). */
    static double oneMinusA(double eta, double h, int e) {
        return -StrictMath.expm1(e * StrictMath.log1p(-eta * h));
    }

    /** The fixed point of the FedAvg map: coordinate by coordinate, or by the matrix equation for rotated clients. */
    static double[] fixedPoint(Instance in) {
        if (in.clients() instanceof RotatedQuadraticSum) {
            return RotatedMap.of(in).fixedPoint;
        }
        DiagonalQuadraticSum f = (DiagonalQuadraticSum) in.clients();
        double[] x = new double[f.dimension()];
        for (int j = 0; j < x.length; j++) {
            double num = 0;
            double den = 0;
            for (int k = 0; k < f.n(); k++) {
                double w = oneMinusA(in.eta(), f.curvature(k, j), in.localSteps());
                num += w * f.center(k, j);
                den += w;
            }
            x[j] = num / den;
        }
        return x;
    }

    /** avg_k (1 - eta h_kj)^E per coordinate: the contraction of the FedAvg map. */
    static double[] contraction(Instance in) {
        DiagonalQuadraticSum f = (DiagonalQuadraticSum) in.clients();
        double[] a = new double[f.dimension()];
        for (int j = 0; j < a.length; j++) {
            for (int k = 0; k < f.n(); k++) {
                a[j] += (1 - oneMinusA(in.eta(), f.curvature(k, j), in.localSteps())) / f.n();
            }
        }
        return a;
    }

    @Override
    public Evaluation evaluate(Instance in, Regime r) {
        if (in.clients() instanceof RotatedQuadraticSum) {
            return evaluateRotated(in, r);
        }
        DiagonalQuadraticSum f = (DiagonalQuadraticSum) in.clients();
        int d = f.dimension();
        double[] xs = f.minimizer();
        double[] fp = fixedPoint(in);
        double cScale = 0;
        for (int k = 0; k < f.n(); k++) {
            for (int j = 0; j < d; j++) {
                cScale += Math.abs(f.center(k, j));
            }
        }
        // x_fp and x* are weighted means of the centers with weights accurate to a few ulps.
        double fpTol = Tolerance.of(2 * cScale, d);
        double drift = Vectors.dist(fp, xs);
        Evaluation.Builder b = new Evaluation.Builder();
        if (r.conclusion().equals("drift")) {
            b.add(Check.atLeast("||x_fp - x*|| (client drift) vs the rounding of x_fp and x*", 1, drift, fpTol, 0));
        } else {
            b.add(Check.atMost("||x_fp - x*||", 1, drift, 0, fpTol));
        }
        List<Double> obs = new ArrayList<>();
        List<Double> bnd = new ArrayList<>();
        if (!b.violated()) {
            roundsCheck(in, fp, b, obs, bnd);
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put(
                "||x_t - x_fp||", obs.stream().mapToDouble(Double::doubleValue).toArray());
        series.put(
                "exact affine-map value",
                bnd.stream().mapToDouble(Double::doubleValue).toArray());
        series.put("||x_fp - x*||", new double[] {drift});
        return b.completed(series);
    }

    /**
     * Runs FedAvg and checks ||x_t - x_fp|| &lt;= sqrt(sum_j abar_j^(2t) (x_0 - x_fp)_j^2) at every
     * round: in exact arithmetic an equality (the map is diagonal with contraction abar_j), so the
     * computed fixed point is what the implementation converges to. Stops when the bound has
     * contracted by 1e-9 or after MAX_ROUNDS rounds.
     */
    private void roundsCheck(Instance in, double[] fp, Evaluation.Builder b, List<Double> obs, List<Double> bnd) {
        DiagonalQuadraticSum f = (DiagonalQuadraticSum) in.clients();
        int d = f.dimension();
        double[] abar = contraction(in);
        double rho = 0;
        for (double a : abar) {
            rho = Math.max(rho, a);
        }
        double[] e0 = Vectors.minus(in.x0(), fp);
        double e0n = Vectors.norm(e0);
        double cMax = 0;
        for (int k = 0; k < f.n(); k++) {
            for (int j = 0; j < d; j++) {
                cMax = Math.max(cMax, Math.abs(f.center(k, j)));
            }
        }
        Rounds run = new Rounds(method.apply(in.eta(), in.localSteps()), f, in.x0());
        double[] pw = new double[d];
        Arrays.fill(pw, 1);
        // Rounding: each round adds about E K ulps of (|x| + |c|), and earlier errors are contracted
        // (never amplified: 0 <= abar_j < 1), so the accumulated error is at most min(t, 1/(1 - rho))
        // rounds' worth; the fixed point's own rounding adds its scale.
        double memory = rho < 1 ? 1 / (1 - rho) : Double.POSITIVE_INFINITY;
        for (int t = 1; t <= MAX_ROUNDS; t++) {
            double xPrev = Vectors.norm(run.x());
            run.step();
            double sq = 0;
            for (int j = 0; j < d; j++) {
                pw[j] *= abar[j];
                double v = pw[j] * e0[j];
                sq += v * v;
            }
            double bound = Math.sqrt(sq) * (1 - tighten());
            double observed = Vectors.dist(run.x(), fp);
            double scale = Math.min(t, memory) * in.localSteps() * f.n() * (xPrev + cMax) + 2 * cMax * f.n() + bound;
            obs.add(observed);
            bnd.add(bound);
            if (b.add(Check.atMost(
                    "||x_t - x_fp|| (FedAvg rounds vs the exact affine map)",
                    t,
                    observed,
                    bound,
                    Tolerance.of(scale, d)))) {
                return;
            }
            if (Math.sqrt(sq) <= CONTRACT_TO * e0n || !(Math.sqrt(sq) > 0)) {
                return;
            }
        }
    }

    /** A FedAvg run on the clients' index oracle, whatever the method's state type. */
    private static final class Rounds {
        private final Runner<?> runner;

        <S extends IterateState> Rounds(Method<S> m, CertifiedSum f, double[] x0) {
            this.runner = new Runner<>(m, FiniteSumIndexOracle.uniform(f, 0), m.init(x0));
        }

        void step() {
            runner.step();
        }

        double[] x() {
            return runner.state.x();
        }

        private static final class Runner<S extends IterateState> {
            private final Method<S> m;
            private final FiniteSumIndexOracle oracle;
            private S state;

            Runner(Method<S> m, FiniteSumIndexOracle oracle, S state) {
                this.m = m;
                this.oracle = oracle;
                this.state = state;
            }

            void step() {
                state = m.step(state, oracle);
            }
        }
    }

    /**
     * The FedAvg map of rotated clients, x -&gt; x - Bbar x + avg_k B_k c_k with
     * B_k = I - (I - eta H_k)^E = eta H_k sum_{s&lt;E} (I - eta H_k)^s (symmetric, commuting with H_k;
     * no cancellation for small eta H_k), and what is certified about it.
     *
     * <ul>
     *   <li>{@code r} = T(x*) - x* = -avg_k sum_s eta grad f_k(y_s), the sum of the local steps
     *       from x* (computed step by step, no cancellation); x* is a fixed point iff r = 0, and
     *       x_fp - x* = Bbar^{-1} r exactly (the fixed-point equation).</li>
     *   <li>{@code lam} = 1 - (1 - eta mu)^E &lt;= lambda_min(Bbar), from the certificate (every
     *       eigenvalue of H_k is in [mu, L = 1], eta L &lt;= 1, and 1 - (1 - u)^E is increasing):
     *       so ||Bbar^{-1}|| &lt;= 1/lam, and the map contracts by at least 1 - lam.</li>
     * </ul>
     */
    static final class RotatedMap {
        final double[][] bbar;
        final double[] r;
        /** Rounding scale of r: the magnitudes of the local steps and iterates it sums. */
        final double rScale;

        final double lam;
        final double[] fixedPoint;
        /** Certified bound on ||computed x_fp - exact x_fp||: (residual + rounding of r and Bbar) / lam. */
        final double fixedPointError;

        private RotatedMap(
                double[][] bbar, double[] r, double rScale, double lam, double[] fixedPoint, double fixedPointError) {
            this.bbar = bbar;
            this.r = r;
            this.rScale = rScale;
            this.lam = lam;
            this.fixedPoint = fixedPoint;
            this.fixedPointError = fixedPointError;
        }

        static RotatedMap of(Instance in) {
            RotatedQuadraticSum f = (RotatedQuadraticSum) in.clients();
            int d = f.dimension();
            int k = f.n();
            int e = in.localSteps();
            double eta = in.eta();
            double[] xs = f.minimizer();
            double[] r = new double[d];
            double rScale = 0;
            double[][] bbar = new double[d][d];
            double[] g = new double[d];
            double mu = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                mu = Math.min(mu, f.componentMu(c));
                double[][] h = f.componentHessian(c);
                double[] y = xs.clone();
                for (int s = 0; s < e; s++) {
                    f.exampleGradient(c, y, g);
                    double[] absStep = Matrices.absTimes(h, Vectors.minus(y, f.center(c)));
                    for (int j = 0; j < d; j++) {
                        double step = eta * g[j];
                        r[j] -= step / k;
                        y[j] -= step;
                        rScale = Math.max(rScale, (eta * absStep[j] + (s + 1) * Math.abs(y[j])) * e);
                    }
                }
                // B_c = eta H_c G_c, G_c = sum_{s<E} M^s, M = I - eta H_c (Horner: G = I + M G).
                double[][] m = new double[d][d];
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        m[a][b] = (a == b ? 1 : 0) - eta * h[a][b];
                    }
                }
                double[][] gm = Matrices.identity(d);
                for (int s = 1; s < e; s++) {
                    gm = Matrices.times(m, gm);
                    for (int a = 0; a < d; a++) {
                        gm[a][a] += 1;
                    }
                }
                double[][] bc = Matrices.times(h, gm);
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        bbar[a][b] += eta * bc[a][b] / k;
                    }
                }
            }
            double lam = oneMinusA(eta, mu, e);
            double[] delta = new LUDecomposition(MatrixUtils.createRealMatrix(bbar))
                    .getSolver()
                    .solve(MatrixUtils.createRealVector(r))
                    .toArray();
            double[] fp = new double[d];
            for (int j = 0; j < d; j++) {
                fp[j] = xs[j] + delta[j];
            }
            double[] bd = Matrices.times(bbar, delta);
            double[] absBd = Matrices.absTimes(bbar, delta);
            double res = Vectors.dist(bd, r);
            double bScale = 0;
            for (double v : absBd) {
                bScale = Math.max(bScale, v * e * d);
            }
            double err = (res + Tolerance.of(rScale + bScale, d)) / lam;
            return new RotatedMap(bbar, r, rScale, lam, fp, err);
        }

        /** Abar v = v - Bbar v. */
        double[] contract(double[] v) {
            double[] bv = Matrices.times(bbar, v);
            double[] out = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                out[j] = v[j] - bv[j];
            }
            return out;
        }
    }

    /**
     * Rotated clients. Check 1 on r = T(x*) - x* (the FedAvg map's displacement at the certified
     * x*): the drift conclusion asks ||r|| &gt; tol, the no-drift one ||r|| &lt;= tol, with
     * tol = Tolerance.of(rScale, d) plus x*'s uncertainty: x* is rounded (LU), and
     * r(x*_c) - r(x*) = -Bbar (x*_c - x*) with ||Bbar|| &lt;= 1, ||x*_c - x*|| &lt;= ||grad f(x*_c)|| / mu_bar.
     * The drift's size ||x_fp - x*|| = ||Bbar^{-1} r|| is reported. Check 2 runs the method and
     * compares ||x_t - x_fp|| with ||Abar^t (x_0 - x_fp)||, an equality in exact arithmetic.
     */
    private Evaluation evaluateRotated(Instance in, Regime r) {
        RotatedQuadraticSum f = (RotatedQuadraticSum) in.clients();
        int d = f.dimension();
        int k = f.n();
        RotatedMap map = RotatedMap.of(in);
        double[] xs = f.minimizer();
        double[] gs = f.gradient(xs);
        double gScale = 0;
        double cMax = 0;
        for (int c = 0; c < k; c++) {
            double[] res = Vectors.minus(xs, f.center(c));
            for (double v : Matrices.absTimes(f.componentHessian(c), res)) {
                gScale = Math.max(gScale, v);
            }
            for (double v : f.center(c)) {
                cMax = Math.max(cMax, Math.abs(v));
            }
        }
        double xsUncertainty = (Vectors.norm(gs) + Tolerance.of(gScale, d)) / f.averageMuLowerBound();
        double tolR = Tolerance.of(map.rScale, d) + xsUncertainty;
        double rn = Vectors.norm(map.r);
        double drift = Vectors.dist(map.fixedPoint, xs);
        Evaluation.Builder b = new Evaluation.Builder();
        String what = "||T(x*) - x*|| (the FedAvg map's displacement at x*; x_fp = x* iff 0)";
        if (r.conclusion().equals("drift")) {
            b.add(Check.atLeast(what + " vs the rounding and x*'s uncertainty", 1, rn, tolR, 0));
        } else {
            b.add(Check.atMost(what, 1, rn, 0, tolR));
        }
        List<Double> obs = new ArrayList<>();
        List<Double> bnd = new ArrayList<>();
        if (!b.violated()) {
            Rounds run = new Rounds(method.apply(in.eta(), in.localSteps()), f, in.x0());
            double[] e = Vectors.minus(in.x0(), map.fixedPoint);
            double e0n = Vectors.norm(e);
            double e0Max = 0;
            for (double v : e) {
                e0Max = Math.max(e0Max, Math.abs(v));
            }
            double memory = 1 / map.lam;
            for (int t = 1; t <= MAX_ROUNDS_ROTATED; t++) {
                double xPrev = Vectors.norm(run.x());
                run.step();
                e = map.contract(e);
                double exact = Vectors.norm(e);
                double bound = exact * (1 - tighten());
                double observed = Vectors.dist(run.x(), map.fixedPoint);
                // As for diagonal clients, plus the propagation of e_t (d products per round, contracted)
                // and the certified error of the computed x_fp, which enters observed and e_0 once each.
                double scale =
                        Math.min(t, memory) * (in.localSteps() * k * (xPrev + cMax) + d * e0Max) + 2 * cMax * k + bound;
                obs.add(observed);
                bnd.add(bound);
                if (b.add(Check.atMost(
                        "||x_t - x_fp|| (FedAvg rounds vs the exact affine map)",
                        t,
                        observed,
                        bound,
                        Tolerance.of(scale, d) + 2 * map.fixedPointError))) {
                    break;
                }
                if (exact <= CONTRACT_TO * e0n || !(exact > 0)) {
                    break;
                }
            }
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put(
                "||x_t - x_fp||", obs.stream().mapToDouble(Double::doubleValue).toArray());
        series.put(
                "exact affine-map value",
                bnd.stream().mapToDouble(Double::doubleValue).toArray());
        series.put("||x_fp - x*||", new double[] {drift});
        series.put("||T(x*) - x*||", new double[] {rn});
        return b.completed(series);
    }

    /**
     * The drift distances of the regime's own generator: min, median and max of ||x_fp - x*|| over
     * 200 instances drawn from the run's seed (the same generator the property ran), by E.
     */
    @Override
    public Map<String, Object> figures(Regime r, int tries, long seed) {
        Gen<Instance> gen = instances(r);
        Map<Integer, List<Double>> byE = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            try {
                Instance in = Source.random(seed + i).draw(gen);
                byE.computeIfAbsent(in.localSteps(), k -> new ArrayList<>())
                        .add(Vectors.dist(fixedPoint(in), in.clients().minimizer()));
            } catch (RuntimeException rejected) {
                // a draw the regime's filter discarded: not an instance of the regime
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        byE.forEach((e, l) -> {
            double[] v = l.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            m.put(
                    "drift ||x_fp - x*|| at E = " + e,
                    String.format(
                            Locale.ROOT,
                            "min %.3g, median %.3g, max %.3g (%d instances)",
                            v[0],
                            v[v.length / 2],
                            v[v.length - 1],
                            v.length));
        });
        return Map.of("measuredDrift", m);
    }

    @Override
    public List<String> labels(Instance in, Regime r) {
        if (in.clients() instanceof RotatedQuadraticSum f) {
            List<String> l = new ArrayList<>(DistGens.labels(f, null));
            l.add("E = " + in.localSteps());
            l.add(in.localSteps() >= 4 ? "E >= 4" : "E < 4");
            return l;
        }
        return List.of("E = " + in.localSteps(), "K = " + in.clients().n(), in.localSteps() >= 4 ? "E >= 4" : "E < 4");
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        List<Property.Coverage> c = new ArrayList<>();
        if (!Cases.is(r, "one-local-step") && !Cases.is(r, "one-local-step-rotated")) {
            c.add(new Property.Coverage("E >= 4", 10));
        }
        if (r.id().endsWith("-rotated")) {
            c.addAll(DistGens.coverage(false));
        }
        return c;
    }
}
