package io.optcheck.oracle;

import io.optcheck.problem.Objective;
import java.util.Objects;

/**
 * The exact oracle: returns the objective's own value and gradient and counts the calls.
 * Mutable only through its counters; not thread-safe (one oracle per run).
 */
public final class ExactOracle extends CountingOracle<Objective> {

    public ExactOracle(Objective objective) {
        super(Objects.requireNonNull(objective, "objective"));
    }

    /** The wrapped objective. */
    public Objective objective() {
        return f;
    }

    @Override
    protected void estimate(double[] x, double[] out) {
        f.gradient(x, out);
    }

    @Override
    public String toString() {
        return "exact oracle of " + f.describe();
    }
}
