package io.optcheck.oracle;

import io.optcheck.api.ExampleGradients;
import io.optcheck.problem.FiniteSum;

/**
 * Stale gradients (asynchronous SGD, Recht et al. 2011; Lian et al. 2015): the per-example
 * gradients are evaluated at an OLDER point x_stale = x + delta instead of at the current x.
 * Averaging them estimates grad f(x_stale), a biased estimate of grad f(x) unless
 * grad f(x + delta) = grad f(x).
 */
public final class StaleGradients {

    private StaleGradients() {}

    /** grad f_i(x + delta), i = 0..n-1. */
    public static ExampleGradients at(FiniteSum f, double[] x, double[] delta) {
        if (delta.length != x.length) {
            throw new IllegalArgumentException("delta has length " + delta.length + ", x has " + x.length);
        }
        double[] old = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            old[j] = x[j] + delta[j];
        }
        return ExampleRows.at(f, old);
    }
}
