package io.optcheck.method;

import io.optcheck.api.Precision;
import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Num;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Gradient descent with a constant step: x_{t+1} = x_t - eta grad f(x_t)
 * (Nesterov, Lectures on Convex Optimization, sec. 1.2.3). One gradient call per step, no value
 * calls. Non-finite gradients are not checked here (the runner does).
 *
 * @param eta the step size
 * @param precision the format the update is computed in
 */
public record GradientDescent(double eta, Precision precision) implements Method<GradientDescent.State> {

    /**
     * @param eta step size, finite and {@code > 0}
     * @throws IllegalArgumentException otherwise
     */
    public GradientDescent(double eta) {
        this(eta, Precision.FLOAT64);
    }

    /**
     * Gradient descent computed in {@code precision}: the start, eta and each gradient are stored in
     * the format, and both operations of the update x_i - eta g_i are rounded to it (the product,
     * then the difference), as a training loop in that format does.
     *
     * @param eta step size, finite and {@code > 0}
     * @throws IllegalArgumentException otherwise, or when eta rounds to 0 or infinity in the format
     */
    public GradientDescent {
        MethodArgs.requirePositiveFinite(eta, "eta");
        precision = Objects.requireNonNull(precision, "precision");
        MethodArgs.requirePositiveFinite(precision.round(eta), "eta in " + precision.id());
    }

    @Override
    public String id() {
        return "gd";
    }

    @Override
    public State init(double[] x0) {
        MethodArgs.requireStart(x0);
        return new State(precision == Precision.FLOAT64 ? x0 : precision.round(x0), 0, Double.NaN);
    }

    @Override
    public State step(State s, GradientOracle oracle) {
        double[] x = s.x;
        double[] g = new double[x.length];
        oracle.gradient(x, g);
        double[] next = new double[x.length];
        if (precision == Precision.FLOAT64) {
            for (int i = 0; i < x.length; i++) {
                next[i] = x[i] - eta * g[i];
            }
            return new State(next, s.t + 1, eta, false);
        }
        Precision p = precision;
        double e = p.round(eta);
        for (int i = 0; i < x.length; i++) {
            next[i] = p.round(x[i] - p.round(e * p.round(g[i])));
        }
        return new State(next, s.t + 1, e, false);
    }

    @Override
    public String toString() {
        return precision == Precision.FLOAT64
                ? "gd(eta = " + Num.fmt(eta) + ")"
                : "gd(eta = " + Num.fmt(eta) + ", " + precision.id() + ")";
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
