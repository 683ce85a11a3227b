package io.optcheck.theory.sgd;

import io.optcheck.api.ExampleGradients;
import io.optcheck.api.Sampling;
import io.optcheck.api.SelfRandomEstimator;
import io.optcheck.oracle.EstimatorChoiceTree;
import io.optcheck.oracle.ExampleRows;
import io.optcheck.problem.Num;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.result.StatisticalTest;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.stat.FalseAlarmBudget;
import io.optcheck.theory.stat.MeanBound;
import io.optcheck.theory.stat.StatisticalTheorem;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * sgd.unbiased-minibatch checked STATISTICALLY on an estimator with its own randomness
 * ({@link SelfRandomEstimator}), which optcheck cannot enumerate.
 *
 * <p>Per instance: R = {@value #RUNS} calls with seeds SplitMix64(seed, r). A uniform batch mean
 * lies in [lo_j, hi_j] = [min_i g_ij, max_i g_ij] in every coordinate, so that range is known
 * without truncation; an estimate outside it (beyond tolerance) is itself a violation of the
 * declared sampling, checked deterministically. Then, for every coordinate with hi_j &gt; lo_j, four
 * one-sided tests at alpha each: the lower Hoeffding and empirical-Bernstein bounds on E[g]_j must
 * not exceed grad f(x)_j, and the upper ones must not fall below it ({@link MeanBound}). Each of
 * these 4d tests runs at alpha and {@link #testsPerEvaluation} counts all of them, so the union
 * bound over both inequalities and both sides is inside the budget. A
 * bias |E[g]_j - grad f_j| above twice the Hoeffding width is caught with probability at least
 * 1 - alpha. alpha is the runner's share of the catalog's budget ({@link FalseAlarmBudget}).
 */
final class SelfRandomUnbiased extends EstimatorTheorem implements StatisticalTheorem<EstimatorInstance> {

    /** Calls per instance. */
    static final int RUNS = 2000;

    /** Tests per evaluation at most: 2 sides x 2 inequalities x d, d &lt;= MAX_D. */
    static final int TESTS = 4 * EstimatorInstance.MAX_D;

    private final SelfRandomEstimator estimator;
    private double alpha = FalseAlarmBudget.perTest(1000, TESTS, 0);
    private long seed;

    SelfRandomUnbiased(SelfRandomEstimator estimator, long seed) {
        super("sgd.unbiased-minibatch", estimator.id(), estimator.sampling(), estimator.batchSize(), "statistical");
        if (estimator.sampling() == Sampling.IMPORTANCE) {
            throw new IllegalArgumentException(
                    "the statistical check of " + estimator.id() + " needs a uniform sampling:"
                            + " importance-sampled estimates are not confined to the range of the per-example gradients");
        }
        this.estimator = estimator;
        this.seed = seed;
    }

    @Override
    protected boolean keeps(Regime r) {
        return Cases.is(r, "holds");
    }

    @Override
    protected Regime statedFor(Regime r) {
        return restated(
                r,
                r.assumptions(),
                "declared " + sampling() + ", B = " + batchSize()
                        + ", own randomness: E[estimate] = grad f(x), tested statistically (" + RUNS
                        + " calls per instance)");
    }

    @Override
    public int testsPerEvaluation(Regime regime) {
        return TESTS;
    }

    @Override
    public double alpha() {
        return alpha;
    }

    @Override
    public SelfRandomUnbiased withAlpha(double alphaPerTest) {
        SelfRandomUnbiased c = copy();
        c.alpha = alphaPerTest;
        return c;
    }

    /** The same check with its calls seeded from {@code s}. */
    SelfRandomUnbiased withSeed(long s) {
        SelfRandomUnbiased c = copy();
        c.seed = s;
        return c;
    }

    // withTightenedBounds compares E[g] with (1 + eps) grad f(x). A statistical test cannot resolve
    // eps = 1e-3 with R calls; its power is shown against planted biases instead (see the spec).

    @Override
    public Gen<EstimatorInstance> instances(Regime r) {
        int lo = EstimatorInstance.minN(sampling(), batchSize());
        return EstimatorInstance.instances(lo, lo + 4);
    }

    static long callSeed(long seed, long r) {
        long z = seed * 0x9E3779B97F4A7C15L + r + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The R estimates of an instance, samples[j][r]. */
    double[][] samples(ExampleGradients g) {
        int d = g.dimension();
        double[][] s = new double[d][RUNS];
        for (int r = 0; r < RUNS; r++) {
            long cs = callSeed(seed, r);
            double[] est;
            try {
                est = estimator.estimate(g, cs);
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                throw new EstimatorChoiceTree.EstimatorFailure(where(g, r, cs) + " threw " + e, r + 1, e);
            }
            final int call = r;
            est = EstimatorChoiceTree.validated(est, g, () -> where(g, call, cs), r + 1);
            for (int j = 0; j < d; j++) {
                s[j][r] = est[j];
            }
        }
        return s;
    }

    private String where(ExampleGradients g, int r, long cs) {
        return String.format(
                Locale.ROOT,
                "estimator %s (declared %s, B = %d, own randomness) on n = %d " + "examples, d = %d: call %d (seed %d)",
                estimator.id(),
                estimator.sampling(),
                estimator.batchSize(),
                g.n(),
                g.dimension(),
                r + 1,
                cs);
    }

    /**
     * A statistical violation is confirmed on fresh seeds before it counts (the design rules'
     * recheck): it is reported only when the rerun with seeds from SplitMix64(seed, -1) also
     * violates. This can only lower the false-alarm rate; the power figures in the spec include it.
     * A range violation is deterministic and needs no confirmation.
     */
    @Override
    public Evaluation evaluate(EstimatorInstance in, Regime r) {
        Evaluation first = evaluateOnce(in);
        if (first.violation() == null || first.violation().quantity().startsWith(RANGE)) {
            return first;
        }
        Evaluation again = withSeed(callSeed(seed, -1)).evaluateOnce(in);
        return again.violation() != null ? first : again;
    }

    private static final String RANGE = "largest distance of an estimate outside";

    private Evaluation evaluateOnce(EstimatorInstance in) {
        ExampleGradients g = in.table();
        double[][] s;
        try {
            s = samples(g);
        } catch (EstimatorChoiceTree.EstimatorFailure e) {
            return EstimatorTheorems.error(e);
        }
        int d = g.dimension();
        double[] full = in.f().gradient(in.x());
        // An estimate is a mean of table rows, the target a mean of the recomputed gradients.
        double tol = Tolerance.of(g.maxAbs() + ExampleRows.at(in.f(), in.x()).maxAbs(), d);
        Evaluation.Builder b = new Evaluation.Builder();
        double[] meanMinusGrad = new double[d];
        double outside = 0;
        double[] lo = new double[d];
        double[] hi = new double[d];
        for (int j = 0; j < d; j++) {
            lo[j] = Double.POSITIVE_INFINITY;
            hi[j] = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < g.n(); i++) {
                lo[j] = Math.min(lo[j], g.get(i, j));
                hi[j] = Math.max(hi[j], g.get(i, j));
            }
            double sum = 0;
            for (double v : s[j]) {
                outside = Math.max(outside, Math.max(lo[j] - v, v - hi[j]));
                sum += v;
            }
            meanMinusGrad[j] = sum / RUNS - full[j];
        }
        Map<String, double[]> series = Map.of("mean estimate - grad f", meanMinusGrad);
        if (b.add(Check.atMost(RANGE + " [min_i g_ij, max_i g_ij] (a batch mean lies inside)", 1, outside, 0, tol))) {
            return b.completed(series);
        }
        for (int j = 0; j < d; j++) {
            if (!(hi[j] - lo[j] > tol)) {
                continue; // every estimate equals grad f_j up to tol: decided by the range check
            }
            double target = (1 + tighten()) * full[j];
            for (MeanBound.Test t : MeanBound.Test.values()) {
                MeanBound mb = MeanBound.of(t, s[j], lo[j], hi[j], alpha);
                String what = String.format(
                        Locale.ROOT,
                        "%s bound on E[estimate]_%d - grad f(x)_%d (R = %d, alpha = %.3g,"
                                + " sample mean - grad f = %.6g)",
                        "%s",
                        j,
                        j,
                        RUNS,
                        alpha,
                        mb.mean() - full[j]);
                if (b.add(Check.atMost(
                                String.format(Locale.ROOT, what, "lower " + t.id()), 1, mb.lower() - target, 0, tol))
                        || b.add(Check.atLeast(
                                String.format(Locale.ROOT, what, "upper " + t.id()), 1, mb.upper() - target, 0, tol))) {
                    return b.completed(series);
                }
            }
        }
        return b.completed(series);
    }

    @Override
    public StatisticalTest statistics(Regime regime, int tries, long runSeed) {
        return new StatisticalTest(
                "hoeffding and empirical-bernstein, one-sided, per coordinate and side", alpha, RUNS, seed);
    }

    @Override
    public Map<String, Object> describe(EstimatorInstance in) {
        // The bias first: the one-line summary of a counterexample shows the leading fields.
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimator", estimator.id());
        m.put("n", in.n());
        m.put("d", in.d());
        try {
            double[][] s = samples(in.table());
            double[] mean = new double[s.length];
            for (int j = 0; j < s.length; j++) {
                for (double v : s[j]) {
                    mean[j] += v / RUNS;
                }
            }
            m.put(
                    "sample bias (mean - grad f(x))",
                    Num.fmt(Vectors.minus(mean, in.f().gradient(in.x()))));
            m.put("mean of " + RUNS + " estimates", Num.fmt(mean));
        } catch (EstimatorChoiceTree.EstimatorFailure e) {
            m.put("estimates", "not computed: " + e.getMessage());
        }
        m.putAll(declaration());
        m.putAll(in.describe());
        m.put("callSeeds", "SplitMix64(" + seed + ", r), r = 0.." + (RUNS - 1));
        return m;
    }
}
