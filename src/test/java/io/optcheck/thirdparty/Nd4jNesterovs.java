package io.optcheck.thirdparty;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * ND4J 1.0.0-M2.1 {@code Nesterovs(lr, momentum)}. Its source ({@code NesterovsUpdater}, after
 * cs231n's second Nesterov equation; libnd4j {@code updaterNesterovs.cpp}): v = mu v_prev - lr g,
 * update = mu v_prev - (1 + mu) v, params -= update, with g taken at the stored parameters. That
 * is x+ = x - lr g + mu v: constant-momentum Nesterov in the lookahead form (the stored point is
 * the look-ahead point of the Sutskever form), declared as {@code nesterov-form = lookahead};
 * kind NESTEROV_CONSTANT.
 */
public final class Nd4jNesterovs implements PluggableOptimizer {

    @Override
    public String id() {
        return "nd4j.nesterovs";
    }

    @Override
    public MethodKind kind() {
        return MethodKind.NESTEROV_CONSTANT;
    }

    @Override
    public Map<String, String> conventions() {
        return Map.of("nesterov-form", "lookahead");
    }

    @Override
    public Optimizer<?> create(Hyperparameters h) {
        return new Nd4jOptimizer(new Nesterovs(h.get("lr"), h.get("momentum")));
    }
}
