package io.optcheck.thirdparty;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import org.tribuo.math.optimisers.SGD;

/**
 * Tribuo 4.3.2 {@code SGD.getSimpleSGD(lr)} (constant learning rate, {@code Momentum.NONE}): it
 * returns lr times the ascent gradient, so x+ = x - lr grad f(x): kind GD.
 */
public final class TribuoSgd implements PluggableOptimizer {

    @Override
    public String id() {
        return "tribuo.sgd";
    }

    @Override
    public MethodKind kind() {
        return MethodKind.GD;
    }

    @Override
    public Map<String, String> conventions() {
        return Map.of();
    }

    @Override
    public Optimizer<?> create(Hyperparameters h) {
        double lr = h.get("lr");
        return new TribuoOptimizer(() -> SGD.getSimpleSGD(lr));
    }
}
