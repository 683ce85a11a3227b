package io.optcheck.theory.stat;

import java.util.Locale;

/**
 * A one-sided confidence bound on the mean of a bounded (or truncated) random variable from R
 * i.i.d. samples, valid at any alpha and under any distribution on [lo, hi]: no normality, so it
 * stays valid at alpha = 1e-9 and for heavy-tailed quantities once they are truncated.
 *
 * <p>How "in expectation" checks use it: to test E[X] &lt;= bound for X &gt;= 0 that may be unbounded,
 * truncate at c &gt; 0. E[min(X, c)] &lt;= E[X], so a LOWER confidence bound on E[min(X, c)] above
 * {@code bound} proves E[X] > bound with false-alarm rate at most alpha, whatever the tail of X.
 * Truncation only costs power, never validity.
 *
 * <ul>
 *   <li>{@link Test#HOEFFDING}: mean -/+ (hi - lo) sqrt(ln(1/alpha)/(2R)) (Hoeffding 1963, Thm 2).</li>
 *   <li>{@link Test#EMPIRICAL_BERNSTEIN}: mean -/+ (sqrt(2 V ln(2/alpha)/R)
 *       + 7 (hi - lo) ln(2/alpha)/(3(R - 1))), V the unbiased sample variance (Maurer &amp; Pontil
 *       2009, Thm 4). Much tighter when the variance is small against (hi - lo)^2.</li>
 * </ul>
 *
 * @param test the inequality used
 * @param alpha the one-sided false-alarm rate
 * @param runs R, the number of samples
 * @param lo the lower end of the support (after truncation)
 * @param hi the upper end of the support (after truncation)
 * @param mean the sample mean
 * @param variance the unbiased sample variance (NaN for R &lt; 2)
 * @param lower the lower confidence bound: P(E[X] &lt; lower) &lt;= alpha
 * @param upper the upper confidence bound: P(E[X] &gt; upper) &lt;= alpha
 */
public record MeanBound(
        Test test,
        double alpha,
        int runs,
        double lo,
        double hi,
        double mean,
        double variance,
        double lower,
        double upper) {

    /** The concentration inequality. */
    public enum Test {
        HOEFFDING("hoeffding"),
        EMPIRICAL_BERNSTEIN("empirical-bernstein");

        private final String id;

        Test(String id) {
            this.id = id;
        }

        /** The id in reports. */
        public String id() {
            return id;
        }
    }

    /**
     * Bounds the mean of {@code samples}, each clamped to [lo, hi] first (clamping a value above
     * hi is the truncation min(X, hi); see the class comment for why that keeps a lower bound
     * valid for the untruncated mean).
     *
     * @throws IllegalArgumentException for fewer than 2 samples, a NaN sample, alpha outside
     *     (0, 1) or lo >= hi (the message names the offending value)
     */
    public static MeanBound of(Test test, double[] samples, double lo, double hi, double alpha) {
        if (samples.length < 2) {
            throw new IllegalArgumentException("need at least 2 samples, got " + samples.length);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("need finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        int r = samples.length;
        double sum = 0;
        for (double s : samples) {
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException("a sample is NaN; a NaN quantity cannot be bounded");
            }
            sum += clamp(s, lo, hi);
        }
        double mean = sum / r;
        double ss = 0;
        for (double s : samples) {
            double d = clamp(s, lo, hi) - mean;
            ss += d * d;
        }
        double var = ss / (r - 1);
        double range = hi - lo;
        double width = switch (test) {
            case HOEFFDING -> range * Math.sqrt(Math.log(1 / alpha) / (2.0 * r));
            case EMPIRICAL_BERNSTEIN ->
                Math.sqrt(2 * var * Math.log(2 / alpha) / r) + 7 * range * Math.log(2 / alpha) / (3.0 * (r - 1));
        };
        return new MeanBound(test, alpha, r, lo, hi, mean, var, Math.max(lo, mean - width), Math.min(hi, mean + width));
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    /** True when the data prove E[X] > bound at level alpha. */
    public boolean exceeds(double bound) {
        return lower > bound;
    }

    /** True when the data prove E[X] &lt; bound at level alpha. */
    public boolean below(double bound) {
        return upper < bound;
    }

    /** A one-line description for reports. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s, alpha = %.3g, R = %d, support [%.6g, %.6g], mean %.6g in [%.6g, %.6g]",
                test.id(),
                alpha,
                runs,
                lo,
                hi,
                mean,
                lower,
                upper);
    }
}
