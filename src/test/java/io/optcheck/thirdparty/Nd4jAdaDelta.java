package io.optcheck.thirdparty;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import org.nd4j.linalg.learning.config.AdaDelta;

/**
 * ND4J 1.0.0-M2.1 {@code AdaDelta(rho, epsilon)} ({@code AdaDeltaUpdater}: "Line 4 of Algorithm 1"
 * of Zeiler 2012): E[g^2] = rho E[g^2] + (1 - rho) g^2, update g sqrt(E[dx^2]_{t-1} + eps) /
 * sqrt(E[g^2]_t + eps), E[dx^2] = rho E[dx^2] + (1 - rho) update^2, both accumulators from 0
 * (libnd4j {@code updaterAdaDelta.cpp}): eps inside the roots, {@code eps = inside-sqrt}. ND4J
 * default: rho 0.95, eps 1e-6.
 */
public final class Nd4jAdaDelta implements PluggableOptimizer {

    @Override
    public String id() {
        return "nd4j.adadelta";
    }

    @Override
    public MethodKind kind() {
        return MethodKind.ADADELTA;
    }

    @Override
    public Map<String, String> conventions() {
        return Map.of("eps", "inside-sqrt");
    }

    /**
     * lr = 1: ND4J's AdaDelta has no learning rate ({@code AdaDelta(rho, epsilon)};
     * {@code hasLearningRate()} is false), as in Zeiler 2012. The adapter refuses any other lr.
     * eps &gt; 0: at eps = 0 a zero gradient becomes 0 sqrt(0)/sqrt(0) = NaN (found by
     * conf.zero-gradient with optcheck's default range eps in [0, 1e-2];
     * Nd4jHandReproductionTest); ND4J's default eps, 1e-6, is inside the declared range.
     */
    @Override
    public Map<String, Range> hyperparameterRanges() {
        return Map.of("lr", new Range(1, 1), "eps", new Range(1e-10, 1e-2));
    }

    @Override
    public Optimizer<?> create(Hyperparameters h) {
        return new Nd4jOptimizer(adaDelta(h));
    }

    private static AdaDelta adaDelta(Hyperparameters h) {
        if (h.get("lr") != 1) {
            throw new IllegalArgumentException(
                    "ND4J's AdaDelta has no learning rate: lr must be 1, got " + h.get("lr"));
        }
        return new AdaDelta(h.get("rho"), h.get("eps"));
    }
}
