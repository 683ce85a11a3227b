package io.optcheck.oracle;

import io.optcheck.api.ExampleGradients;
import io.optcheck.problem.FiniteSum;
import java.util.Arrays;

/** The per-example gradients of a finite sum, as the rows an estimator draws from. */
public final class ExampleRows {

    private ExampleRows() {}

    /** The n per-example gradients of {@code f} at {@code x}, row i = grad f_i(x). */
    public static ExampleGradients at(FiniteSum f, double[] x) {
        double[][] g = new double[f.n()][f.dimension()];
        for (int i = 0; i < f.n(); i++) {
            f.exampleGradient(i, x, g[i]);
        }
        return ExampleGradients.of(g);
    }

    /** Adds row i of {@code g} into {@code out}, coordinate by coordinate. */
    static void addRow(ExampleGradients g, int i, double[] out) {
        int d = g.dimension();
        for (int j = 0; j < d; j++) {
            out[j] += g.get(i, j);
        }
    }

    /** Divides the first {@code g.dimension()} coordinates of {@code out} by the batch size b. */
    static void divide(ExampleGradients g, double[] out, int b) {
        int d = g.dimension();
        for (int j = 0; j < d; j++) {
            out[j] /= b;
        }
    }

    /**
     * Writes the batch mean (1/b) sum_i counts[i] g_{from + i} into {@code out}: the estimate of a
     * batch of b examples drawn with replacement, as one multiset of the examples from {@code from}.
     */
    static void multisetMean(ExampleGradients g, int from, int[] counts, int b, double[] out) {
        int d = g.dimension();
        Arrays.fill(out, 0);
        for (int i = 0; i < counts.length; i++) {
            int c = counts[i];
            for (int j = 0; c > 0 && j < d; j++) {
                out[j] += c * g.get(from + i, j);
            }
        }
        divide(g, out, b);
    }
}
