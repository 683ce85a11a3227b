package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Num;

/**
 * Nesterov's accelerated gradient method for smooth strongly convex f with constant momentum
 * (Nesterov, Lectures on Convex Optimization (2018), scheme (2.2.22); PEPit
 * accelerated_gradient_strongly_convex):
 *
 * <pre>
 *   y_t = x_t + beta (x_t - x_{t-1}),   x_{t+1} = y_t - eta grad f(y_t),   x_{-1} = x_0,
 * </pre>
 * with eta = 1/L and beta = (sqrt L - sqrt mu)/(sqrt L + sqrt mu) in the theorem
 * ({@link #tuned(double, double)}). One gradient call per step; non-finite gradients or iterates
 * end the run in the {@link Runner}.
 */
public record NesterovConstantMomentum(double eta, double beta) implements Method<MomentumState> {

    /**
     * @param eta step, finite and {@code > 0}
     * @param beta momentum, finite and {@code >= 0}
     * @throws IllegalArgumentException otherwise (NaN included)
     */
    public NesterovConstantMomentum {
        MethodArgs.requirePositiveFinite(eta, "eta");
        MethodArgs.requireNonNegativeFinite(beta, "beta");
    }

    /**
     * eta = 1/L, beta = (sqrt L - sqrt mu)/(sqrt L + sqrt mu).
     *
     * @throws IllegalArgumentException unless 0 &lt; mu &lt;= L, both finite
     */
    public static NesterovConstantMomentum tuned(double l, double mu) {
        if (!(mu > 0) || !(l >= mu) || !Double.isFinite(l)) {
            throw new IllegalArgumentException("need 0 < mu <= L, got mu = " + mu + ", L = " + l);
        }
        double sl = Math.sqrt(l);
        double sm = Math.sqrt(mu);
        return new NesterovConstantMomentum(1 / l, (sl - sm) / (sl + sm));
    }

    @Override
    public String id() {
        return "nesterov-strongly-convex";
    }

    @Override
    public MomentumState init(double[] x0) {
        return MomentumState.initial(x0, Double.NaN);
    }

    @Override
    public MomentumState step(MomentumState s, GradientOracle oracle) {
        double[] y = s.extrapolate(beta);
        double[] g = new double[y.length];
        oracle.gradient(y, g);
        double[] next = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            next[i] = y[i] - eta * g[i];
        }
        return new MomentumState(next, s.xRef(), s.t() + 1, Double.NaN, eta);
    }

    @Override
    public String toString() {
        return "nesterov-strongly-convex(eta = " + Num.fmt(eta) + ", beta = " + Num.fmt(beta) + ")";
    }
}
