package io.optcheck.theory.sgd;

import io.optcheck.method.StochasticGradientDescent;
import io.optcheck.oracle.NoisyOracle;
import io.optcheck.problem.FieldFormula;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.NonconvexProblems;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Ripple;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.stat.ExpectationCheck;
import io.optcheck.theory.stat.Seeds;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.random.Well512a;

/**
 * sgd.nonconvex (Ghadimi &amp; Lan 2013, Thm 2.1 with constant steps): for L-smooth f &gt;= f_low,
 * unbiased stochastic gradients with E||g - grad f||^2 &lt;= sigma^2 and eta &lt;= 1/L,
 * (1/T) sum_{t&lt;T} E||grad f(x_t)||^2 &lt;= 2 (f(x0) - f_low)/(eta T) + L eta sigma^2.
 *
 * <p>Checked in expectation at T = 1, 2, 4, 8, 16 over R = {@value #RUNS} seeded runs per
 * instance ({@link ExpectationCheck}, empirical Bernstein, truncation 8 x bound) on rippled
 * quadratics (certified L and f_low, non-convex for most draws). The checker recomputes
 * grad f(x_t) from the objective. Tight instance: the quadratic (L/2) x^2 (a = 0, f_low = f* = 0)
 * at eta = 1/L and T = 1, where the left side is L^2 x0^2 and the bound L^2 x0^2 + s^2. No
 * breaking regime (THEOREMS.md: "Breaks when: -").
 */
public final class SgdNonconvex extends CheckpointTheorem<NonconvexInstance, SgdNonconvex> {

    /** Runs per instance: power 1 against bound x 0.8 on the tight instance (see the spec). */
    public static final int RUNS = 4000;

    static final int[] CHECKPOINTS = {1, 2, 4, 8, 16};

    /** The theorem as its spec declares it. */
    public SgdNonconvex() {
        super("sgd.nonconvex", ExpectationCheck.empiricalBernstein(RUNS, 100, CHECKPOINTS.length), CHECKPOINTS);
    }

    @Override
    public Gen<NonconvexInstance> instances(Regime r) {
        // The spec's one regime, named so that a regime added to the spec without code is a load error.
        return Cases.<Gen<NonconvexInstance>>on(r).when("holds", () -> holds()).get();
    }

    private static Gen<NonconvexInstance> holds() {
        Gen<Double> h = Gens.doubles(0, 1).withSpecials(1.0).knob("eta L").filter("h > 0", v -> v > 0);
        Gen<Double> s = Gens.doubles(0, 3).withSpecials(0.0, 1.0).knob("s");
        return NonconvexProblems.ripples()
                .flatMap(f -> Gens.combine(Problems.points(f.dimension(), 3), h, s)
                        .as((x0, hv, sv) -> new NonconvexInstance(f, x0, hv, sv)));
    }

    double bound(NonconvexInstance in, int t) {
        double eta = in.eta();
        return 2 * (in.f().value(in.x0()) - in.fLow()) / (eta * t) + in.l() * eta * in.sigma2();
    }

