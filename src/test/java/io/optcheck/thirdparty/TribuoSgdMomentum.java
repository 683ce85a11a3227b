package io.optcheck.thirdparty;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import org.tribuo.math.optimisers.SGD;

/**
 * Tribuo 4.3.2 {@code SGD.getSimpleSGD(lr, rho, Momentum.STANDARD)}: m = rho m + a (a the ascent
 * gradient, m_0 = 0), update lr m. With a constant lr, lr m_{t-1} = x_t - x_{t-1}, so
 * x+ = x - lr grad f(x) + rho (x - x_prev): Polyak heavy ball with momentum = rho, kind HEAVY_BALL.
 */
public final class TribuoSgdMomentum implements PluggableOptimizer {

    @Override
    public String id() {
        return "tribuo.sgd-momentum";
    }

    @Override
    public MethodKind kind() {
        return MethodKind.HEAVY_BALL;
    }

    @Override
    public Map<String, String> conventions() {
        return Map.of();
    }

    @Override
    public Optimizer<?> create(Hyperparameters h) {
        double lr = h.get("lr");
        double rho = h.get("momentum");
        return new TribuoOptimizer(() -> SGD.getSimpleSGD(lr, rho, SGD.Momentum.STANDARD));
    }
}
