package io.optcheck.oracle;

import io.optcheck.problem.Objective;
import java.util.Objects;

/**
 * The gradient of an objective multiplied coordinate-wise by a fixed vector d: returns f(x) and
 * d * grad f(x). Used to check how a method responds to a rescaled gradient (adapt.scale-invariance).
 * NaN or infinite components of d or of the gradient propagate. Not thread-safe (call counters).
 */
public final class ScaledOracle implements GradientOracle {
    private final Objective objective;
    private final double[] scale;
    private long valueCalls;
    private long gradientCalls;

    /**
     * @param objective the objective
     * @param scale the factor vector d (copied), of the objective's dimension
     */
    public ScaledOracle(Objective objective, double[] scale) {
        this.objective = Objects.requireNonNull(objective, "objective");
        if (scale.length != objective.dimension()) {
            throw new IllegalArgumentException("scale has length " + scale.length + ", expected "
                    + objective.dimension());
        }
        this.scale = scale.clone();
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
            out[i] *= scale[i];
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
