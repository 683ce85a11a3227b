package io.optcheck.plugin;

import io.optcheck.method.Hyperparameters;
import io.optcheck.method.MethodKind;
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
     * Default: none, meaning the defaults of {@link io.optcheck.method.MethodProviders}.
     */
    default Map<String, String> conventions() {
        return Map.of();
    }

    /**
     * A fresh optimizer with these hyperparameters.
     *
     * @throws IllegalArgumentException when a value is outside what the optimizer supports; the
     *     theorem then reports the instance as an error naming the value
     */
    Optimizer<?> create(Hyperparameters h);
}
