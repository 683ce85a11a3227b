package io.optcheck.method;

/**
 * AdaDelta (Zeiler, "ADADELTA: An Adaptive Learning Rate Method", arXiv 1212.5701, 2012,
 * Algorithm 1), with the learning-rate multiplier lr of the libraries (Zeiler: lr = 1):
 * <pre>
 * E[g^2]_t = rho E[g^2]_{t-1} + (1 - rho) g_t^2                      (kept in the state's v)
 * dx_t = -(RMS[dx]_{t-1} / RMS[g]_t) g_t,   RMS[y]_t = sqrt(E[y^2]_t + eps)
 * E[dx^2]_t = rho E[dx^2]_{t-1} + (1 - rho) dx_t^2                   (kept in the state's m)
 * x_t = x_{t-1} + lr dx_t
 * </pre>
 * with both accumulators starting at 0. Declared convention: {@code eps = inside-sqrt} (default,
 * Zeiler, PyTorch, Keras) or {@code outside-sqrt} (RMS[y] = sqrt(E[y^2]) + eps). A coordinate with
 * g_t = 0 does not move (this also defines 0/0 when eps = 0). With eps = 0 nothing ever moves,
 * because RMS[dx]_0 = 0. NaN or infinite gradients propagate; the {@link Runner} ends the run.
 */
public final class AdaDelta extends AdaptiveMethod {
    private final double rho;
    private final double eps;
    private final boolean epsInsideSqrt;

    /**
     * @param lr learning-rate multiplier, finite and {@code > 0}
     * @param rho decay in [0, 1)
     * @param eps {@code >= 0}
     * @param epsInsideSqrt sqrt(E + eps) (Zeiler) instead of sqrt(E) + eps
     * @throws IllegalArgumentException otherwise (NaN included)
     */
    public AdaDelta(double lr, double rho, double eps, boolean epsInsideSqrt) {
        super(lr);
        checkDecay(rho, eps);
        this.rho = rho;
        this.eps = eps;
        this.epsInsideSqrt = epsInsideSqrt;
    }

    @Override
    public String id() {
        return "adadelta";
    }

    private double rms(double e) {
        return AdaptiveOptions.root(e, eps, epsInsideSqrt);
    }

    @Override
    protected AdaptiveState update(AdaptiveState s, double[] x, double[] g) {
        double[] edx = s.m();
        double[] eg = s.v();
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            eg[i] = rho * eg[i] + (1 - rho) * g[i] * g[i];
            double dx = g[i] == 0 ? 0 : -(rms(edx[i]) / rms(eg[i])) * g[i];
            edx[i] = rho * edx[i] + (1 - rho) * dx * dx;
            next[i] = x[i] + lr * dx;
        }
        return new AdaptiveState(next, s.t() + 1, edx, eg, new double[0], lr);
    }
}
