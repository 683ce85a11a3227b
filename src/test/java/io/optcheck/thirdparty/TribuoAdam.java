package io.optcheck.thirdparty;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import org.tribuo.math.optimisers.Adam;

/**
 * Tribuo 4.3.2 {@code Adam(lr, b1, b2, eps)}. Declared as Tribuo writes it: Kingma &amp; Ba's
 * reordered form lr_t = lr sqrt(1 - b2^t)/(1 - b1^t) with eps added to sqrt of the uncorrected
 * v ({@code eps = eps-hat}); Tribuo's default eps is 1e-6 (the paper's is 1e-8). Its last line,
 * {@code updates.hadamardProductInPlace(secondMoment, a -> Math.sqrt(a) + epsilon)}, MULTIPLIES the
 * update by sqrt(v) + eps where the algorithm divides; see TribuoHandReproductionTest.
 */
public final class TribuoAdam implements PluggableOptimizer {

    @Override
    public String id() {
        return "tribuo.adam";
    }

    @Override
    public MethodKind kind() {
        return MethodKind.ADAM;
    }

    @Override
    public Map<String, String> conventions() {
        return Map.of("eps", "eps-hat");
    }

    @Override
    public Optimizer<?> create(Hyperparameters h) {
        double lr = h.get("lr");
        double b1 = h.get("b1");
        double b2 = h.get("b2");
        double eps = h.get("eps");
        return new TribuoOptimizer(() -> new Adam(lr, b1, b2, eps));
    }
}
