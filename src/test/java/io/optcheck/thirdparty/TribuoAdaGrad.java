package io.optcheck.thirdparty;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * Tribuo 4.3.2 {@code AdaGrad(lr, eps)} (initial accumulator 0): G += a^2, update
 * lr a / (eps + sqrt(G)), eps outside the square root; kind ADAGRAD. Tribuo default eps: 1e-6.
 */
public final class TribuoAdaGrad implements PluggableOptimizer {

    @Override
    public String id() {
        return "tribuo.adagrad";
    }

    @Override
    public MethodKind kind() {
        return MethodKind.ADAGRAD;
    }

    @Override
    public Map<String, String> conventions() {
        return Map.of();
    }

    /**
     * eps &gt; 0: Tribuo divides by eps + sqrt(accumulator) without a guard, so at eps = 0 a
     * coordinate whose gradient is exactly 0 (accumulator 0) gets 0 * (lr / 0) = NaN (found by
     * conf.zero-gradient and conf.robustness with optcheck's default range eps in [0, 1e-2];
     * TribuoHandReproductionTest and TribuoFindingsTest assert it). Tribuo's defaults (1e-6 for
     * AdaGrad, 1e-8 for RMSProp) are inside the declared range.
     */
    @Override
    public Map<String, Range> hyperparameterRanges() {
        return Map.of("eps", new Range(1e-10, 1e-2));
    }

    @Override
    public Optimizer<?> create(Hyperparameters h) {
        double lr = h.get("lr");
        double eps = h.get("eps");
        return new TribuoOptimizer(() -> new AdaGrad(lr, eps));
    }
}
