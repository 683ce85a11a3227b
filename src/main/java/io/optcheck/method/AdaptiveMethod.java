package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;

/**
 * What the adaptive methods (Adam and its variants, AdaGrad, RMSProp, AdaDelta, AdaBelief, Nadam,
 * signSGD) share: a learning rate checked once, the state at x0 with every moment zero, and the
 * start of each step, one gradient call at the current iterate. A subclass writes its update
 * rule, {@link #update}.
 */
public abstract class AdaptiveMethod implements Method<AdaptiveState> {
    /** The learning rate, finite and {@code > 0}. */
    protected final double lr;

    /** @throws IllegalArgumentException unless lr is finite and {@code > 0} */
    protected AdaptiveMethod(double lr) {
        this.lr = MethodArgs.requirePositiveFinite(lr, "lr");
    }

    /** @throws IllegalArgumentException unless b1 and b2 are in [0, 1) and eps {@code >= 0} (NaN included) */
    static void checkMoments(double b1, double b2, double eps) {
        if (!(b1 >= 0 && b1 < 1) || !(b2 >= 0 && b2 < 1) || !(eps >= 0)) {
            throw new IllegalArgumentException("need b1, b2 in [0, 1) and eps >= 0");
        }
    }

    /** @throws IllegalArgumentException unless rho is in [0, 1) and eps {@code >= 0} (NaN included) */
    static void checkDecay(double rho, double eps) {
        if (!(rho >= 0 && rho < 1) || !(eps >= 0)) {
            throw new IllegalArgumentException("need rho in [0, 1) and eps >= 0");
        }
    }

    /** The learning rate. */
    public double lr() {
        return lr;
    }

    /** The state at x0: t = 0, every moment zero, no vhat. */
    @Override
    public AdaptiveState init(double[] x0) {
        return AdaptiveState.initial(x0, false);
    }

    @Override
    public final AdaptiveState step(AdaptiveState s, GradientOracle oracle) {
        double[] x = s.x();
        double[] g = new double[x.length];
        oracle.gradient(x, g);
        return update(s, x, g);
    }

    /**
     * The state after one step from {@code s}.
     *
     * @param x the iterate of s (a copy of it)
     * @param g the oracle's gradient at x, the step's one gradient call
     */
    protected abstract AdaptiveState update(AdaptiveState s, double[] x, double[] g);
}
