package io.optcheck.method;

/**
 * Diagonal AdaGrad (Duchi, Hazan &amp; Singer, "Adaptive Subgradient Methods", JMLR 2011,
 * diagonal update of Section 1.1): v_t = v_{t-1} + g_t^2 (kept in the state's v),
 * x_t = x_{t-1} - lr g_t / (sqrt(v_t) + eps), eps outside the square root. The accumulator
 * starts at v_0 (0 in Duchi et al. and PyTorch's default; TensorFlow's and Keras's default is 0.1),
 * declared with the convention {@code initial-accumulator}. A coordinate with g_t = 0 does not
 * move (also when v_t = 0 and eps = 0). NaN or infinite gradients propagate; the {@link Runner}
 * ends the run.
 */
public final class AdaGrad extends AdaptiveMethod {
    private final double eps;
    private final double v0;

    /**
     * @param lr learning rate, finite and {@code > 0}
     * @param eps {@code >= 0}, added outside the square root
     */
    public AdaGrad(double lr, double eps) {
        this(lr, eps, 0);
    }

    /**
     * @param lr learning rate, finite and {@code > 0}
     * @param eps {@code >= 0}, added outside the square root
     * @param v0 the accumulator's initial value, finite and {@code >= 0}
     */
    public AdaGrad(double lr, double eps, double v0) {
        super(lr);
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("eps must be >= 0, got " + eps);
        }
        MethodArgs.requireNonNegativeFinite(v0, "the initial accumulator");
        this.eps = eps;
        this.v0 = v0;
    }

    /** The accumulator's initial value v_0. */
    public double initialAccumulator() {
        return v0;
    }

    @Override
    public String id() {
        return "adagrad";
    }

    @Override
    public AdaptiveState init(double[] x0) {
        return AdaptiveState.initial(x0, v0);
    }

    @Override
    protected AdaptiveState update(AdaptiveState s, double[] x, double[] g) {
        double[] v = s.v();
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = v[i] + g[i] * g[i];
            next[i] = g[i] == 0 ? x[i] : x[i] - lr * g[i] / (Math.sqrt(v[i]) + eps);
        }
        return new AdaptiveState(next, s.t() + 1, s.m(), v, new double[0], lr);
    }
}
