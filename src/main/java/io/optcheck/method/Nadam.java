package io.optcheck.method;

/**
 * Nadam (Dozat, "Incorporating Nesterov Momentum into Adam", ICLR 2016 workshop, Algorithm 2
 * with a constant momentum mu_t = b1), with t starting at 1:
 * <pre>
 * m_t = b1 m_{t-1} + (1 - b1) g_t;   v_t = b2 v_{t-1} + (1 - b2) g_t^2
 * n_t = b1 m_t / (1 - b1^(t+1)) + (1 - b1) g_t / (1 - b1^t)      (the Nesterov-corrected first moment)
 * x_t = x_{t-1} - lr n_t / (sqrt(v_t / (1 - b2^t)) + eps)
 * </pre>
 * Declared conventions: {@code momentum-correction = next-power} (above, Dozat) or
 * {@code same-power} (Ruder 2016, arXiv 1609.04747, eq. for Nadam: b1 m_t / (1 - b1^t)); eps
 * outside (default) or inside the square root; bias correction on (default) or off (then n_t =
 * b1 m_t + (1 - b1) g_t and v is used raw). A coordinate whose n_t is exactly 0 does not move
 * (this also defines 0/0 when eps = 0). NaN or infinite gradients propagate; the {@link Runner}
 * ends the run.
 */
public final class Nadam extends AdaptiveMethod {
    private final AdaptiveOptions options;
    private final boolean samePower;

    /**
     * @param lr learning rate, finite and {@code > 0}
     * @param options b1, b2, eps, its placement and bias correction (the other fields are unused)
     * @param samePower Ruder's b1 m_t / (1 - b1^t) instead of Dozat's b1 m_t / (1 - b1^(t+1))
     */
    public Nadam(double lr, AdaptiveOptions options, boolean samePower) {
        super(lr);
        this.options = options;
        this.samePower = samePower;
    }

    @Override
    public String id() {
        return "nadam";
    }

    @Override
    protected AdaptiveState update(AdaptiveState s, double[] x, double[] g) {
        int t = s.t() + 1;
        double[] m = s.m();
        double[] v = s.v();
        AdaptiveOptions o = options;
        double cm = o.correction(o.b1(), samePower ? t : t + 1);
        double cg = o.correction(o.b1(), t);
        double cv = o.correction(o.b2(), t);
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            m[i] = o.b1() * m[i] + (1 - o.b1()) * g[i];
            v[i] = o.b2() * v[i] + (1 - o.b2()) * g[i] * g[i];
            double n = o.b1() * m[i] / cm + (1 - o.b1()) * g[i] / cg;
            double vh = v[i] / cv;
            double den = o.denominator(vh);
            next[i] = n == 0 ? x[i] : x[i] - lr * n / den;
        }
        return new AdaptiveState(next, t, m, v, new double[0], lr);
    }
}
