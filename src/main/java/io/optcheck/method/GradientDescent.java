package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Num;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Gradient descent with a constant step: x_{t+1} = x_t - eta grad f(x_t)
 * (Nesterov, Lectures on Convex Optimization, sec. 1.2.3). One gradient call per step, no value
 * calls. Non-finite gradients are not checked here (the runner does).
 */
public final class GradientDescent implements Method<GradientDescent.State> {
    private final double eta;

    /**
     * @param eta step size, finite and {@code > 0}
     * @throws IllegalArgumentException otherwise
     */
    public GradientDescent(double eta) {
        MethodArgs.requirePositiveFinite(eta, "eta");
        this.eta = eta;
    }

    /** The step size eta. */
    public double eta() {
        return eta;
    }

    @Override
    public String id() {
        return "gd";
    }

    @Override
    public State init(double[] x0) {
        MethodArgs.requireStart(x0);
        return new State(x0, 0, Double.NaN);
    }

    @Override
    public State step(State s, GradientOracle oracle) {
        double[] x = s.x;
        double[] g = new double[x.length];
        oracle.gradient(x, g);
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] - eta * g[i];
        }
        return new State(next, s.t + 1, eta, false);
    }

    @Override
    public String toString() {
        return "gd(eta = " + Num.fmt(eta) + ")";
    }

    /** The state of gradient descent: the iterate, t, and the step used to reach it. */
    public static final class State extends IterateState {
        private final double stepSize;

        /**
         * @param x the iterate (copied)
         * @param t steps taken, {@code >= 0}
         * @param stepSize the step used to reach this state, NaN for none
         */
        public State(double[] x, int t, double stepSize) {
            this(Objects.requireNonNull(x, "x").clone(), t, stepSize, false);
            if (t < 0) {
                throw new IllegalArgumentException("t must be >= 0, got " + t);
            }
        }

        private State(double[] owned, int t, double stepSize, boolean unused) {
            super(owned, t);
            this.stepSize = stepSize;
        }

        @Override
        public OptionalDouble stepSize() {
            return stepOrEmpty(stepSize);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s
                    && t == s.t
                    && Arrays.equals(x, s.x)
                    && Double.compare(stepSize, s.stepSize) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(x) + t) + Double.hashCode(stepSize);
        }

        @Override
        public String toString() {
            return "gd state t = " + t + ", x = " + Num.fmt(x);
        }
    }
}
