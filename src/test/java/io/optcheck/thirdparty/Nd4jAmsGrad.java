package io.optcheck.thirdparty;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import org.nd4j.linalg.learning.config.AMSGrad;

/**
 * ND4J 1.0.0-M2.1 {@code AMSGrad(lr, beta1, beta2, epsilon)}. Its kernel (libnd4j
 * {@code updaterAmsGrad.cpp}: "vHat_t = max(vHat_{t-1}, v_t)", "gradient = alphat * m_t /
 * (sqrt(vHat) + eps)") takes the maximum over the RAW second moment ({@code max-over = raw}) and
 * folds the bias correction into alpha_t = lr sqrt(1 - b2^(it+1)) / (1 - b1^(it+1)), so eps is
 * added to sqrt of the uncorrected maximum: declared {@code eps = eps-hat}. All three buffers
 * start at 0. ND4J default eps: 1e-8.
 */
public final class Nd4jAmsGrad implements PluggableOptimizer {

    @Override
    public String id() {
        return "nd4j.amsgrad";
    }

    @Override
    public MethodKind kind() {
        return MethodKind.AMSGRAD;
    }

    @Override
    public Map<String, String> conventions() {
        return Map.of("eps", "eps-hat", "max-over", "raw");
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
        return new Nd4jOptimizer(new AMSGrad(h.get("lr"), h.get("b1"), h.get("b2"), h.get("eps")));
    }
}
