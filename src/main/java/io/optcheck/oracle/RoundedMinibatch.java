package io.optcheck.oracle;

import io.optcheck.api.ExampleGradients;
import io.optcheck.api.Precision;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hipparchus.random.RandomGenerator;

/**
 * The uniform minibatch mean of {@link UniformMinibatch} computed in a low-precision format: the
 * batch's per-example gradients (numbers of the format) are added in ascending index order, each
 * addition rounded to the format, sequentially or pairwise, and the sum is divided by b and rounded.
 * A drawn batch is sorted before it is summed, so {@link #draw} and {@link #enumerate} describe the
 * same estimator.
 */
public final class RoundedMinibatch implements BatchEstimator {

    /** The order of the additions. */
    public enum Order {
        /** ((g_1 + g_2) + g_3) + ...: b - 1 roundings on the path of the first term. */
        SEQUENTIAL,
        /** The two halves summed recursively, then added: ceil(log2 b) roundings on every path. */
        PAIRWISE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final int b;
    private final boolean replacement;
    private final int n;
    private final Precision precision;
    private final Order order;

    /** b examples of [0, n), with or without replacement, summed in {@code precision} in {@code order}. */
    public RoundedMinibatch(int b, boolean replacement, int n, Precision precision, Order order) {
        if (n < 1 || b < 1 || (!replacement && b > n)) {
            throw new IllegalArgumentException("bad minibatch: b = " + b + ", n = " + n);
        }
        this.b = b;
        this.replacement = replacement;
        this.n = n;
        this.precision = precision;
        this.order = order;
    }

    /**
     * The sum of {@code v[from..to)} in the format, in this order. Sequential: b - 1 roundings, so
     * the error is at most gamma_{b-1} sum |v_i|; pairwise: at most gamma_{ceil(log2 b)} sum |v_i|
     * (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., sec. 4.2).
     */
    double sum(double[] v, int from, int to) {
        if (order == Order.SEQUENTIAL) {
            double s = v[from];
            for (int i = from + 1; i < to; i++) {
                s = precision.round(s + v[i]);
            }
            return s;
        }
        if (to - from == 1) {
            return v[from];
        }
        int mid = from + (to - from + 1) / 2;
        return precision.round(sum(v, from, mid) + sum(v, mid, to));
    }

    /** The estimate of the batch {@code indices} (ascending), written to {@code out}. */
    private void mean(ExampleGradients g, int[] indices, double[] column, double[] out) {
        for (int j = 0; j < out.length; j++) {
            for (int k = 0; k < indices.length; k++) {
                column[k] = g.get(indices[k], j);
            }
            out[j] = precision.round(sum(column, 0, indices.length) / b);
        }
    }

    @Override
    public void enumerate(ExampleGradients g, Outcomes visitor) {
        double[] est = new double[g.dimension()];
        double[] column = new double[b];
        int[] batch = new int[b];
        if (replacement) {
            double mb = Math.pow(n, b);
            for (Enumeration.Multiset ms : Enumeration.multisets(n, b)) {
                int k = 0;
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < ms.counts()[i]; c++) {
                        batch[k++] = i;
                    }
                }
                mean(g, batch, column, est);
                visitor.accept(ms.multinomial().doubleValue() / mb, est);
            }
        } else {
            List<int[]> subsets = Enumeration.subsets(n, b);
            double p = 1.0 / subsets.size();
            for (int[] s : subsets) {
                mean(g, s, column, est); // subsets come in ascending order
                visitor.accept(p, est);
            }
        }
    }

    @Override
    public void draw(ExampleGradients g, RandomGenerator rng, double[] out) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int[] batch = new int[b];
        for (int k = 0; k < b; k++) {
            if (replacement) {
                batch[k] = rng.nextInt(n);
            } else {
                // partial Fisher-Yates: a uniform b-subset
                int r = k + rng.nextInt(n - k);
                int t = perm[k];
                perm[k] = perm[r];
                perm[r] = t;
                batch[k] = perm[k];
            }
        }
        Arrays.sort(batch);
        mean(g, batch, new double[b], out);
    }

    @Override
    public String describe() {
        return "uniform B = " + b + (replacement ? " with" : " without") + " replacement over examples 0.." + (n - 1)
                + ", summed " + order.id() + " in ascending index order in " + precision.id();
    }
}
