package io.optcheck.thirdparty;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import org.nd4j.linalg.learning.config.AdaGrad;

/**
 * ND4J 1.0.0-M2.1 {@code AdaGrad(lr, epsilon)}: G = G + g^2, update lr g / (sqrt(G) + eps), eps
 * outside the root (libnd4j {@code updaterAdaGrad.cpp}). The accumulator starts at 1e-6 whatever
 * epsilon is configured: {@code AdaGradUpdater} initializes the view with its own field
 * {@code epsilon = AdaGrad.DEFAULT_ADAGRAD_EPSILON} (1e-6), which nothing sets from the
 * configuration ({@code viewArray.assign(epsilon)}), while the update uses
 * {@code config.getEpsilon()}. Declared as the source does it: {@code initial-accumulator = 1e-6}
 * (with ND4J's default eps, 1e-6, the two agree; Nd4jHandReproductionTest shows the accumulator
 * of {@code AdaGrad(0.1, 0)}).
 */
public final class Nd4jAdaGrad implements PluggableOptimizer {

    @Override
    public String id() {
        return "nd4j.adagrad";
    }

    @Override
    public MethodKind kind() {
        return MethodKind.ADAGRAD;
    }

    @Override
    public Map<String, String> conventions() {
        return Map.of("initial-accumulator", "1e-6");
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
        return new Nd4jOptimizer(new AdaGrad(h.get("lr"), h.get("eps")));
    }
}
