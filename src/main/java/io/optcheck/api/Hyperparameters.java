package io.optcheck.api;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named hyperparameter values of one method instance (immutable). A theorem chooses them (for
 * example lr = 0.9/L) and a {@code io.optcheck.method.MethodProvider} builds the method from them.
 *
 * @param values name to value, sorted by name
 */
public record Hyperparameters(Map<String, Double> values) {

    public Hyperparameters {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** No values. */
    public static Hyperparameters none() {
        return new Hyperparameters(Map.of());
    }

    /** One value. */
    public static Hyperparameters of(String name, double value) {
        return none().with(name, value);
    }

    /** A copy with {@code name} set to {@code value}. */
    public Hyperparameters with(String name, double value) {
        TreeMap<String, Double> m = new TreeMap<>(values);
        m.put(name, value);
        return new Hyperparameters(m);
    }

    /**
     * The value of {@code name}.
     *
     * @throws IllegalArgumentException naming the missing hyperparameter and the ones present
     */
    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("hyperparameter '" + name + "' is not set; set: " + values.keySet());
        }
        return v;
    }

    /** The value of {@code name}, or {@code fallback} when it is not set. */
    public double get(String name, double fallback) {
        return values.getOrDefault(name, fallback);
    }
}
