package io.optcheck.theory.sgd;

import io.optcheck.method.StochasticGradientDescent;
import io.optcheck.oracle.NoisyOracle;
import io.optcheck.problem.CenteredHuberSum;
import io.optcheck.problem.HuberProblems;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.stat.ExpectationCheck;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.Well512a;

/**
 * sgd.polyak-averaging (Nemirovski, Juditsky, Lan &amp; Shapiro 2009, eq. (2.18)-(2.20); Nesterov,
 * Lectures on Convex Optimization, sec. 3.2): for convex f, E||g_t||^2 &lt;= G^2,
 * ||x0 - x*|| &lt;= R and steps eta_t, the step-weighted average
 * x_bar_T = sum_{t&lt;T} eta_t x_t / sum_{t&lt;T} eta_t satisfies
 * E[f(x_bar_T)] - f* &lt;= (R^2 + G^2 sum_{t&lt;T} eta_t^2)/(2 sum_{t&lt;T} eta_t).
 *
 * <p>Checked in expectation at T = 1, 2, 4, 8, 16 over R = {@value #RUNS} seeded runs
 * ({@link ExpectationCheck}) on convex Huber sums without quadratic part, where G is certified
 * (see {@link PolyakInstance}). The checker recomputes eta_t from the schedule and x_bar_T from
 * the iterates. Tight instance: one Huber term of slope G and small kink delta (close to G|x|),
 * s = 0, eta = R/G at T = 1: f(x0) - f* = G (R - delta/2) against the bound G R. No breaking
 * regime (THEOREMS.md: "Breaks when: -").
 */
public final class PolyakAveraging extends CheckpointTheorem<PolyakInstance, PolyakAveraging> {

    public static final int RUNS = 4000;

    static final int[] CHECKPOINTS = {1, 2, 4, 8, 16};

    /** The theorem as its spec declares it. */
    public PolyakAveraging() {
        super("sgd.polyak-averaging", ExpectationCheck.empiricalBernstein(RUNS, 100, CHECKPOINTS.length), CHECKPOINTS);
    }

    @Override
    public Gen<PolyakInstance> instances(Regime r) {
        // The spec's one regime, named so that a regime added to the spec without code is a load error.
        return Cases.<Gen<PolyakInstance>>on(r).when("holds", () -> holds()).get();
    }

    private static Gen<PolyakInstance> holds() {
        Gen<CenteredHuberSum> fs = HuberProblems.huberSums().filter("q = 0 (f Lipschitz)", f -> f.q() == 0);
        Gen<Double> h = Gens.logDoubles(0.01, 10).withSpecials(1.0).knob("step scale h");
        Gen<Double> p = Gens.doubles(0, 1).withSpecials(0.0, 0.5, 1.0).knob("decay p");
        Gen<Double> s = Gens.doubles(0, 3).withSpecials(0.0, 1.0).knob("s");
        return fs.flatMap(f -> Gens.combine(HuberProblems.starts(f), h, p, s)
                .as((x0, hv, pv, sv) -> new PolyakInstance(f, x0, hv, pv, sv)));
    }

    @Override
    Run evaluate(PolyakInstance in, Regime r, long salt, boolean track) {
        CenteredHuberSum f = in.f();
        int d = in.d();
        int m = CHECKPOINTS.length;
        int steps = CHECKPOINTS[m - 1];
        double[] eta = new double[steps];
        double[] sumEta = new double[steps + 1];
        double[] sumEta2 = new double[steps + 1];
        for (int t = 0; t < steps; t++) {
            eta[t] = in.eta(t);
            sumEta[t + 1] = sumEta[t] + eta[t];
            sumEta2[t + 1] = sumEta2[t] + eta[t] * eta[t];
        }
        double fStar = in.fStar();
        // The method's step schedule a/(t + b)^p with b = 1 is the instance's eta_t.
        StochasticGradientDescent sgd = new StochasticGradientDescent(in.a(), 1, in.p());
        double[][] samples = test().sample(in.key(), salt, 2 * m, (seed, out) -> {
            NoisyOracle oracle = new NoisyOracle(f, NoisyOracle.gaussian(in.s()), new Well512a(seed));
            StochasticGradientDescent.State st = sgd.init(in.x0());
            double[] wsum = new double[d];
            double xNorms = 0;
            int c = 0;
            for (int t = 0; t < steps && c < m; t++) {
                double[] x = st.x();
                for (int i = 0; i < d; i++) {
                    wsum[i] += eta[t] * x[i];
                }
                xNorms += eta[t] * Vectors.norm(x);
                if (t + 1 == CHECKPOINTS[c]) {
                    double[] avg = new double[d];
                    for (int i = 0; i < d; i++) {
                        avg[i] = wsum[i] / sumEta[t + 1];
                    }
                    double v = f.value(avg) - fStar;
                    out[c] = Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
                    // Rounding of x_bar (a weighted sum of iterates) moves f by up to G times it.
                    out[m + c] = f.gradientScale(avg) * xNorms / sumEta[t + 1] + Math.abs(f.value(avg));
                    c++;
                }
                if (c < m) {
                    st = sgd.step(st, oracle);
                }
            }
        });
        double[] bounds = bounds(t -> (in.r2() + in.g2() * sumEta2[t]) / (2 * sumEta[t]));
        return decide(
                in, r, track, "E[f(x_bar_T)] - f*", "T", "mean f(x_bar_T) - f*", samples, bounds, (c, xMean, bound) -> {
                    double scale = mean(samples[m + c]);
                    return Tolerance.of(
                            (Double.isFinite(scale) ? scale : 0)
                                    + Math.abs(fStar)
                                    + bound
                                    + (Double.isFinite(xMean) ? xMean : 0),
                            d);
                });
    }

    @Override
    public List<String> labels(PolyakInstance in, Regime r) {
        List<String> l = new ArrayList<>();
        l.add("dim " + in.d());
        l.add(in.p() == 0 ? "constant step" : "decaying step");
        if (in.s() == 0) {
            l.add("no noise");
        }
        return l;
    }
}
