package io.optcheck.thirdparty;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import org.tribuo.math.optimisers.SGD;

/**
 * Tribuo 4.3.2 {@code SGD.getSimpleSGD(lr, rho, Momentum.NESTEROV)}: m = rho m + a, update
 * lr a + lr rho m, with the gradient taken at the stored point. That is constant-momentum Nesterov
 * in the lookahead form (the stored point is y_{t+1} = x_t + rho (x_t - x_{t-1}) of the Sutskever
 * form), declared as {@code nesterov-form = lookahead}; kind NESTEROV_CONSTANT.
 */
public final class TribuoSgdNesterov implements PluggableOptimizer {

    @Override
    public String id() {
        return "tribuo.sgd-nesterov";
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
        double lr = h.get("lr");
        double rho = h.get("momentum");
        return new TribuoOptimizer(() -> SGD.getSimpleSGD(lr, rho, SGD.Momentum.NESTEROV));
    }
}
