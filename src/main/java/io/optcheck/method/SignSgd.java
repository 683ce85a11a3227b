package io.optcheck.method;

/**
 * signSGD (Bernstein, Wang, Azizzadenesheli &amp; Anandkumar, "signSGD: Compressed Optimisation
 * for Non-Convex Problems", ICML 2018, Algorithm 1): x_t = x_{t-1} - lr sign(g_t), with
 * sign(0) = 0. A NaN gradient component gives a NaN iterate (Math.signum(NaN) is NaN), which the
 * {@link Runner} reports as an error.
 */
public final class SignSgd extends AdaptiveMethod {

    /** @param lr learning rate, finite and {@code > 0} */
    public SignSgd(double lr) {
        super(lr);
    }

    @Override
    public String id() {
        return "signsgd";
    }

    @Override
    protected AdaptiveState update(AdaptiveState s, double[] x, double[] g) {
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] - lr * Math.signum(g[i]);
        }
        return new AdaptiveState(next, s.t() + 1, s.m(), s.v(), new double[0], lr);
    }
}
