package io.optcheck.thirdparty;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * ND4J 1.0.0-M2.1 {@code Sgd(lr)}: the update is lr g ({@code SgdUpdater}: "applies a learning rate
 * only"), so x+ = x - lr g: kind GD.
 */
public final class Nd4jSgd implements PluggableOptimizer {

    @Override
    public String id() {
        return "nd4j.sgd";
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
        return new Nd4jOptimizer(new Sgd(h.get("lr")));
    }
}
