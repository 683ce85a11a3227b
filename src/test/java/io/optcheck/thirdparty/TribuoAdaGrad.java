package io.optcheck.thirdparty;

import io.optcheck.method.Hyperparameters;
import io.optcheck.method.MethodKind;
import io.optcheck.plugin.Optimizer;
import io.optcheck.plugin.PluggableOptimizer;
import java.util.Map;

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

    @Override
    public Optimizer<?> create(Hyperparameters h) {
        double lr = h.get("lr");
        double eps = h.get("eps");
        return new TribuoOptimizer(() -> new org.tribuo.math.optimisers.AdaGrad(lr, eps));
    }
}
