package io.optcheck.thirdparty;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import org.nd4j.linalg.learning.config.AdaBelief;

/**
 * ND4J 1.0.0-M2.1 {@code AdaBelief(lr, beta1, beta2, epsilon)} (javadoc: arXiv 2010.07468). Its
 * kernel (libnd4j {@code updaterAdaBelief.cpp}) adds eps in the recursion of s, as Algorithm 2
 * does, declared {@code eps = recursion-and-outside}; it then folds the bias correction into
 * lr_t = lr sqrt(1 - b2^(it+1)) / (1 - b1^(it+1)) and adds eps to sqrt of the UNCORRECTED s (the
 * eps-hat form), which no ADABELIEF convention of optcheck expresses. It never gets that far:
 * {@code AdaBelief.instantiate(view, initialize)}, the documented way to build the updater,
 * throws ArrayIndexOutOfBoundsException (it reshapes the view to rank 1 and then halves
 * {@code gradientShape[1]}), so every result is an error naming that exception
 * (Nd4jHandReproductionTest).
 */
public final class Nd4jAdaBelief implements PluggableOptimizer {

    @Override
    public String id() {
        return "nd4j.adabelief";
    }

    @Override
    public MethodKind kind() {
        return MethodKind.ADABELIEF;
    }

    @Override
    public Map<String, String> conventions() {
        return Map.of("eps", "recursion-and-outside");
    }

    /** eps &gt; 0 (ND4J's default is 1e-14), as for ND4J's other Adam-type updaters. */
    @Override
    public Map<String, Range> hyperparameterRanges() {
        return Map.of("eps", new Range(1e-16, 1e-2));
    }

    @Override
    public Optimizer<?> create(Hyperparameters h) {
        return new Nd4jOptimizer(new AdaBelief(h.get("lr"), h.get("b1"), h.get("b2"), h.get("eps")));
    }
}
