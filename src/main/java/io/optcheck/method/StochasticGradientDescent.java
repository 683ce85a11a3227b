package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Num;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Stochastic gradient descent with the schedule eta_t = a/(t + b)^p for the step from x_t to
 * x_{t+1}, t = 0, 1, ... (Robbins &amp; Monro 1951; Bottou, Curtis &amp; Nocedal 2018, eq. (4.20)
 * writes beta/(gamma + k) with k = t + 1, i.e. a = beta, b = gamma + 1, p = 1). A constant step is
 * p = 0. The stochastic gradient is whatever the oracle returns; one gradient call per step, no
 * value calls. NaN or infinite gradients propagate; the {@link Runner} ends the run.
 *
 * <p>The state also carries the step-weighted running average
 * x_bar_T = sum_{t&lt;T} eta_t x_t / sum_{t&lt;T} eta_t (Nemirovski et al. 2009, eq. (2.20)) and the
 * sums sum eta_t and sum eta_t^2, so averaging needs no second pass; see {@link State#average()}.
 */
public record StochasticGradientDescent(double a, double b, double p)
        implements Method<StochasticGradientDescent.State> {

    /**
     * @param a scale, finite and {@code > 0}
     * @param b offset, finite and {@code > 0} when p > 0 (so that eta_0 is finite), any finite
     *     value {@code >= 0} when p = 0
     * @param p decay exponent, finite and {@code >= 0}
     * @throws IllegalArgumentException otherwise (NaN included)
     */
    public StochasticGradientDescent {
        MethodArgs.requirePositiveFinite(a, "a");
        MethodArgs.requireNonNegativeFinite(p, "p");
        if (!(b >= 0) || !Double.isFinite(b) || (p > 0 && b == 0)) {
            throw new IllegalArgumentException("b must be finite, >= 0, and > 0 when p > 0; got " + b);
        }
    }

    /** Constant step eta. */
    public static StochasticGradientDescent constant(double eta) {
        return new StochasticGradientDescent(eta, 1, 0);
    }

    /** The step eta_t used from x_t to x_{t+1}. */
    public double stepAt(int t) {
        return p == 0 ? a : a / StrictMath.pow(t + b, p);
    }

    @Override
    public String id() {
        return "sgd";
    }

    @Override
    public State init(double[] x0) {
        MethodArgs.requireStart(x0);
        return new State(x0.clone(), 0, Double.NaN, new double[x0.length], 0, 0);
    }

    @Override
    public State step(State s, GradientOracle oracle) {
        double eta = stepAt(s.t);
        double[] g = new double[s.x.length];
        oracle.gradient(s.x, g);
        double[] next = new double[s.x.length];
        double[] wsum = new double[s.x.length];
        for (int i = 0; i < next.length; i++) {
            next[i] = s.x[i] - eta * g[i];
            wsum[i] = s.weightedSum[i] + eta * s.x[i];
        }
        return new State(next, s.t + 1, eta, wsum, s.sumEta + eta, s.sumEtaSq + eta * eta);
    }

    @Override
    public String toString() {
        return p == 0
                ? "sgd(eta = " + Num.fmt(a) + ")"
                : "sgd(eta_t = " + Num.fmt(a) + "/(t + " + Num.fmt(b) + ")^" + Num.fmt(p) + ")";
    }

    /** x_t, t, the last step, and the running sums for averaging. Immutable. */
    public static final class State extends IterateState {
        private final double eta;
        private final double[] weightedSum;
        private final double sumEta;
        private final double sumEtaSq;

        State(double[] x, int t, double eta, double[] weightedSum, double sumEta, double sumEtaSq) {
            super(x, t);
            this.eta = eta;
            this.weightedSum = weightedSum;
            this.sumEta = sumEta;
            this.sumEtaSq = sumEtaSq;
        }

        @Override
        public OptionalDouble stepSize() {
            return t == 0 ? OptionalDouble.empty() : OptionalDouble.of(eta);
        }

        /** x_bar_t = sum_{s&lt;t} eta_s x_s / sum_{s&lt;t} eta_s; x_0 itself at t = 0. */
        public double[] average() {
            if (t == 0) {
                return x.clone();
            }
            double[] avg = new double[x.length];
            for (int i = 0; i < avg.length; i++) {
                avg[i] = weightedSum[i] / sumEta;
            }
            return avg;
        }

        /** sum_{s&lt;t} eta_s. */
        public double sumEta() {
            return sumEta;
        }

        /** sum_{s&lt;t} eta_s^2. */
        public double sumEtaSquared() {
            return sumEtaSq;
        }

        @Override
        public String toString() {
            return "sgd state t = " + t + ", x = " + Arrays.toString(x);
        }
    }
}
