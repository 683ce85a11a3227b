package io.optcheck.thirdparty;

import io.optcheck.method.Hyperparameters;
import io.optcheck.method.MethodKind;
import io.optcheck.plugin.Optimizer;
import io.optcheck.plugin.PluggableOptimizer;
import java.util.Map;

/**
 * Tribuo 4.3.2 SGD with its three schedules (constant, {@code getLinearDecaySGD}: lr/t,
 * {@code getSqrtDecaySGD}: lr/sqrt(t), t counted from 1 at the first step): kind SGD with
 * a = lr, b = 1, p in {0, 1/2, 1}; other (b, p) are refused with IllegalArgumentException.
 */
public final class TribuoSgdSchedule implements PluggableOptimizer {

    @Override
    public String id() {
        return "tribuo.sgd-schedule";
    }

    @Override
    public MethodKind kind() {
        return MethodKind.SGD;
    }

    @Override
    public Map<String, String> conventions() {
        return Map.of();
    }

    @Override
    public Optimizer<?> create(Hyperparameters h) {
        double a = h.get("a");
        double b = h.get("b");
        double p = h.get("p");
        // Tribuo counts iterations from 1 at the first step, so its lr/t^p is a/(t + 1)^p with
        // optcheck t counted from 0: only b = 1 and p in {0, 1/2, 1} exist in Tribuo.
        if (b != 1 || !(p == 0 || p == 0.5 || p == 1)) {
            throw new IllegalArgumentException("Tribuo SGD schedules are a/(t+1)^p with p in {0, 0.5, 1}; got b = "
                + b + ", p = " + p);
        }
        return new TribuoOptimizer(() -> p == 0 ? org.tribuo.math.optimisers.SGD.getSimpleSGD(a)
            : p == 1 ? org.tribuo.math.optimisers.SGD.getLinearDecaySGD(a)
            : org.tribuo.math.optimisers.SGD.getSqrtDecaySGD(a));
    }
}
