package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Num;
import io.optcheck.problem.Vectors;

/**
 * Gradient descent with norm clipping: x_{t+1} = x_t - eta clip(g_t, c) with
 * clip(g, c) = g min(1, c/||g||), i.e. a step of effective size eta' = eta min(1, c/||g||)
 * along -g (Zhang, He, Sra and Jadbabaie 2020, "Why gradient clipping accelerates training",
 * Algorithm 1 with the norm clip; Pascanu, Mikolov and Bengio 2013).
 *
 * <p>g_t is whatever the oracle returns (exact or stochastic). A zero gradient gives a zero step.
 * ||g|| is computed with scaling, so it neither overflows nor underflows. Non-finite gradients are
 * not checked here: the runner ends the run at the oracle call. The state is gradient descent's;
 * its reported step size is the effective eta'.
 */
public record ClippedGradientDescent(double eta, double c) implements Method<GradientDescent.State> {

    /**
     * @param eta step size, finite and &gt; 0
     * @param c clipping threshold, &gt; 0; +Infinity means no clipping
     * @throws IllegalArgumentException otherwise
     */
    public ClippedGradientDescent {
        MethodArgs.requirePositiveFinite(eta, "eta");
        if (!(c > 0)) {
            throw new IllegalArgumentException("the clipping threshold c must be > 0, got " + c);
        }
    }

    /** The clipping threshold c. */
    public double threshold() {
        return c;
    }

    /** min(1, c/||g||) for a gradient of norm {@code norm} (1 for a zero gradient). */
    public static double clipFactor(double norm, double c) {
        return norm > c ? c / norm : 1.0;
    }

    @Override
    public String id() {
        return "gd-clipped";
    }

    @Override
    public GradientDescent.State init(double[] x0) {
        MethodArgs.requireStart(x0);
        return new GradientDescent.State(x0, 0, Double.NaN);
    }

    @Override
    public GradientDescent.State step(GradientDescent.State s, GradientOracle oracle) {
        double[] x = s.x();
        double[] g = new double[x.length];
        oracle.gradient(x, g);
        double e = eta * clipFactor(Vectors.norm(g), c);
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] - e * g[i];
        }
        return new GradientDescent.State(next, s.t() + 1, e);
    }

    @Override
    public String toString() {
        return "clipped gd(eta = " + Num.fmt(eta) + ", c = " + Num.fmt(c) + ")";
    }
}
