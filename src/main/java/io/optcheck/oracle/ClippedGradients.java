package io.optcheck.oracle;

import io.optcheck.api.ExampleGradients;

/**
 * Per-example gradient clipping (as in DP-SGD, Abadi et al. 2016): each grad f_i is replaced by
 * grad f_i * min(1, c/||grad f_i||). A minibatch mean of clipped gradients is a BIASED estimate
 * of grad f as soon as one example is clipped and the clipped mass does not cancel. A zero
 * gradient stays zero; NaN norms propagate.
 */
public final class ClippedGradients {

    private ClippedGradients() {}

    /** The table with every row clipped to norm at most c (c &gt; 0). */
    public static ExampleGradients clip(ExampleGradients g, double c) {
        if (!(c > 0)) {
            throw new IllegalArgumentException("clip threshold must be > 0, got " + c);
        }
        double[][] rows = new double[g.n()][];
        for (int i = 0; i < g.n(); i++) {
            double[] r = g.row(i);
            double norm = 0;
            for (double v : r) {
                norm = Math.hypot(norm, v);
            }
            if (norm > c) {
                double s = c / norm;
                for (int j = 0; j < r.length; j++) {
                    r[j] *= s;
                }
            }
            rows[i] = r;
        }
        return ExampleGradients.of(rows);
    }
}
