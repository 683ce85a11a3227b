package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;

/**
 * What the gradient methods that step along a line from x_t share ({@link ArmijoBacktracking},
 * {@link WolfeLineSearch}, {@link ExactLineSearchGd}, {@link DirectionDescent} and the adapter of
 * a user's line search): the state {@link LineSearchState}, its initial value at x0, and the start
 * of each step, one gradient call at the current iterate. A subclass chooses the direction and the
 * step, {@link #step(LineSearchState, GradientOracle, double[], double[])}.
 */
public abstract class LineStepMethod implements Method<LineSearchState> {

    /** The state at x0: t = 0, no step, no trials; an empty x0 throws IllegalArgumentException. */
    @Override
    public final LineSearchState init(double[] x0) {
        return LineSearchState.initial(x0);
    }

    @Override
    public final LineSearchState step(LineSearchState s, GradientOracle oracle) {
        double[] x = s.x();
        return step(s, oracle, x, LineSearchSupport.gradient(oracle, x));
    }

    /**
     * The state after one step from {@code s}.
     *
     * @param x the iterate of s (a copy of it)
     * @param g the oracle's gradient at x, the step's first gradient call
     */
    protected abstract LineSearchState step(LineSearchState s, GradientOracle oracle, double[] x, double[] g);
}
