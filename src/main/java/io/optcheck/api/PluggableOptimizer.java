package io.optcheck.api;

import java.util.Map;

/**
 * The class a user hands to optcheck (from JUnit, or with {@code --method-class} on the command
 * line, where it needs a public no-argument constructor). It says what the optimizer claims to
 * be and builds instances with the hyperparameters a theorem chooses.
 *
 * <p>The declared {@link #kind()} decides which theorems apply: a theorem about "gradient descent
 * with step lr" runs on every optimizer declaring {@link MethodKind#GD}, choosing lr itself
 * (for example 0.9/L) and asking {@link #create} for an optimizer with it. The hyperparameter
 * names of each kind are listed by {@link MethodKind#hyperparameters()}.
 */
public interface PluggableOptimizer {

    /** The method id in reports. Default: the class's fully qualified name. */
    default String id() {
        return getClass().getName();
    }

    /** What the optimizer claims to be. */
    MethodKind kind();

    /**
     * The conventions it follows where implementations legitimately differ (for Adam-type kinds:
     * {@code eps} = {@code outside-sqrt} or {@code inside-sqrt}, {@code bias-correction},
     * {@code weight-decay} = {@code decoupled} or {@code coupled-l2}, {@code decay-times-lr};
     * for NESTEROV: {@code nesterov-form}). Unknown keys or values are an error naming them.
     * Default: none, meaning the defaults of {@code io.optcheck.method.MethodProviders}.
     */
    default Map<String, String> conventions() {
        return Map.of();
    }

    /**
     * The floating-point format the optimizer computes its update in. optcheck's tolerances and
     * the precision-aware bounds follow it, and the declared-precision conformance check compares
     * it with what the iterates show (a float64 declaration whose every iterate is a float32
     * number fails). Default: {@link Precision#FLOAT64}.
     */
    default Precision precision() {
        return Precision.FLOAT64;
    }

    /**
     * A fresh optimizer with these hyperparameters.
     *
     * @throws IllegalArgumentException when a value is outside what the optimizer supports; the
     *     theorem then reports the instance as an error naming the value
     */
    Optimizer<?> create(Hyperparameters h);

    /**
     * The closed interval of values a hyperparameter may take, as the optimizer declares it.
     *
     * @param min the smallest allowed value
     * @param max the largest allowed value (&gt;= min)
     */
    record Range(double min, double max) {
        public Range {
            if (!(min <= max) || Double.isNaN(min) || Double.isNaN(max)) {
                throw new IllegalArgumentException("a range needs min <= max, got [" + min + ", " + max + "]");
            }
        }

        /** True when min &lt;= v &lt;= max. */
        public boolean contains(double v) {
            return v >= min && v <= max;
        }
    }

    /**
     * The hyperparameter values the optimizer supports, by name (see
     * {@link MethodKind#hyperparameters()}). Conformance properties draw hyperparameters only from
     * these ranges; for a name not listed they use optcheck's default range (for example eps in
     * [0, 1e-2], including eps = 0, so an Adam that divides 0 by 0 at a zero gradient is caught by
     * the robustness property unless it declares eps &gt; 0). Default: no declarations.
     */
    default Map<String, Range> hyperparameterRanges() {
        return Map.of();
    }
}
