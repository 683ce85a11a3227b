package io.optcheck.theory.sgd;

import io.optcheck.method.StochasticGradientDescent;
import io.optcheck.oracle.NoisyOracle;
import io.optcheck.problem.NonconvexProblems;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Ripple;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.Vec;
import io.optcheck.theory.stat.ExpectationCheck;
import java.util.ArrayList;
import java.util.List;
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
                double gg = Vec.normSq(g);
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
                        d));
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
