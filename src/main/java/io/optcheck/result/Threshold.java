package io.optcheck.result;

import java.util.Objects;

/**
 * For a breaking regime on a scalar parameter: the boundary the search found beside the theoretical
 * one, e.g. {@code eta L = 2.0004} vs {@code 2}.
 *
 * @param found     the boundary found by the search (any double, non-finite allowed)
 * @param theory    the boundary the theorem states
 * @param parameter the parameter, e.g. {@code "eta L"} or {@code "c1 - c2"}; not null
 */
public record Threshold(double found, double theory, String parameter) {
    public Threshold {
        Objects.requireNonNull(parameter, "parameter");
    }
}
