package io.optcheck.method;

import io.optcheck.problem.Num;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The state of the adaptive methods (Adam, AdamW, AMSGrad, AdaGrad, RMSProp, signSGD): the
 * iterate x_t, the step count t, the first moment m, the second-moment accumulator v and, for
 * AMSGrad, vhat (the running maximum of v; empty for the others). Immutable: arrays are copied
 * in and out. A method that keeps no moment stores zeros.
 */
public final class AdaptiveState extends IterateState {
    private final double[] m;
    private final double[] v;
    private final double[] vhat;
    private final double stepSize;

    /**
     * @param x the iterate (copied)
     * @param t steps taken, {@code >= 0}
     * @param m first moment (copied), same length as x
     * @param v second moment (copied), same length as x
     * @param vhat running maximum of v (copied), same length as x, or empty
     * @param stepSize the learning rate used to reach this state, NaN for none
     */
    public AdaptiveState(double[] x, int t, double[] m, double[] v, double[] vhat, double stepSize) {
        super(Objects.requireNonNull(x, "x").clone(), t);
        if (t < 0) {
            throw new IllegalArgumentException("t must be >= 0, got " + t);
        }
        if (m.length != x.length || v.length != x.length || (vhat.length != 0 && vhat.length != x.length)) {
            throw new IllegalArgumentException("moment arrays must have the length of x");
        }
        this.m = m.clone();
        this.v = v.clone();
        this.vhat = vhat.clone();
        this.stepSize = stepSize;
    }

    /** The state at x0: t = 0 and all moments zero (vhat zero when {@code withMax}). */
    public static AdaptiveState initial(double[] x0, boolean withMax) {
        MethodArgs.requireStart(x0);
        int d = x0.length;
        return new AdaptiveState(
                x0, 0, new double[d], new double[d], withMax ? new double[d] : new double[0], Double.NaN);
    }

    /**
     * The state at t = 0 of a method whose accumulator starts at {@code v0} in every coordinate
     * (AdaGrad's and RMSProp's initial accumulator): m = 0, no running maximum, no step yet.
     */
    public static AdaptiveState initial(double[] x0, double v0) {
        AdaptiveState s = initial(x0, false);
        if (v0 == 0) {
            return s;
        }
        double[] v = new double[x0.length];
        Arrays.fill(v, v0);
        return new AdaptiveState(x0, 0, s.m(), v, new double[0], Double.NaN);
    }

    /** A copy of the first moment m_t. */
    public double[] m() {
        return m.clone();
    }

    /** A copy of the second-moment accumulator v_t. */
    public double[] v() {
        return v.clone();
    }

    /** A copy of vhat_t (AMSGrad), empty for the other methods. */
    public double[] vhat() {
        return vhat.clone();
    }

    @Override
    public OptionalDouble stepSize() {
        return stepOrEmpty(stepSize);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdaptiveState s
                && t == s.t
                && Arrays.equals(x, s.x)
                && Arrays.equals(m, s.m)
                && Arrays.equals(v, s.v)
                && Arrays.equals(vhat, s.vhat)
                && Double.compare(stepSize, s.stepSize) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(x), t, Arrays.hashCode(m), Arrays.hashCode(v), Arrays.hashCode(vhat));
    }

    @Override
    public String toString() {
        return "adaptive state t = " + t + ", x = " + Num.fmt(x);
    }
}
