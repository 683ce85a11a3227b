package io.optcheck.thirdparty;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import org.tribuo.math.optimisers.SGD;

/**
 * Tribuo 4.3.2 {@code SGD.getSqrtDecaySGD(lr)}: lr_t = lr/sqrt(t) with Tribuo's t counted from 1
 * at the first step, i.e. kind SGD with a = lr, b = 1, p = 1/2 in optcheck's a/(t + b)^p (t from
 * 0). Declared ranges b = 1 and p = 1/2 exactly, since Tribuo has no other schedule of this form
 * ({@code getLinearDecaySGD} is p = 1, {@code getSimpleSGD} p = 0; this adapter builds those too
 * when asked, and refuses other (b, p) with IllegalArgumentException).
 */
public final class TribuoSgdSqrtDecay implements PluggableOptimizer {

    @Override
    public String id() {
        return "tribuo.sgd-sqrt-decay";
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
    public Map<String, Range> hyperparameterRanges() {
        return Map.of("b", new Range(1, 1), "p", new Range(0.5, 0.5));
    }

    @Override
    public Optimizer<?> create(Hyperparameters h) {
        double a = h.get("a");
        double b = h.get("b");
        double p = h.get("p");
        // Tribuo counts iterations from 1 at the first step, so its lr/t^p is a/(t + 1)^p with
        // optcheck t counted from 0: only b = 1 and p in {0, 1/2, 1} exist in Tribuo.
        // p = 0 is a constant step a whatever b is, so any b is Tribuo's constant SGD.
        if ((b != 1 && p != 0) || !(p == 0 || p == 0.5 || p == 1)) {
            throw new IllegalArgumentException(
                    "Tribuo SGD schedules are a/(t+1)^p with p in {0, 0.5, 1}; got b = " + b + ", p = " + p);
        }
        return new TribuoOptimizer(
                () -> p == 0 ? SGD.getSimpleSGD(a) : p == 1 ? SGD.getLinearDecaySGD(a) : SGD.getSqrtDecaySGD(a));
    }
}