    @Override
    Run evaluate(NonconvexInstance in, Regime r, long salt, boolean track) {
        Ripple f = in.f();
        int d = in.d();
        double eta = in.eta();
        int m = CHECKPOINTS.length;
        int steps = CHECKPOINTS[m - 1];
        double[][] samples = test().sample(in.key(), salt, m, (seed, out) -> {
            StochasticGradientDescent sgd = StochasticGradientDescent.constant(eta);
            NoisyOracle oracle = new NoisyOracle(f, NoisyOracle.gaussian(in.s()), new Well512a(seed));
            StochasticGradientDescent.State st = sgd.init(in.x0());
            double[] g = new double[d];
            double sum = 0;
            int c = 0;
            for (int t = 0; t < steps && c < m; t++) {
                // The checker's own gradient at x_t, never the oracle's noisy one.
                f.gradient(st.x(), g);
                double gg = Vectors.normSq(g);
                sum += Double.isNaN(gg) ? Double.POSITIVE_INFINITY : gg;
                if (t + 1 == CHECKPOINTS[c]) {
                    out[c] = sum / (t + 1);
                    c++;
                }
                if (c < m) {
                    st = sgd.step(st, oracle);
                }
            }
        });
        double[] bounds = bounds(t -> bound(in, t));
        // Rounding of the squared gradient norms and of the bound's terms.
        return decide(
                in,
                r,
                track,
                "(1/T) sum_{t<T} E||grad f(x_t)||^2",
                "T",
                "mean average ||grad f||^2",
                samples,
                bounds,
                (c, xMean, bound) -> Tolerance.of(
                        (Double.isFinite(xMean) ? xMean : 0)
                                + bound
                                + 2 * (Math.abs(in.f().value(in.x0())) + Math.abs(in.fLow())) / (eta * CHECKPOINTS[c]),
                        d),
                new Exacts() {
                    @Override
                    public boolean holds(int c, boolean planted) {
                        return exactHolds(in, salt, c, planted);
                    }

                    @Override
                    public String precision() {
                        return PRECISION;
                    }
                });
    }

    static final String PRECISION = HighPrecision.DFP_DESCRIPTION
            + ", on the real-number SGD runs from the same start with the same noise draws (one run when the"
            + " quantity is deterministic: no noise, or T = 1), their mean against the bound";

    /**
     * Checkpoint c's comparison in Dfp: the R runs replayed on the real-number update x_t+1 = x_t -
     * eta (grad f(x_t) + xi_t), with xi_t the double draws of the run's seed, and the mean of
     * (1/T) sum_{t<T} ||grad f(x_t)||^2 against the bound (times the planted factor).
     */
    boolean exactHolds(NonconvexInstance in, long salt, int c, boolean planted) {
        int t = CHECKPOINTS[c];
        FieldFormula ff = in.f().fieldFormula();
        int d = in.d();
        // Without noise, or at T = 1 (only x_0 counts), every run's quantity is the same real number.
        int runs = in.s() == 0 || t == 1 ? 1 : test().runs();
        Dfp eta = HighPrecision.dfp(in.eta());
        Dfp sum = HighPrecision.DFP.getZero();
        for (int r = 0; r < runs; r++) {
            Well512a rng = new Well512a(Seeds.of(in.key(), salt, r));
            NoisyOracle.Noise noise = NoisyOracle.gaussian(in.s());
            Dfp[] x = HighPrecision.dfp(in.x0());
            Dfp acc = HighPrecision.DFP.getZero();
            for (int k = 0; k < t; k++) {
                Dfp[] g = HighPrecision.gradient(ff, x);
                acc = acc.add(HighPrecision.normSq(g));
                if (k + 1 < t) {
                    for (int i = 0; i < d; i++) {
                        x[i] = x[i].subtract(eta.multiply(g[i].add(HighPrecision.dfp(noise.draw(rng)))));
                    }
                }
            }
            sum = sum.add(acc.divide(t));
        }
        Dfp mean = sum.divide(runs);
        Dfp f0 = HighPrecision.value(ff, HighPrecision.dfp(in.x0()));
        Dfp bound = f0.subtract(HighPrecision.dfp(in.fLow()))
                .multiply(2)
                .divide(eta.multiply(t))
                .add(HighPrecision.dfp(in.l())
                        .multiply(eta)
                        .multiply(HighPrecision.dfp(in.s()).multiply(HighPrecision.dfp(in.s())))
                        .multiply(d));
        if (planted) {
            bound = bound.multiply(HighPrecision.dfp(PLANTED));
        }
        return HighPrecision.holds(true, mean, bound);
    }

    @Override
    public List<String> labels(NonconvexInstance in, Regime r) {
        List<String> l = new ArrayList<>();
        l.add("dim " + in.d());
        l.add(in.f().certificate().convex().orElse(true) ? "convex" : "non-convex");
        if (in.h() == 1.0) {
            l.add("eta = 1/L");
        }
        return l;
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        return List.of(new Property.Coverage("non-convex", 20), new Property.Coverage("eta = 1/L", 1));
    }
}
