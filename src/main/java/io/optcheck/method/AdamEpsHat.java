package io.optcheck.method;

/**
 * Adam in the reordered form of Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization",
 * ICLR 2015, end of Section 2 ("the efficiency of Algorithm 1 can ... be improved upon by changing
 * the order of computation"), with t starting at 1:
 * <pre>
 * m_t = b1 m_{t-1} + (1 - b1) g_t;   v_t = b2 v_{t-1} + (1 - b2) g_t^2
 * lr_t = lr sqrt(1 - b2^t) / (1 - b1^t)
 * x_t = x_{t-1} - lr_t m_t / (sqrt(v_t) + eps)
 * </pre>
 * In exact arithmetic this is Algorithm 1 with eps replaced by eps_hat = eps sqrt(1 - b2^t) (the
 * paper's "epsilon hat"): eps is added to the square root of the UNCORRECTED second moment. It is
 * the form of TensorFlow's and Tribuo's Adam; optcheck declares it as the {@code eps} convention
 * {@code eps-hat} (see {@link MethodProviders}). {@link #amsGrad} is the same form for AMSGrad
 * (ND4J's): vhat_t = max(vhat_{t-1}, v_t) over the raw v, x_t = x_{t-1} - lr_t m_t / (sqrt(vhat_t)
 * + eps). A coordinate with m_t exactly 0 does not move.
 * NaN or infinite gradients propagate into the state; the {@link Runner} ends the run.
 */
public final class AdamEpsHat extends AdaptiveMethod {
    private final double b1;
    private final double b2;
    private final double eps;
    private final boolean amsgrad;

    /**
     * @param lr learning rate, finite and {@code > 0}
     * @param b1 in [0, 1)
     * @param b2 in [0, 1)
     * @param eps {@code >= 0}
     * @throws IllegalArgumentException otherwise (NaN included)
     */
    public AdamEpsHat(double lr, double b1, double b2, double eps) {
        this(lr, b1, b2, eps, false);
    }

    private AdamEpsHat(double lr, double b1, double b2, double eps, boolean amsgrad) {
        super(lr);
        checkMoments(b1, b2, eps);
        this.b1 = b1;
        this.b2 = b2;
        this.eps = eps;
        this.amsgrad = amsgrad;
    }

    /**
     * AMSGrad in the reordered form: the maximum over the raw v, eps added to sqrt(vhat).
     *
     * @param maxOverCorrected must be false: the reordered form takes the maximum over the raw v
     * @throws IllegalArgumentException for {@code maxOverCorrected}, or as the constructor
     */
    public static AdamEpsHat amsGrad(double lr, double b1, double b2, double eps, boolean maxOverCorrected) {
        if (maxOverCorrected) {
            throw new IllegalArgumentException(
                    "eps = eps-hat takes the maximum over the raw v: it needs max-over = raw");
        }
        return new AdamEpsHat(lr, b1, b2, eps, true);
    }

    @Override
    public String id() {
        return amsgrad ? "amsgrad" : "adam";
    }

    @Override
    public AdaptiveState init(double[] x0) {
        return AdaptiveState.initial(x0, amsgrad);
    }

    @Override
    protected AdaptiveState update(AdaptiveState s, double[] x, double[] g) {
        int t = s.t() + 1;
        double[] m = s.m();
        double[] v = s.v();
        double[] vhat = s.vhat();
        double lrT = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            m[i] = b1 * m[i] + (1 - b1) * g[i];
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
            double second = v[i];
            if (amsgrad) {
                vhat[i] = Math.max(vhat[i], v[i]);
                second = vhat[i];
            }
            next[i] = m[i] == 0 ? x[i] : x[i] - lrT * m[i] / (Math.sqrt(second) + eps);
        }
        return new AdaptiveState(next, t, m, v, vhat, lrT);
    }
}
