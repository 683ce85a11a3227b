package io.optcheck.theory.sgd;

import static io.optcheck.theory.Assumptions.BOUNDED_BELOW;
import static io.optcheck.theory.Assumptions.BOUNDED_NOISE_VARIANCE;
import static io.optcheck.theory.Assumptions.L_SMOOTH;
import static io.optcheck.theory.Assumptions.STEP_LE_1_OVER_L;
import static io.optcheck.theory.Assumptions.UNBIASED_GRADIENT;

import io.optcheck.method.StochasticGradientDescent;
import io.optcheck.oracle.NoisyOracle;
import io.optcheck.problem.NonconvexProblems;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Ripple;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.result.Expected;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.Vec;
import io.optcheck.theory.stat.ExpectationCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
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

    private static final List<String> ALL = List.of(L_SMOOTH, BOUNDED_BELOW, UNBIASED_GRADIENT,
        BOUNDED_NOISE_VARIANCE, STEP_LE_1_OVER_L);

    public SgdNonconvex() {
        this(false, ExpectationCheck.empiricalBernstein(RUNS, 100, CHECKPOINTS.length));
    }

    private SgdNonconvex(boolean planted, ExpectationCheck test) {
        super(planted, test, CHECKPOINTS);
    }

    @Override
    protected SgdNonconvex copy(boolean planted, ExpectationCheck test) {
        return new SgdNonconvex(planted, test);
    }

    private final List<Regime> regimes = List.of(
        new Regime("holds", "average-gradient", Expected.HOLDS, ALL, null,
            "rippled quadratics, Gaussian noise sigma^2 = d s^2, eta in (0, 1/L]: the average E||grad f||^2 "
            + "within the bound at T = 1, 2, 4, 8, 16", null));

    @Override
    public String id() {
        return "sgd.nonconvex";
    }

    @Override
    public String methodId() {
        return "sgd";
    }

    @Override
    public List<String> assumptions() {
        return ALL;
    }

    @Override
    public List<Regime> regimes() {
        return regimes;
    }

    @Override
    public Gen<NonconvexInstance> instances(Regime r) {
        Gen<Double> h = Gens.doubles(0, 1).withSpecials(1.0).knob("eta L").filter("h > 0", v -> v > 0);
        Gen<Double> s = Gens.doubles(0, 3).withSpecials(0.0, 1.0).knob("s");
        return NonconvexProblems.ripples().flatMap(f -> Gens.combine(Problems.points(f.dimension(), 3), h, s)
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
        double[][] samples = test.sample(in.key(), salt, m, (seed, out) -> {
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
        double[] bounds = new double[m];
        for (int c = 0; c < m; c++) {
            bounds[c] = bound(in, CHECKPOINTS[c]);
        }
        // Rounding of the squared gradient norms and of the bound's terms.
        return decide(in, r, track, "(1/T) sum_{t<T} E||grad f(x_t)||^2", "T", "mean average ||grad f||^2",
            samples, bounds, (c, xMean, bound) -> Tolerance.of((Double.isFinite(xMean) ? xMean : 0) + bound
                + 2 * (Math.abs(in.f().value(in.x0())) + Math.abs(in.fLow())) / (eta * CHECKPOINTS[c]), d));
    }

    @Override
    public Map<String, Object> describe(NonconvexInstance in) {
        return in.describe();
    }

    @Override
    public OptionalDouble tightReference(String conclusion) {
        // Equality in the limit s -> 0 on (L/2) x^2 at eta = 1/L and T = 1.
        return OptionalDouble.of(1.0);
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
    public List<io.optcheck.prop.Property.Coverage> coverage(Regime r) {
        return List.of(new io.optcheck.prop.Property.Coverage("non-convex", 20),
            new io.optcheck.prop.Property.Coverage("eta = 1/L", 1));
    }
}
