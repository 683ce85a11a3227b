package io.optcheck.thirdparty;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import org.nd4j.linalg.learning.config.Nadam;

/**
 * ND4J 1.0.0-M2.1 {@code Nadam(lr, beta1, beta2, epsilon)}. Declared as ND4J documents it: its
 * javadoc cites Ruder 2016 (arXiv 1609.04747), whose Nadam bias-corrects both moments and uses
 * the same power in the momentum correction, b1 m_t / (1 - b1^t) + (1 - b1) g_t / (1 - b1^t):
 * {@code momentum-correction = same-power}, eps outside the root and bias correction on (the
 * defaults). Its kernel (libnd4j {@code updaterNadam.cpp}) computes lr (b1 m_t + (1 - b1) g_t) /
 * (1 - b1^t) / (sqrt(v_t) + eps) with v_t NOT corrected (no 1 - b2^t anywhere), so each step is
 * 1/sqrt(1 - b2^t) times the documented one: 31.6 times at t = 1 with b2 = 0.999. That is a
 * finding, not a convention (Nd4jHandReproductionTest).
 */
public final class Nd4jNadam implements PluggableOptimizer {

    @Override
    public String id() {
        return "nd4j.nadam";
    }

    @Override
    public MethodKind kind() {
        return MethodKind.NADAM;
    }

    @Override
    public Map<String, String> conventions() {
        return Map.of("momentum-correction", "same-power");
    }

    /**
     * eps &gt; 0: at eps = 0 a coordinate whose gradient is exactly 0 gets 0 / (sqrt(0) + 0) =
     * NaN in ND4J 1.0.0-M2.1 (its kernels divide without a guard; later libnd4j versions replace
     * eps = 0 by 1e-7, "to prevent underflow"). Found by conf.zero-gradient with optcheck's default
     * range eps in [0, 1e-2]; Nd4jHandReproductionTest and Nd4jFindingsTest assert it. ND4J's
     * default eps is inside the declared range.
     */
    @Override
    public Map<String, Range> hyperparameterRanges() {
        return Map.of("eps", new Range(1e-10, 1e-2));
    }

    @Override
    public Optimizer<?> create(Hyperparameters h) {
        return new Nd4jOptimizer(new Nadam(h.get("lr"), h.get("b1"), h.get("b2"), h.get("eps")));
    }
}
