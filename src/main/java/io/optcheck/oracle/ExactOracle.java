package io.optcheck.oracle;

import io.optcheck.problem.Objective;
import java.util.Objects;

/**
 * The exact oracle: returns the objective's own value and gradient and counts the calls.
 * Mutable only through its counters; not thread-safe (one oracle per run).
 */
public final class ExactOracle implements GradientOracle {
    private final Objective objective;
    private long valueCalls;
    private long gradientCalls;

    public ExactOracle(Objective objective) {
        this.objective = Objects.requireNonNull(objective, "objective");
    }

    /** The wrapped objective. */
    public Objective objective() {
        return objective;
    }

    @Override
    public int dimension() {
        return objective.dimension();
    }

    @Override
    public double value(double[] x) {
        valueCalls++;
        return objective.value(x);
    }

    @Override
    public void gradient(double[] x, double[] out) {
        gradientCalls++;
        objective.gradient(x, out);
    }

    @Override
    public long valueCalls() {
        return valueCalls;
    }

    @Override
    public long gradientCalls() {
        return gradientCalls;
    }

    @Override
    public String toString() {
        return "exact oracle of " + objective.describe();
    }
}
