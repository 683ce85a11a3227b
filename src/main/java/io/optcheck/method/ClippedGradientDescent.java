package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Num;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Gradient descent with norm clipping: x_{t+1} = x_t - eta clip(g_t, c) with
 * clip(g, c) = g min(1, c/||g||), i.e. a step of effective size eta' = eta min(1, c/||g||)
 * along -g (Zhang, He, Sra and Jadbabaie 2020, "Why gradient clipping accelerates training",
 * Algorithm 1 with the norm clip; Pascanu, Mikolov and Bengio 2013).
 *
 * <p>g_t is whatever the oracle returns (exact or stochastic). A zero gradient gives a zero step.
 * ||g|| is computed with scaling, so it neither overflows nor underflows. Non-finite gradients are
 * not checked here: the runner ends the run at the oracle call. The reported step size is the
 * effective eta'.
 */
public final class ClippedGradientDescent implements Method<ClippedGradientDescent.State> {
    private final double eta;
    private final double c;

    /**
     * @param eta step size, finite and &gt; 0
     * @param c clipping threshold, &gt; 0; +Infinity means no clipping
     * @throws IllegalArgumentException otherwise
     */
    public ClippedGradientDescent(double eta, double c) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be finite and > 0, got " + eta);
        }
        if (!(c > 0)) {
            throw new IllegalArgumentException("the clipping threshold c must be > 0, got " + c);
        }
        this.eta = eta;
        this.c = c;
    }

    public double eta() {
        return eta;
    }

    /** The clipping threshold c. */
    public double threshold() {
        return c;
    }

    /** min(1, c/||g||) for a gradient of norm {@code norm} (1 for a zero gradient). */
    public static double clipFactor(double norm, double c) {
        return norm > c ? c / norm : 1.0;
    }

    @Override
    public String id() {
        return "gd-clipped";
    }

    @Override
    public State init(double[] x0) {
        if (x0 == null || x0.length == 0) {
            throw new IllegalArgumentException("x0 must be non-empty");
        }
        return new State(x0.clone(), 0, Double.NaN);
    }

    @Override
    public State step(State s, GradientOracle oracle) {
        double[] x = s.x;
        double[] g = new double[x.length];
        oracle.gradient(x, g);
        double factor = clipFactor(norm(g), c);
        double e = eta * factor;
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] - e * g[i];
        }
        return new State(next, s.t + 1, e);
    }

    /** Euclidean norm scaled by the largest component (no overflow or underflow of squares). */
    static double norm(double[] v) {
        double m = 0;
        for (double a : v) {
            m = Math.max(m, Math.abs(a));
        }
        if (m == 0 || !Double.isFinite(m)) {
            return m;
        }
        double s = 0;
        for (double a : v) {
            double r = a / m;
            s += r * r;
        }
        return m * Math.sqrt(s);
    }

    @Override
    public String toString() {
        return "clipped gd(eta = " + Num.fmt(eta) + ", c = " + Num.fmt(c) + ")";
    }

    /** The iterate, t, and the effective step eta' used to reach it (NaN initially). */
    public static final class State implements MethodState {
        private final double[] x;
        private final int t;
        private final double stepSize;

        private State(double[] owned, int t, double stepSize) {
            this.x = owned;
            this.t = t;
            this.stepSize = stepSize;
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public int t() {
            return t;
        }

        @Override
        public OptionalDouble stepSize() {
            return Double.isNaN(stepSize) ? OptionalDouble.empty() : OptionalDouble.of(stepSize);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && t == s.t && Arrays.equals(x, s.x)
                    && Double.compare(stepSize, s.stepSize) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(x), t, stepSize);
        }

        @Override
        public String toString() {
            return "clipped gd state t = " + t + ", x = " + Num.fmt(x);
        }
    }
}
