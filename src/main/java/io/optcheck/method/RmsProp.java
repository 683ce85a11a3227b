package io.optcheck.method;

/**
 * RMSProp (Tieleman &amp; Hinton, COURSERA Neural Networks for Machine Learning, Lecture 6.5,
 * 2012): v_t = rho v_{t-1} + (1 - rho) g_t^2, x_t = x_{t-1} - lr g_t / (sqrt(v_t) + eps), eps
 * outside the square root, no bias correction, no momentum. The accumulator starts at v_0 (0 in
 * the lecture and PyTorch; ND4J starts it at eps, TensorFlow 1 at 1), declared with the convention
 * {@code initial-accumulator}. A coordinate with g_t = 0 does not move. NaN or infinite gradients
 * propagate; the {@link Runner} ends the run.
 */
public final class RmsProp extends AdaptiveMethod {
    private final double rho;
    private final double eps;
    private final double v0;

    /**
     * @param lr learning rate, finite and {@code > 0}
     * @param rho decay in [0, 1)
     * @param eps {@code >= 0}
     */
    public RmsProp(double lr, double rho, double eps) {
        this(lr, rho, eps, 0);
    }

    /**
     * @param lr learning rate, finite and {@code > 0}
     * @param rho decay in [0, 1)
     * @param eps {@code >= 0}
     * @param v0 the accumulator's initial value, finite and {@code >= 0}
     */
    public RmsProp(double lr, double rho, double eps, double v0) {
        super(lr);
        checkDecay(rho, eps);
        if (!(v0 >= 0) || !Double.isFinite(v0)) {
            throw new IllegalArgumentException("the initial accumulator must be finite and >= 0, got " + v0);
        }
        this.rho = rho;
        this.eps = eps;
        this.v0 = v0;
    }

    @Override
    public AdaptiveState init(double[] x0) {
        return AdaptiveState.initial(x0, v0);
    }

    @Override
    public String id() {
        return "rmsprop";
    }

    @Override
    protected AdaptiveState update(AdaptiveState s, double[] x, double[] g) {
        double[] v = s.v();
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
            next[i] = g[i] == 0 ? x[i] : x[i] - lr * g[i] / (Math.sqrt(v[i]) + eps);
        }
        return new AdaptiveState(next, s.t() + 1, s.m(), v, new double[0], lr);
    }
}
