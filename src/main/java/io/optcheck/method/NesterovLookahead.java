package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;

/**
 * Nesterov momentum in the "lookahead" form used by PyTorch ({@code SGD(nesterov=True)}) and
 * Tribuo ({@code SGD.Momentum.NESTEROV}, after Shallue et al. 2018, arXiv 1811.03600), with the
 * gradient taken at the stored point:
 * <pre>
 *   buf_t = beta buf_{t-1} + g(p_{t-1}),  buf_0 = 0;   p_t = p_{t-1} - eta (g(p_{t-1}) + beta buf_t).
 * </pre>
 * With x_t the iterates of {@link NesterovConstantMomentum} (Sutskever et al. 2013, eq. (3)-(4):
 * y_t = x_t + beta (x_t - x_{t-1}), x_{t+1} = y_t - eta g(y_t), x_{-1} = x_0) this gives
 * p_t = y_{t+1} = x_t + beta (x_t - x_{t-1}) in exact arithmetic: the same gradient points, but the
 * stored point is the lookahead point, not x_t. Declared as the {@code nesterov-form} convention
 * {@code lookahead} of kind NESTEROV_CONSTANT. State: x() = p_t and, in {@code previous()}, the momentum buffer buf_t.
 * Non-finite gradients propagate; the {@link Runner} ends the run.
 */
public record NesterovLookahead(double eta, double beta) implements Method<MomentumState> {

    /**
     * @param eta step, finite and {@code > 0}
     * @param beta momentum, finite and {@code >= 0}
     * @throws IllegalArgumentException otherwise (NaN included)
     */
    public NesterovLookahead {
        if (!(eta > 0) || !Double.isFinite(eta) || !(beta >= 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("need finite eta > 0 and beta >= 0, got " + eta + ", " + beta);
        }
    }

    @Override
    public String id() {
        return "nesterov-lookahead";
    }

    @Override
    public MomentumState init(double[] x0) {
        return new MomentumState(x0, new double[x0.length], 0, Double.NaN, Double.NaN);
    }

    @Override
    public MomentumState step(MomentumState s, GradientOracle oracle) {
        double[] p = s.x();
        double[] buf = s.previous();
        double[] g = new double[p.length];
        oracle.gradient(p, g);
        double[] next = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            buf[i] = beta * buf[i] + g[i];
            next[i] = p[i] - (eta * g[i] + eta * buf[i] * beta);
        }
        return new MomentumState(next, buf, s.t() + 1, Double.NaN, eta);
    }
}
