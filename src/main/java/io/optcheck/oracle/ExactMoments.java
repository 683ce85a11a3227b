package io.optcheck.oracle;

import io.optcheck.api.ExampleGradients;
import io.optcheck.problem.HighPrecision;
import java.math.BigDecimal;

/**
 * Exact moments of an estimator by enumerating its outcomes: E[g], and E[(g - c)(g - c)^T]
 * about a given center c. Sums are compensated (Neumaier), so the enumeration itself adds at
 * most about 2 ulps relative to the sum of magnitudes, whatever the number of outcomes.
 */
public final class ExactMoments {

    public final double[] mean;
    public final double[][] second;
    public final double totalProbability;
    public final long outcomes;
    /** The largest |estimate_j| over all outcomes: the magnitude scale of the mean. */
    public final double maxAbs;

    private ExactMoments(double[] mean, double[][] second, double total, long outcomes, double maxAbs) {
        this.maxAbs = maxAbs;
        this.mean = mean;
        this.second = second;
        this.totalProbability = total;
        this.outcomes = outcomes;
    }

    /** Mean only. */
    public static ExactMoments mean(BatchEstimator e, ExampleGradients g) {
        return of(e, g, null);
    }

    /** Mean and the second moment about {@code center} (null: no second moment). */
    public static ExactMoments of(BatchEstimator e, ExampleGradients g, double[] center) {
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
            add(tot, 0, tot, 1, p);
            for (int j = 0; j < d; j++) {
                add(s, j, cs, j, p * v[j]);
            }
            if (center != null) {
                for (int j = 0; j < d; j++) {
                    dev[j] = v[j] - center[j];
                }
                for (int j = 0; j < d; j++) {
                    for (int k = 0; k < d; k++) {
                        add(q[j], k, cq[j], k, p * dev[j] * dev[k]);
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

    /**
     * The same moments of the built-in minibatch sampler in decimal arithmetic, from the
     * real-number batch means ({@link UniformMinibatch#enumerateExact}): the recheck of a marginal
     * result. second[j][k] = E[(g - c)_j (g - c)_k].
     */
    public record Decimal(BigDecimal[] mean, BigDecimal[][] second) {
        /** tr E[(g - c)(g - c)^T]. */
        public BigDecimal trace() {
            BigDecimal t = BigDecimal.ZERO;
            for (int j = 0; j < second.length; j++) {
                t = t.add(second[j][j]);
            }
            return t;
        }
    }

    public static Decimal exact(UniformMinibatch e, ExampleGradients g, BigDecimal[] center) {
        int d = g.dimension();
        BigDecimal[] mean = new BigDecimal[d];
        BigDecimal[][] sec = new BigDecimal[d][d];
        for (int j = 0; j < d; j++) {
            mean[j] = BigDecimal.ZERO;
            for (int k = 0; k < d; k++) {
                sec[j][k] = BigDecimal.ZERO;
            }
        }
        e.enumerateExact(g, (p, v) -> {
            for (int j = 0; j < d; j++) {
                mean[j] = mean[j].add(p.multiply(v[j]), HighPrecision.MC);
                for (int k = 0; k < d; k++) {
                    BigDecimal dev = v[j].subtract(center[j]).multiply(v[k].subtract(center[k]));
                    sec[j][k] = sec[j][k].add(p.multiply(dev), HighPrecision.MC);
                }
            }
        });
        return new Decimal(mean, sec);
    }

    /** The mean of the example gradients (grad f of the finite sum), in decimal arithmetic. */
    public static BigDecimal[] exactFullGradient(ExampleGradients g) {
        int n = g.n();
        int d = g.dimension();
        BigDecimal[] out = new BigDecimal[d];
        for (int j = 0; j < d; j++) {
            BigDecimal s = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                s = s.add(new BigDecimal(g.get(i, j)));
            }
            out[j] = s.divide(BigDecimal.valueOf(n), HighPrecision.MC);
        }
        return out;
    }

    /** Sigma = (1/n) sum_i (g_i - G)(g_i - G)^T about the exact mean G, in decimal arithmetic. */
    static BigDecimal[][] exactCovariance(ExampleGradients g) {
        int n = g.n();
        int d = g.dimension();
        BigDecimal[] full = exactFullGradient(g);
        BigDecimal[][] out = new BigDecimal[d][d];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                BigDecimal s = BigDecimal.ZERO;
                for (int i = 0; i < n; i++) {
                    s = s.add(
                            new BigDecimal(g.get(i, j))
                                    .subtract(full[j])
                                    .multiply(new BigDecimal(g.get(i, k)).subtract(full[k])),
                            HighPrecision.MC);
                }
                out[j][k] = s.divide(BigDecimal.valueOf(n), HighPrecision.MC);
            }
        }
        return out;
    }

    /** tr Sigma, in decimal arithmetic. */
    public static BigDecimal exactTrace(ExampleGradients g) {
        BigDecimal[][] sigma = exactCovariance(g);
        BigDecimal t = BigDecimal.ZERO;
        for (int j = 0; j < sigma.length; j++) {
            t = t.add(sigma[j][j]);
        }
        return t;
    }

    /** How these rechecks evaluate, for the report. */
    public static final String PRECISION = HighPrecision.DECIMAL
            + " on the real-number batch means of the built-in sampler, enumerated exactly, to 1e-250 relative";

    /** Neumaier's compensated step: adds v to sum[i], and the rounding error it made to comp[c]. */
    private static void add(double[] sum, int i, double[] comp, int c, double v) {
        double t = sum[i] + v;
        if (Math.abs(sum[i]) >= Math.abs(v)) {
            comp[c] += (sum[i] - t) + v;
        } else {
            comp[c] += (v - t) + sum[i];
        }
        sum[i] = t;
    }
}
