package io.optcheck.thirdparty;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import org.nd4j.linalg.learning.config.AdaMax;

/**
 * ND4J 1.0.0-M2.1 {@code AdaMax(lr, beta1, beta2, epsilon)} (javadoc: "a variant of Adam",
 * arXiv 1412.6980, Section 7.1). Declared with optcheck's default AdaMax conventions (eps added to
 * u outside the maximum, as TensorFlow and Keras do; bias correction 1/(1 - b1^t) on), since
 * ND4J's configuration takes an epsilon (default 1e-8) and says nothing of where it goes. Its
 * kernel (libnd4j {@code updaterAdaMax.cpp}) never adds it: u = max(b2 u, |g|) + 1e-32, update =
 * lr/(1 - b1^(it+1)) m / u; epsilon only replaces lr_t when lr_t is NaN, 0 or infinite. The
 * configured epsilon has no effect on the update: a finding (Nd4jHandReproductionTest).
 */
public final class Nd4jAdaMax implements PluggableOptimizer {

    @Override
    public String id() {
        return "nd4j.adamax";
    }

    @Override
    public MethodKind kind() {
        return MethodKind.ADAMAX;
    }

    @Override
    public Map<String, String> conventions() {
        return Map.of("eps", "outside-max");
    }

    @Override
    public Optimizer<?> create(Hyperparameters h) {
        return new Nd4jOptimizer(new AdaMax(h.get("lr"), h.get("b1"), h.get("b2"), h.get("eps")));
    }
}
