package io.optcheck.theory.vr;

import io.optcheck.method.Method;
import io.optcheck.method.MethodState;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.FiniteSumIndexOracle;
import io.optcheck.problem.CertifiedSum;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.Vec;
import io.optcheck.theory.stat.ExpectationCheck;
import io.optcheck.theory.stat.FalseAlarmBudget;
import io.optcheck.theory.stat.MeanBound;
import io.optcheck.theory.stat.Seeds;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rates of vr.svrg and vr.saga checked on the method ITSELF: R seeded runs through the
 * {@link Runner} with a uniform index oracle, the quantity recorded at a few checkpoint steps, and
 * at each checkpoint the one-sided test E[quantity] &lt;= bound of {@link ExpectationCheck}
 * (truncated mean, empirical Bernstein, alpha from the catalog's false-alarm budget). This is how
 * a user's SVRG or SAGA, whose inner workings optcheck cannot propagate exactly, is held to the
 * rate; the built-in methods run the same check, beside the exact moment propagation of their own
 * updates.
 */
final class SampledRate {

    private SampledRate() {}

    /** R, the seeded runs per instance. */
    static final int RUNS = 600;

    /**
     * The truncation: samples are capped at twice the bound. Any cap keeps the test valid; a low one
     * keeps the empirical-Bernstein range term 7 cap ln(2/alpha)/(3(R - 1)) small at R = 600 (0.2 of
     * the bound at alpha = 1e-11), so a method whose mean sits at the bound, or a violation that
     * puts most runs above twice the bound (a stale snapshot or table), is proven.
     */
    static final double TRUNCATION = 2;

    /** The test of a lone regime run (the runner hands each regime its share of the budget). */
    static ExpectationCheck defaultTest(int checkpoints) {
        return new ExpectationCheck(
                MeanBound.Test.EMPIRICAL_BERNSTEIN, RUNS, TRUNCATION, FalseAlarmBudget.perTest(20, checkpoints, 0));
    }

    /** The quantity of one run at an iterate: f(x) - f* (SVRG's snapshots) or ||x - x*||^2 (SAGA). */
    enum Quantity {
        GAP("f(x) - f*"),
        DISTANCE_SQUARED("||x - x*||^2");

        final String label;

        Quantity(String label) {
            this.label = label;
        }

        double at(CertifiedSum f, double[] x, double[] xs) {
            if (this == DISTANCE_SQUARED) {
                double e = Vec.dist(x, xs);
                return e * e;
            }
            // (1/n) sum_i of the Bregman terms between x and x*: no cancellation
            double s = 0;
            for (int i = 0; i < f.n(); i++) {
                s += f.bregman(i, x, xs);
            }
            return s / f.n();
        }
    }

    /**
     * Runs {@code method} R times from x0 (run r on indices seeded by {@code Seeds.of(key,
     * Seeds.SEARCH, r)}), records the quantity at each checkpoint step, and tests E[quantity] &lt;=
     * bounds[c] at each, stopping at the first proven violation.
     *
     * @param what the check's quantity for the report, e.g. "E[f(x~_s) - f*] vs a^s (f(x~_0) - f*)"
     * @param steps the checkpoint steps, ascending, &gt;= 1
     * @param labels the checkpoints as the report's axis (epochs s, or steps t)
     * @param xStarScale the scale of x* with its uncertainty ({@link SagaTheorem#xStarScale})
     */
    static <S extends MethodState> Evaluation check(
            Method<S> method,
            CertifiedSum f,
            double[] x0,
            Quantity q,
            int[] steps,
            double[] labels,
            double[] bounds,
            double xStarScale,
            ExpectationCheck test,
            long key,
            String what) {
        double[] xs = f.minimizer();
        int last = steps[steps.length - 1];
        double[][] samples = new double[steps.length][test.runs()];
        for (int r = 0; r < test.runs(); r++) {
            int run = r;
            int[] next = {0};
            FiniteSumIndexOracle oracle = FiniteSumIndexOracle.uniform(f, Seeds.of(key, Seeds.SEARCH, r));
            Trajectory tr = Runner.stream(method, oracle, x0, last, (t, prev, cur) -> {
                if (t == steps[next[0]]) {
                    double v = q.at(f, cur, xs);
                    samples[next[0]][run] = Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
                    next[0]++;
                }
                return next[0] == steps.length;
            });
            if (tr.ending() instanceof Trajectory.Failed fl) {
                return ended(
                        Evaluation.Ending.ERROR, "run " + r + " of " + test.runs() + ": " + fl.message(), fl.step());
            }
            if (tr.ending() instanceof Trajectory.Refused rf) {
                return ended(Evaluation.Ending.REFUSED, "run " + r + ": " + rf.reason(), rf.step());
            }
            for (int c = next[0]; c < steps.length; c++) {
                // the run ended before the checkpoint (non-finite iterate): it counts as unbounded
                samples[c][r] = Double.POSITIVE_INFINITY;
            }
        }
        Evaluation.Builder b = new Evaluation.Builder();
        double[] means = new double[steps.length];
        int shown = 0;
        for (int c = 0; c < steps.length; c++) {
            double mean = Arrays.stream(samples[c]).average().orElse(Double.NaN);
            means[c] = mean;
            shown = c + 1;
            double finite = Double.isFinite(mean) ? mean : 0;
            // the quantities are read from the rounded x*: 8 n ||x*|| sqrt(2 q) covers it (as the exact checks)
            double scale = finite + bounds[c] + 8 * f.n() * xStarScale * Math.sqrt(2 * finite);
            ExpectationCheck.Decision dec = test.atMost(
                    what + " (" + test.runs() + " seeded runs of the method)",
                    steps[c],
                    samples[c],
                    bounds[c],
                    Tolerance.of(scale, f.dimension()));
            if (b.add(dec.check())) {
                break;
            }
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("checkpoint", Arrays.copyOf(labels, shown));
        series.put("sample mean of " + q.label, Arrays.copyOf(means, shown));
        series.put("bound", Arrays.copyOf(bounds, shown));
        return b.completed(series);
    }

    private static Evaluation ended(Evaluation.Ending ending, String message, int step) {
        return new Evaluation.Builder().build(ending, message, step, Map.of());
    }
}
