package io.optcheck.method;

/**
 * The checks of the built-in methods' scalar parameters, with one message each: "NAME must be
 * finite and &gt; 0, got V" (or "&gt;= 0"). NaN fails both.
 */
final class MethodArgs {
    private MethodArgs() {
    }

    /**
     * Returns {@code v} when it is finite and {@code > 0}.
     *
     * @throws IllegalArgumentException naming {@code name} and v otherwise
     */
    static double requirePositiveFinite(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
        return v;
    }

    /**
     * Returns {@code v} when it is finite and {@code >= 0}.
     *
     * @throws IllegalArgumentException naming {@code name} and v otherwise
     */
    static double requireNonNegativeFinite(double v, String name) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
        return v;
    }
}
