package io.optcheck.method;

import io.optcheck.problem.Num;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The state of a gradient method with a line search: the iterate, the number of steps, the step
 * size that produced it (NaN for none) and how many trial steps the last line search evaluated
 * (0 for the initial state). Immutable; arrays are copied on the way in and out. The step size and
 * trial count are informational: checkers recompute what they check from the iterates.
 */
public final class LineSearchState implements MethodState {
    private final double[] x;
    private final int t;
    private final double stepSize;
    private final int trials;

    /**
     * @param x the iterate (copied), non-empty
     * @param t steps taken, {@code >= 0}
     * @param stepSize the step that produced this state, NaN for none
     * @param trials trial steps of the last line search, {@code >= 0}
     */
    public LineSearchState(double[] x, int t, double stepSize, int trials) {
        Objects.requireNonNull(x, "x");
        if (x.length == 0) {
            throw new IllegalArgumentException("x must be non-empty");
        }
        if (t < 0 || trials < 0) {
            throw new IllegalArgumentException("t and trials must be >= 0, got " + t + ", " + trials);
        }
        this.x = x.clone();
        this.t = t;
        this.stepSize = stepSize;
        this.trials = trials;
    }

    /** The initial state at x0. */
    static LineSearchState initial(double[] x0) {
        MethodArgs.requireStart(x0);
        return new LineSearchState(x0, 0, Double.NaN, 0);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    /** Component i of the iterate, without a copy. */
    double x(int i) {
        return x[i];
    }

    int dimension() {
        return x.length;
    }

    @Override
    public int t() {
        return t;
    }

    @Override
    public OptionalDouble stepSize() {
        return Double.isNaN(stepSize) ? OptionalDouble.empty() : OptionalDouble.of(stepSize);
    }

    /** Trial steps evaluated by the line search that produced this state. */
    public int trials() {
        return trials;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineSearchState s
                && t == s.t
                && trials == s.trials
                && Arrays.equals(x, s.x)
                && Double.compare(stepSize, s.stepSize) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(x), t, stepSize, trials);
    }

    @Override
    public String toString() {
        return "line-search state t = " + t + ", x = " + Num.fmt(x) + ", step = " + stepSize + ", trials = " + trials;
    }
}
