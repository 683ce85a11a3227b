package io.optcheck.oracle;

import io.optcheck.problem.Objective;
import java.util.Objects;

/**
 * One outcome of a stochastic oracle with finite support: returns f(x) and grad f(x) + xi for a
 * fixed noise vector xi. Enumerating the outcomes of a finite noise distribution (one
 * ShiftedOracle per support point, with its probability) gives exact expectations of anything a
 * method computes from one oracle call, without sampling. NaN or infinite components of xi or of
 * the gradient propagate. Not thread-safe (call counters).
 */
public final class ShiftedOracle implements GradientOracle {
    private final Objective objective;
    private final double[] shift;
    private long valueCalls;
    private long gradientCalls;

    /**
     * @param objective the objective
     * @param shift the noise vector xi (copied), of the objective's dimension
     */
    public ShiftedOracle(Objective objective, double[] shift) {
        this.objective = Objects.requireNonNull(objective, "objective");
        if (shift.length != objective.dimension()) {
            throw new IllegalArgumentException("shift has length " + shift.length + ", expected "
                    + objective.dimension());
        }
        this.shift = shift.clone();
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
        for (int i = 0; i < out.length; i++) {
            out[i] += shift[i];
        }
    }

    @Override
    public long valueCalls() {
        return valueCalls;
    }

    @Override
    public long gradientCalls() {
        return gradientCalls;
    }
}
