package io.optcheck.method;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Precision;
import java.util.Map;

/**
 * Builds methods of one declared kind from hyperparameters: the seam through which a theorem
 * written for "gradient descent with step lr" runs on optcheck's own {@link GradientDescent}, on
 * a user's plug-in, or on a third-party library. Implementations must return a fresh method
 * (no state shared between the returned objects).
 */
public interface MethodProvider {

    /** The method id in reports, e.g. {@code "gd"} or {@code "com.acme.MyOptimizer"}. */
    String id();

    /** What the method claims to be. */
    MethodKind kind();

    /**
     * The conventions the method declares (for example {@code epsPlacement = outside-sqrt}), shown
     * in every result it takes part in. Empty when the kind has none.
     */
    default Map<String, String> conventions() {
        return Map.of();
    }

    /** The floating-point format the method computes in. Default: float64. */
    default Precision precision() {
        return Precision.FLOAT64;
    }

    /**
     * A fresh method with these hyperparameters.
     *
     * @throws IllegalArgumentException when a hyperparameter is missing or out of range
     */
    Method<?> create(Hyperparameters h);
}
