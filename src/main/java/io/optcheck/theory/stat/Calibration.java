package io.optcheck.theory.stat;

import java.util.Locale;
import org.hipparchus.distribution.continuous.BetaDistribution;

/**
 * Binomial summaries for calibration and power measurements: x detections out of n seeds, with
 * the exact (Clopper-Pearson 1934) two-sided interval, computed from beta quantiles.
 *
 * @param n the number of seeds
 * @param x the number that rejected (false alarms, or detections)
 * @param rate x/n
 * @param lower the lower end of the interval
 * @param upper the upper end
 * @param confidence the interval's confidence level
 */
public record Calibration(int n, int x, double rate, double lower, double upper, double confidence) {

    /**
     * @throws IllegalArgumentException for n &lt; 1, x outside [0, n] or confidence outside (0, 1)
     */
    public static Calibration of(int n, int x, double confidence) {
        if (n < 1 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= x <= n and n >= 1, got x = " + x + ", n = " + n);
        }
        // The beta quantiles are undefined at x = 0 or x = n; the exact ends there are 0 and
        // 1 - ((1 - c)/2)^(1/n) (and symmetric at x = n).
        double a = (1 - confidence) / 2;
        double lo;
        double hi;
        if (x == 0) {
            lo = 0;
            hi = 1 - Math.pow(a, 1.0 / n);
        } else if (x == n) {
            lo = Math.pow(a, 1.0 / n);
            hi = 1;
        } else {
            // The exact interval as beta quantiles (Clopper & Pearson 1934).
            lo = new BetaDistribution(x, n - x + 1.0).inverseCumulativeProbability(a);
            hi = new BetaDistribution(x + 1.0, n - x).inverseCumulativeProbability(1 - a);
        }
        return new Calibration(n, x, (double) x / n, lo, hi, confidence);
    }

    /** "x/n = rate [lower, upper]". */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%d/%d = %.4f [%.4f, %.4f] (%.0f%% Clopper-Pearson)",
                x,
                n,
                rate,
                lower,
                upper,
                100 * confidence);
    }
}
