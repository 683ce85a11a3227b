package io.optcheck.method;

import io.optcheck.problem.Num;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The state of a two-step (momentum) method: the iterate x_t, the previous iterate x_{t-1}
 * (x_{-1} = x_0 in the initial state), the step count t, a method-specific scalar sequence value
 * (Nesterov's lambda_t; NaN for methods without one) and the step used to reach this state.
 * Immutable: arrays are copied on the way in and out.
 */
public final class MomentumState extends IterateState {
    private final double[] previous;
    private final double sequence;
    private final double stepSize;

    /**
     * @param x the iterate x_t (copied)
     * @param previous x_{t-1} (copied), of the same length
     * @param t steps taken, {@code >= 0}
     * @param sequence the method's scalar sequence at t (e.g. lambda_t), NaN for none
     * @param stepSize the step used to reach this state, NaN for none
     * @throws IllegalArgumentException on null, mismatched lengths or negative t
     */
    public MomentumState(double[] x, double[] previous, int t, double sequence, double stepSize) {
        super(Objects.requireNonNull(x, "x").clone(), t);
        Objects.requireNonNull(previous, "previous");
        if (x.length != previous.length || x.length == 0) {
            throw new IllegalArgumentException("x and previous must be non-empty and of equal length, got " + x.length
                    + " and " + previous.length);
        }
        if (t < 0) {
            throw new IllegalArgumentException("t must be >= 0, got " + t);
        }
        this.previous = previous.clone();
        this.sequence = sequence;
        this.stepSize = stepSize;
    }

    /** The initial state: x_0 = x_{-1} = {@code x0}, t = 0. */
    static MomentumState initial(double[] x0, double sequence) {
        MethodArgs.requireStart(x0);
        return new MomentumState(x0, x0, 0, sequence, Double.NaN);
    }

    /** A copy of x_{t-1} (equal to x_0 in the initial state). */
    public double[] previous() {
        return previous.clone();
    }

    /** The method's scalar sequence at t (Nesterov's lambda_t), NaN for none. */
    public double sequence() {
        return sequence;
    }

    @Override
    public OptionalDouble stepSize() {
        return stepOrEmpty(stepSize);
    }

    /** x_t + m (x_t - x_{t-1}), the extrapolated point, as a fresh array. */
    double[] extrapolate(double m) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + m * (x[i] - previous[i]);
        }
        return y;
    }

    /** Direct access for the step functions of this package (no copy). */
    double[] xRef() {
        return x;
    }

    double[] previousRef() {
        return previous;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MomentumState s
                && t == s.t
                && Arrays.equals(x, s.x)
                && Arrays.equals(previous, s.previous)
                && Double.compare(sequence, s.sequence) == 0
                && Double.compare(stepSize, s.stepSize) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(x), Arrays.hashCode(previous), t, sequence, stepSize);
    }

    @Override
    public String toString() {
        return "momentum state t = " + t + ", x = " + Num.fmt(x) + ", x_prev = " + Num.fmt(previous)
                + (Double.isNaN(sequence) ? "" : ", sequence = " + Num.fmt(sequence));
    }
}
