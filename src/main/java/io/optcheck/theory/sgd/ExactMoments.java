package io.optcheck.theory.sgd;

import io.optcheck.api.ExampleGradients;
import io.optcheck.oracle.BatchEstimator;

/**
 * Exact moments of an estimator by enumerating its outcomes: E[g], and E[(g - c)(g - c)^T]
 * about a given center c. Sums are compensated (Neumaier), so the enumeration itself adds at
 * most about 2 ulps relative to the sum of magnitudes, whatever the number of outcomes.
 */
final class ExactMoments {

    final double[] mean;
    final double[][] second;
    final double totalProbability;
    final long outcomes;
    /** The largest |estimate_j| over all outcomes: the magnitude scale of the mean. */
    final double maxAbs;

    private ExactMoments(double[] mean, double[][] second, double total, long outcomes, double maxAbs) {
        this.maxAbs = maxAbs;
        this.mean = mean;
        this.second = second;
        this.totalProbability = total;
        this.outcomes = outcomes;
    }

    /** Mean only. */
    static ExactMoments mean(BatchEstimator e, ExampleGradients g) {
        return of(e, g, null);
    }

    /** Mean and the second moment about {@code center} (null: no second moment). */
    static ExactMoments of(BatchEstimator e, ExampleGradients g, double[] center) {
        int d = g.dimension();
        double[] s = new double[d];
        double[] cs = new double[d];
        double[][] q = new double[d][d];
        double[][] cq = new double[d][d];
        double[] tot = new double[2];
        long[] count = new long[1];
        double[] maxAbs = new double[1];
        double[] dev = new double[d];
        e.enumerate(g, (p, v) -> {
            count[0]++;
            for (int j = 0; j < d; j++) {
                maxAbs[0] = Math.max(maxAbs[0], Math.abs(v[j]));
            }
            add(tot, 0, 1, p);
            for (int j = 0; j < d; j++) {
                addArr(s, cs, j, p * v[j]);
            }
            if (center != null) {
                for (int j = 0; j < d; j++) {
                    dev[j] = v[j] - center[j];
                }
                for (int j = 0; j < d; j++) {
                    for (int k = 0; k < d; k++) {
                        addArr(q[j], cq[j], k, p * dev[j] * dev[k]);
                    }
                }
            }
        });
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = s[j] + cs[j];
        }
        double[][] sec = null;
        if (center != null) {
            sec = new double[d][d];
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    sec[j][k] = q[j][k] + cq[j][k];
                }
            }
        }
        return new ExactMoments(mean, sec, tot[0] + tot[1], count[0], maxAbs[0]);
    }

    private static void add(double[] acc, int i, int c, double v) {
        double t = acc[i] + v;
        if (Math.abs(acc[i]) >= Math.abs(v)) {
            acc[c] += (acc[i] - t) + v;
        } else {
            acc[c] += (v - t) + acc[i];
        }
        acc[i] = t;
    }

    private static void addArr(double[] sum, double[] comp, int j, double v) {
        double t = sum[j] + v;
        if (Math.abs(sum[j]) >= Math.abs(v)) {
            comp[j] += (sum[j] - t) + v;
        } else {
            comp[j] += (v - t) + sum[j];
        }
        sum[j] = t;
    }
}
