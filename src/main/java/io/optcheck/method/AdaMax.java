package io.optcheck.method;

/**
 * AdaMax (Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Section 7.1,
 * Algorithm 2), with t starting at 1:
 * <pre>
 * m_t = b1 m_{t-1} + (1 - b1) g_t;   u_t = max(b2 u_{t-1}, |g_t|)   (u kept in the state's v)
 * x_t = x_{t-1} - (lr / (1 - b1^t)) m_t / u_t
 * </pre>
 * The paper has no eps. Declared conventions: {@code eps = outside-max} (default; denominator
 * u_t + eps, TensorFlow and Keras) or {@code inside-max} (u_t = max(b2 u_{t-1}, |g_t| + eps),
 * PyTorch); {@code bias-correction} on (default) or off (lr m_t / u_t). A coordinate whose m_t is
 * exactly 0 does not move (this also defines 0/0 when eps = 0). NaN or infinite gradients
 * propagate; the {@link Runner} ends the run.
 */
public final class AdaMax extends AdaptiveMethod {
    private final double b1;
    private final double b2;
    private final double eps;
    private final boolean epsInsideMax;
    private final boolean biasCorrection;

    /**
     * @param lr learning rate, finite and {@code > 0}
     * @param b1 in [0, 1)
     * @param b2 in [0, 1)
     * @param eps {@code >= 0}
     * @param epsInsideMax eps added to |g_t| inside the maximum instead of to the denominator
     * @param biasCorrection divide the step by 1 - b1^t
     * @throws IllegalArgumentException otherwise (NaN included)
     */
    public AdaMax(double lr, double b1, double b2, double eps, boolean epsInsideMax, boolean biasCorrection) {
        super(lr);
        checkMoments(b1, b2, eps);
        this.b1 = b1;
        this.b2 = b2;
        this.eps = eps;
        this.epsInsideMax = epsInsideMax;
        this.biasCorrection = biasCorrection;
    }

    @Override
    public String id() {
        return "adamax";
    }

    @Override
    protected AdaptiveState update(AdaptiveState s, double[] x, double[] g) {
        int t = s.t() + 1;
        double[] m = s.m();
        double[] u = s.v();
        double lrT = biasCorrection ? lr / (1 - Math.pow(b1, t)) : lr;
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            m[i] = b1 * m[i] + (1 - b1) * g[i];
            u[i] = Math.max(b2 * u[i], Math.abs(g[i]) + (epsInsideMax ? eps : 0));
            double den = epsInsideMax ? u[i] : u[i] + eps;
            next[i] = m[i] == 0 ? x[i] : x[i] - lrT * m[i] / den;
        }
        return new AdaptiveState(next, t, m, u, new double[0], lrT);
    }
}
