package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Num;

/**
 * Polyak's heavy-ball method (Polyak 1964, "Some methods of speeding up the convergence of
 * iteration methods", eq. (9)): x_{t+1} = x_t - a grad f(x_t) + b (x_t - x_{t-1}), with
 * x_{-1} = x_0, so the first step is a plain gradient step. One gradient call per step, no value
 * calls. Non-finite gradients or iterates are not checked here: the {@link Runner} ends the run
 * with an error naming the step.
 */
public record HeavyBall(double a, double b) implements Method<MomentumState> {

    /**
     * @param a step size, finite and {@code > 0}
     * @param b momentum, finite and {@code >= 0}
     * @throws IllegalArgumentException otherwise (NaN included)
     */
    public HeavyBall {
        MethodArgs.requirePositiveFinite(a, "step a");
        MethodArgs.requireNonNegativeFinite(b, "momentum b");
    }

    @Override
    public String id() {
        return "heavy-ball";
    }

    @Override
    public MomentumState init(double[] x0) {
        return MomentumState.initial(x0, Double.NaN);
    }

    @Override
    public MomentumState step(MomentumState s, GradientOracle oracle) {
        double[] x = s.xRef();
        double[] xp = s.previousRef();
        double[] g = new double[x.length];
        oracle.gradient(x, g);
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] - a * g[i] + b * (x[i] - xp[i]);
        }
        return new MomentumState(next, x, s.t() + 1, Double.NaN, a);
    }

    @Override
    public String toString() {
        return "heavy-ball(a = " + Num.fmt(a) + ", b = " + Num.fmt(b) + ")";
    }
}
