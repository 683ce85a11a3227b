package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;

/**
 * Diagonal AdaGrad (Duchi, Hazan &amp; Singer, "Adaptive Subgradient Methods", JMLR 2011,
 * diagonal update of Section 1.1): v_t = v_{t-1} + g_t^2 (kept in the state's v),
 * x_t = x_{t-1} - lr g_t / (sqrt(v_t) + eps), eps outside the square root. A coordinate with
 * g_t = 0 does not move (also when v_t = 0 and eps = 0). NaN or infinite gradients propagate;
 * the {@link Runner} ends the run.
 */
public final class AdaGrad implements Method<AdaptiveState> {
    private final double lr;
    private final double eps;

    /**
     * @param lr learning rate, finite and {@code > 0}
     * @param eps {@code >= 0}, added outside the square root
     */
    public AdaGrad(double lr, double eps) {
        this.lr = checkLr(lr);
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("eps must be >= 0, got " + eps);
        }
        this.eps = eps;
    }

    static double checkLr(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("lr must be finite and > 0, got " + lr);
        }
        return lr;
    }

    @Override
    public String id() {
        return "adagrad";
    }

    @Override
    public AdaptiveState init(double[] x0) {
        return AdaptiveState.initial(x0, false);
    }

    @Override
    public AdaptiveState step(AdaptiveState s, GradientOracle oracle) {
        double[] x = s.x();
        double[] g = new double[x.length];
        oracle.gradient(x, g);
        double[] v = s.v();
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = v[i] + g[i] * g[i];
            next[i] = g[i] == 0 ? x[i] : x[i] - lr * g[i] / (Math.sqrt(v[i]) + eps);
        }
        return new AdaptiveState(next, s.t() + 1, s.m(), v, new double[0], lr);
    }
}
