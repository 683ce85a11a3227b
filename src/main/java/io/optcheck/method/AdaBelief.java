package io.optcheck.method;

/**
 * AdaBelief (Zhuang, Tang, Ding, Tatikonda, Dvornek, Papademetris &amp; Duncan, "AdaBelief
 * Optimizer", NeurIPS 2020, Algorithm 2), with t starting at 1:
 * <pre>
 * m_t = b1 m_{t-1} + (1 - b1) g_t
 * s_t = b2 s_{t-1} + (1 - b2) (g_t - m_t)^2 + eps                  (kept in the state's v)
 * m^ = m_t / (1 - b1^t);   s^ = s_t / (1 - b2^t)
 * x_t = x_{t-1} - lr m^ / (sqrt(s^) + eps)
 * </pre>
 * Declared conventions: {@code eps = recursion-and-outside} (default, Algorithm 2 and the
 * authors' code) or {@code outside-sqrt} (Algorithm 1: no eps in the recursion); bias correction
 * on (default) or off. A coordinate whose m^ is exactly 0 does not move. With eps = 0 and
 * b1 = 0, g_t - m_t = 0, so s = 0 and the step m^/0 is undefined: the reference then produces an
 * infinite iterate, which the {@link Runner} reports as an error.
 */
public final class AdaBelief extends AdaptiveMethod {
    private final AdaptiveOptions options;
    private final boolean epsInRecursion;

    /**
     * @param lr learning rate, finite and {@code > 0}
     * @param options b1, b2, eps and bias correction (eps is always outside the root here; the other
     *     fields are unused)
     * @param epsInRecursion add eps in the recursion of s as well (Algorithm 2)
     */
    public AdaBelief(double lr, AdaptiveOptions options, boolean epsInRecursion) {
        super(lr);
        this.options = options;
        this.epsInRecursion = epsInRecursion;
    }

    @Override
    public String id() {
        return "adabelief";
    }

    @Override
    protected AdaptiveState update(AdaptiveState st, double[] x, double[] g) {
        int t = st.t() + 1;
        double[] m = st.m();
        double[] s = st.v();
        AdaptiveOptions o = options;
        double bc1 = o.correction(o.b1(), t);
        double bc2 = o.correction(o.b2(), t);
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            m[i] = o.b1() * m[i] + (1 - o.b1()) * g[i];
            double r = g[i] - m[i];
            s[i] = o.b2() * s[i] + (1 - o.b2()) * r * r + (epsInRecursion ? o.eps() : 0);
            double mh = m[i] / bc1;
            next[i] = mh == 0 ? x[i] : x[i] - lr * mh / (Math.sqrt(s[i] / bc2) + o.eps());
        }
        return new AdaptiveState(next, t, m, s, new double[0], lr);
    }
}
