package io.optcheck.oracle;

import io.optcheck.api.ExampleGradients;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.Num;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.hipparchus.random.RandomGenerator;

/**
 * The minibatch estimator g_B = (1/B) sum_{i in B} grad f_i over the examples [from, to),
 * B drawn uniformly WITH replacement (i.i.d. indices) or WITHOUT replacement (a uniform
 * B-subset). Bottou, Curtis &amp; Nocedal 2018, sec. 4 (eq. 4.2); Robbins &amp; Monro 1951.
 * Enumeration lists subsets, or multisets with their multinomial weights (not m^B sequences).
 */
public final class UniformMinibatch implements BatchEstimator {

    private final int b;
    private final boolean replacement;
    private final int from;
    private final int to;

    /**
     * @param b batch size, 1 &lt;= b, and b &lt;= to - from without replacement
     * @param from first example index of the range (a shard)
     * @param to one past the last
     */
    public UniformMinibatch(int b, boolean replacement, int from, int to) {
        if (from < 0 || to <= from || b < 1 || (!replacement && b > to - from)) {
            throw new IllegalArgumentException("bad minibatch: b = " + b + ", range [" + from + ", " + to + ")");
        }
        this.b = b;
        this.replacement = replacement;
        this.from = from;
        this.to = to;
    }

    public int batchSize() {
        return b;
    }

    public boolean replacement() {
        return replacement;
    }

    @Override
    public void enumerate(ExampleGradients g, Outcomes visitor) {
        int m = to - from;
        int d = g.dimension();
        double[] est = new double[d];
        if (replacement) {
            double mb = Math.pow(m, b);
            for (Enumeration.Multiset ms : Enumeration.multisets(m, b)) {
                ExampleRows.multisetMean(g, from, ms.counts(), b, est);
                visitor.accept(ms.multinomial().doubleValue() / mb, est);
            }
        } else {
            List<int[]> subsets = Enumeration.subsets(m, b);
            double p = 1.0 / subsets.size();
            for (int[] s : subsets) {
                Arrays.fill(est, 0);
                for (int i : s) {
                    ExampleRows.addRow(g, from + i, est);
                }
                ExampleRows.divide(g, est, b);
                visitor.accept(p, est);
            }
        }
    }

    /**
     * The same outcomes in decimal arithmetic, for the recheck of a marginal result: each batch's
     * probability and real-number mean (1/b) sum_i g_i of the example gradients as stored, to
     * {@link HighPrecision#MC}.
     */
    public void enumerateExact(ExampleGradients g, BiConsumer<BigDecimal, BigDecimal[]> visitor) {
        int m = to - from;
        int d = g.dimension();
        BigDecimal bb = BigDecimal.valueOf(b);
        if (replacement) {
            BigDecimal mb = BigDecimal.valueOf(m).pow(b);
            for (Enumeration.Multiset ms : Enumeration.multisets(m, b)) {
                BigDecimal[] est = new BigDecimal[d];
                for (int j = 0; j < d; j++) {
                    BigDecimal s = BigDecimal.ZERO;
                    for (int i = 0; i < m; i++) {
                        int c = ms.counts()[i];
                        if (c > 0) {
                            s = s.add(BigDecimal.valueOf(c).multiply(new BigDecimal(g.get(from + i, j))));
                        }
                    }
                    est[j] = s.divide(bb, HighPrecision.MC);
                }
                visitor.accept(new BigDecimal(ms.multinomial()).divide(mb, HighPrecision.MC), est);
            }
        } else {
            List<int[]> subsets = Enumeration.subsets(m, b);
            BigDecimal p = BigDecimal.ONE.divide(BigDecimal.valueOf(subsets.size()), HighPrecision.MC);
            for (int[] sub : subsets) {
                BigDecimal[] est = new BigDecimal[d];
                for (int j = 0; j < d; j++) {
                    BigDecimal s = BigDecimal.ZERO;
                    for (int i : sub) {
                        s = s.add(new BigDecimal(g.get(from + i, j)));
                    }
                    est[j] = s.divide(bb, HighPrecision.MC);
                }
                visitor.accept(p, est);
            }
        }
    }

    @Override
    public void draw(ExampleGradients g, RandomGenerator rng, double[] out) {
        int m = to - from;
        Arrays.fill(out, 0);
        int[] perm = new int[m];
        for (int i = 0; i < m; i++) {
            perm[i] = i;
        }
        for (int k = 0; k < b; k++) {
            int i;
            if (replacement) {
                i = rng.nextInt(m);
            } else {
                // partial Fisher-Yates: a uniform b-subset
                int r = k + rng.nextInt(m - k);
                int t = perm[k];
                perm[k] = perm[r];
                perm[r] = t;
                i = perm[k];
            }
            ExampleRows.addRow(g, from + i, out);
        }
        ExampleRows.divide(g, out, b);
    }

    @Override
    public String describe() {
        return "uniform B = " + b + (replacement ? " with" : " without") + " replacement over examples " + from + ".."
                + (to - 1);
    }

    static String fmt(double[] v) {
        return Num.fmt(v);
    }
}
