package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Vectors;
import java.util.Objects;

/**
 * A constant step along a direction rule: x_{t+1} = x_t + eta p(x_t, grad f(x_t)). With
 * {@link DirectionRule#STEEPEST} this is gradient descent (Nocedal &amp; Wright, Numerical
 * Optimization, 2nd ed., ch. 2 and sec. 3.1). The method does not check that p is a descent
 * direction: that is what a checker of it measures. One gradient call per step, no value calls.
 * Non-finite gradients are left to the runner, which stops the run with an error.
 */
public final class DirectionDescent extends LineStepMethod {
    private final double eta;
    private final DirectionRule rule;

    /**
     * @param eta the step, finite and &gt; 0
     * @param rule the direction rule
     * @throws IllegalArgumentException for a bad step
     */
    public DirectionDescent(double eta, DirectionRule rule) {
        MethodArgs.requirePositiveFinite(eta, "eta");
        this.eta = eta;
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String id() {
        return "gd-direction";
    }

    @Override
    protected LineSearchState step(LineSearchState s, GradientOracle oracle, double[] x, double[] g) {
        double[] p = rule.direction(x, g);
        return new LineSearchState(Vectors.along(x, eta, p), s.t() + 1, eta, 1);
    }

    @Override
    public String toString() {
        return "gd-direction(eta = " + LineSearchSupport.fmt(eta) + ", p = " + rule.describe() + ")";
    }
}
