package io.optcheck.theory.stat;

import io.optcheck.result.StatisticalTest;
import io.optcheck.theory.Check;
import io.optcheck.theory.Tolerance;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one-sided test "E[X] &lt;= bound" for a scalar X &gt;= 0 (for example f(x_k) - f*) from R
 * seeded runs, turned into a {@link Check}. Immutable; {@code with...} return new objects.
 *
 * <p><b>Decision.</b> Each sample is truncated at {@code cap = truncation * bound} and
 * {@link MeanBound} gives a LOWER confidence bound of the truncated mean at level alpha. The check
 * is violated only when that lower bound exceeds {@code bound + tol}. Since
 * E[min(X, cap)] &lt;= E[X], a rejection proves E[X] &gt; bound at false-alarm rate at most alpha,
 * whatever the tail of X (heavy tails included: truncation costs power, never validity). The
 * tolerance is the caller's, from {@link Tolerance} (rounding of the computed X).
 *
 * <p><b>Truncation level.</b> A cap of {@code truncation} times the bound: a violation by a factor
 * 1.25 (the planted bound x 0.8) stays visible in the truncated mean as long as the cap is well
 * above the mean, while the range term of the empirical-Bernstein bound, 7 cap ln(2/alpha)/(3(R-1)),
 * grows with the cap. {@link #DEFAULT_TRUNCATION} = 8 was chosen for a chi-square(1)-shaped X (the
 * tight instance of the constant-step bound, where X/bound ~ chi^2_1): there it loses 1% of the
 * mean and gives power 1 at R = 12000 and alpha down to 1e-12 (see the specs and the calibration
 * benchmark). For a bound of 0 the cap is {@code truncation * tol} (any positive cap is valid).
 *
 * <p><b>Test.</b> {@link MeanBound.Test#EMPIRICAL_BERNSTEIN} by default: its width scales with the
 * sample standard deviation rather than the cap, about 3x narrower than Hoeffding here. Hoeffding
 * can be picked per check ({@link #withTest}).
 *
 * <p><b>Reported numbers.</b> The Check's observed value is the (untruncated) sample mean, its
 * bound the theorem's bound, so its ratio mean/bound is what targeted search climbs. Its verdict
 * is the test's, not observed &lt;= bound: a sample mean slightly above the bound is not a
 * violation unless the lower confidence bound is above it too.
 */
public final class ExpectationCheck {

    /** The default truncation multiple of the bound (see the class comment). */
    public static final double DEFAULT_TRUNCATION = 8;

    /** What one test decided: the Check and the confidence bound behind it. */
    public record Decision(Check check, MeanBound meanBound, double cap) {
        /** True when the test proved E[X] &gt; bound at level alpha. */
        public boolean violated() {
            return !check.ok();
        }

        /**
         * The numbers of this decision as a figure for a result's extra map (used for the
         * fresh-seed recheck of the best instance): mean, bound, ratio, the confidence bounds of
         * the truncated mean, the cap, and whether the test rejected.
         */
        public Map<String, Object> figure() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("quantity", check.quantity());
            m.put("step", check.step());
            m.put("mean", check.observed());
            m.put("bound", check.bound());
            m.put("ratio", check.ratio());
            m.put("truncatedMeanLower", meanBound.lower());
            m.put("truncatedMeanUpper", meanBound.upper());
            m.put("cap", cap);
            m.put("runs", meanBound.runs());
            m.put("alpha", meanBound.alpha());
            m.put("violated", violated());
            return m;
        }

        /** One line for reports. */
        public String describe() {
            return check.describe() + String.format(Locale.ROOT, " [truncated at %.6g; %s]", cap, meanBound.describe());
        }
    }

    private final MeanBound.Test test;
    private final int runs;
    private final double truncation;
    private final double alpha;

    /**
     * @param test the concentration inequality
     * @param runs R, at least 2
     * @param truncation the cap as a multiple of the bound, &gt; 1 and finite
     * @param alpha the false-alarm rate of one test, in (0, 1)
     * @throws IllegalArgumentException otherwise
     */
    public ExpectationCheck(MeanBound.Test test, int runs, double truncation, double alpha) {
        this.test = Objects.requireNonNull(test, "test");
        if (runs < 2) {
            throw new IllegalArgumentException("need R >= 2 runs, got " + runs);
        }
        if (!(truncation > 1) || !Double.isFinite(truncation)) {
            throw new IllegalArgumentException("truncation must be finite and > 1, got " + truncation);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        this.runs = runs;
        this.truncation = truncation;
        this.alpha = alpha;
    }

    /** Empirical Bernstein with the default truncation, at the budget's alpha for a lone regime. */
    public static ExpectationCheck empiricalBernstein(int runs, int tries, int testsPerEvaluation) {
        return new ExpectationCheck(
                MeanBound.Test.EMPIRICAL_BERNSTEIN,
                runs,
                DEFAULT_TRUNCATION,
                FalseAlarmBudget.perTest(tries, testsPerEvaluation, 0));
    }

    public ExpectationCheck withAlpha(double a) {
        return new ExpectationCheck(test, runs, truncation, a);
    }

    public ExpectationCheck withRuns(int r) {
        return new ExpectationCheck(test, r, truncation, alpha);
    }

    public ExpectationCheck withTest(MeanBound.Test t) {
        return new ExpectationCheck(t, runs, truncation, alpha);
    }

    public ExpectationCheck withTruncation(double c) {
        return new ExpectationCheck(test, runs, c, alpha);
    }

    public MeanBound.Test test() {
        return test;
    }

    public int runs() {
        return runs;
    }

    public double truncation() {
        return truncation;
    }

    public double alpha() {
        return alpha;
    }

    /** One seeded run that records one or more quantities (e.g. X at several checkpoints). */
    @FunctionalInterface
    public interface Run {
        /**
         * Runs once with the given seed and writes the quantities into {@code out} (length = the
         * number of quantities). A run that diverges may write +Infinity; NaN is an error.
         */
        void run(long seed, double[] out);
    }

    /**
     * Runs R seeded runs and returns samples[q][r]. Run r uses {@link Seeds#of}(key, salt, r).
     *
     * @param quantities the number of quantities one run records, at least 1
     */
    public double[][] sample(long key, long salt, int quantities, Run run) {
        double[][] samples = new double[quantities][runs];
        double[] out = new double[quantities];
        for (int r = 0; r < runs; r++) {
            Arrays.fill(out, Double.NaN);
            run.run(Seeds.of(key, salt, r), out);
            for (int q = 0; q < quantities; q++) {
                samples[q][r] = out[q];
            }
        }
        return samples;
    }

    /**
     * Tests E[X] &lt;= bound from the samples of X (see the class comment).
     *
     * @param quantity what X is, e.g. "E[f(x_k) - f*]"
     * @param step the checkpoint k (&gt;= 1)
     * @param samples R samples of X; +Infinity allowed (it is truncated), NaN is not
     * @param bound the theorem's bound, &gt;= 0
     * @param tol the rounding tolerance of X from {@link Tolerance}, &gt;= 0
     * @throws IllegalArgumentException for a NaN sample, a negative or NaN bound, or a wrong count
     */
    public Decision atMost(String quantity, int step, double[] samples, double bound, double tol) {
        if (samples.length != runs) {
            throw new IllegalArgumentException("expected " + runs + " samples, got " + samples.length);
        }
        if (!(bound >= 0) || !(tol >= 0)) {
            throw new IllegalArgumentException("need bound >= 0 and tol >= 0, got " + bound + ", " + tol);
        }
        double cap = truncation * (bound > 0 ? bound : Math.max(tol, Double.MIN_NORMAL));
        if (!Double.isFinite(cap)) {
            cap = Double.MAX_VALUE;
        }
        MeanBound mb = MeanBound.of(test, samples, 0, cap, alpha);
        double sum = 0;
        for (double s : samples) {
            sum += s;
        }
        double mean = sum / samples.length;
        boolean ok = !(mb.lower() > bound + tol);
        Check c = new Check(quantity, step, mean, bound, Check.Direction.AT_MOST, tol, false, ok);
        return new Decision(c, mb, cap);
    }

    /** The statistics record of a result (test, alpha per test, R, the regime's seed). */
    public StatisticalTest statistics(long seed) {
        return new StatisticalTest(
                test.id() + " (one-sided lower bound of the mean truncated at " + Num.g(truncation) + " x bound)",
                alpha,
                runs,
                seed);
    }

    /** Locale-independent formatting. */
    static final class Num {
        static String g(double v) {
            return String.format(Locale.ROOT, "%.6g", v);
        }
    }
}
