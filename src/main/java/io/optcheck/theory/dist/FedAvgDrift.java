package io.optcheck.theory.dist;

import io.optcheck.method.FedAvg;
import io.optcheck.oracle.FiniteSumIndexOracle;
import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.problem.Num;
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
import io.optcheck.theory.Vec;
import io.optcheck.theory.vr.VrGens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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
    public record Instance(DiagonalQuadraticSum clients, double eta, int localSteps, double[] x0) implements Described {

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
            m.put("x_fp", Num.fmt(fixedPoint(this)));
            return m;
        }
    }

    /** Rounds run at most, and the factor the error must contract by before the run stops. */
    static final int MAX_ROUNDS = 4000;

    static final double CONTRACT_TO = 1e-9;

    /** The theorem as its spec declares it. */
    public FedAvgDrift() {
        super("dist.fedavg-drift");
    }

    /**
     * What a regime's instances fix: two clients (so that they can be required to differ), E = 1,
     * one curvature for every client, one center for every client.
     */
    private record Shape(boolean drift, boolean oneLocalStep, boolean sharedCurvature, boolean sharedCenter) {}

    @Override
    public Gen<Instance> instances(Regime r) {
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
                        in -> !drift || differs(in.clients()));
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

    /** The fixed point of the FedAvg map, coordinate by coordinate. */
    static double[] fixedPoint(Instance in) {
        DiagonalQuadraticSum f = in.clients();
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
        DiagonalQuadraticSum f = in.clients();
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
        DiagonalQuadraticSum f = in.clients();
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
        double drift = Vec.dist(fp, xs);
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
        return b.build(Evaluation.Ending.COMPLETED, "completed", -1, series);
    }

    /**
     * Runs FedAvg and checks ||x_t - x_fp|| &lt;= sqrt(sum_j abar_j^(2t) (x_0 - x_fp)_j^2) at every
     * round: in exact arithmetic an equality (the map is diagonal with contraction abar_j), so the
     * computed fixed point is what the implementation converges to. Stops when the bound has
     * contracted by 1e-9 or after MAX_ROUNDS rounds.
     */
    private void roundsCheck(Instance in, double[] fp, Evaluation.Builder b, List<Double> obs, List<Double> bnd) {
        DiagonalQuadraticSum f = in.clients();
        int d = f.dimension();
        double[] abar = contraction(in);
        double rho = 0;
        for (double a : abar) {
            rho = Math.max(rho, a);
        }
        double[] e0 = Vec.minus(in.x0(), fp);
        double e0n = Vec.norm(e0);
        double cMax = 0;
        for (int k = 0; k < f.n(); k++) {
            for (int j = 0; j < d; j++) {
                cMax = Math.max(cMax, Math.abs(f.center(k, j)));
            }
        }
        FedAvg method = new FedAvg(in.eta(), in.localSteps());
        FiniteSumIndexOracle oracle = FiniteSumIndexOracle.uniform(f, 0);
        FedAvg.State s = method.init(in.x0());
        double[] pw = new double[d];
        Arrays.fill(pw, 1);
        // Rounding: each round adds about E K ulps of (|x| + |c|), and earlier errors are contracted
        // (never amplified: 0 <= abar_j < 1), so the accumulated error is at most min(t, 1/(1 - rho))
        // rounds' worth; the fixed point's own rounding adds its scale.
        double memory = rho < 1 ? 1 / (1 - rho) : Double.POSITIVE_INFINITY;
        for (int t = 1; t <= MAX_ROUNDS; t++) {
            double xPrev = Vec.norm(s.x());
            s = method.step(s, oracle);
            double sq = 0;
            for (int j = 0; j < d; j++) {
                pw[j] *= abar[j];
                double v = pw[j] * e0[j];
                sq += v * v;
            }
            double bound = Math.sqrt(sq) * (1 - tighten());
            double observed = Vec.dist(s.x(), fp);
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
                        .add(Vec.dist(fixedPoint(in), in.clients().minimizer()));
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
        return List.of("E = " + in.localSteps(), "K = " + in.clients().n(), in.localSteps() >= 4 ? "E >= 4" : "E < 4");
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        return Cases.is(r, "one-local-step") ? List.of() : List.of(new Property.Coverage("E >= 4", 10));
    }
}
