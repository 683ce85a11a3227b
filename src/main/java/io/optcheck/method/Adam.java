package io.optcheck.method;

import io.optcheck.problem.Num;

/**
 * Adam (Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1),
 * with t starting at 1:
 * <pre>
 * m_t = b1 m_{t-1} + (1 - b1) g_t;   v_t = b2 v_{t-1} + (1 - b2) g_t^2
 * m^ = m_t / (1 - b1^t);   v^ = v_t / (1 - b2^t)
 * x_t = x_{t-1} - lr m^ / (sqrt(v^) + eps)
 * </pre>
 * Conventions are declared in {@link AdaptiveOptions}: eps outside the square root (default) or
 * inside, bias correction on (default) or off, optional coupled or decoupled weight decay, an
 * optional lr / sqrt(t) schedule and box projection (Reddi et al. 2018 use both). A coordinate
 * whose m^ is exactly 0 does not move (this also defines 0/0 when eps = 0).
 *
 * <p>NaN or infinite gradients propagate into the state unchanged; the {@link Runner} ends the
 * run at the first non-finite gradient component.
 */
public final class Adam extends AdamCoreMethod {

    /**
     * @param lr learning rate, finite and {@code > 0}
     * @param options the declared conventions
     */
    public Adam(double lr, AdaptiveOptions options) {
        super(lr, options);
    }

    @Override
    public String id() {
        return "adam";
    }

    @Override
    public String toString() {
        return "adam(lr = " + Num.fmt(lr) + ", " + options.describe() + ")";
    }
}
