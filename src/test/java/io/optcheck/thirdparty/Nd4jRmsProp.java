package io.optcheck.thirdparty;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * ND4J 1.0.0-M2.1 {@code RmsProp(lr, rmsDecay, epsilon)}: v = rho v + (1 - rho) g^2, update lr g /
 * (sqrt(v) + eps), eps outside the root, no bias correction, no momentum (libnd4j
 * {@code updaterRmsProp.cpp}); the accumulator starts at eps ({@code RmsPropUpdater}:
 * {@code viewArray.assign(config.getEpsilon())}): declared {@code initial-accumulator = eps}.
 * ND4J default eps: 1e-8, rho 0.95.
 */
public final class Nd4jRmsProp implements PluggableOptimizer {

    @Override
    public String id() {
        return "nd4j.rmsprop";
    }

    @Override
    public MethodKind kind() {
        return MethodKind.RMSPROP;
    }

    @Override
    public Map<String, String> conventions() {
        return Map.of("initial-accumulator", "eps");
    }

    /**
     * eps &gt; 0: at eps = 0 a coordinate whose gradient is exactly 0 gets 0 / (sqrt(0) + 0) =
     * NaN in ND4J 1.0.0-M2.1 (its kernels divide without a guard; later libnd4j versions replace
     * eps = 0 by 1e-7, "to prevent underflow"). Found by conf.zero-gradient with optcheck's default
     * range eps in [0, 1e-2]; Nd4jHandReproductionTest and Nd4jFindingsTest assert it. ND4J's
     * default eps is inside the declared range.
     */
    @Override
    public Map<String, Range> hyperparameterRanges() {
        return Map.of("eps", new Range(1e-10, 1e-2));
    }

    @Override
    public Optimizer<?> create(Hyperparameters h) {
        return new Nd4jOptimizer(new RmsProp(h.get("lr"), h.get("rho"), h.get("eps")));
    }
}
