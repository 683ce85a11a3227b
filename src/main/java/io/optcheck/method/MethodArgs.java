package io.optcheck.method;

/**
 * The checks of the built-in methods' scalar parameters, with one message each: "NAME must be
 * finite and &gt; 0, got V" (or "&gt;= 0"; NaN fails both), and the start point's "x0 must
 * be non-empty".
 */
final class MethodArgs {
    private MethodArgs() {}

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

    /**
     * Returns {@code x0} when it is a start point a method can begin at: not null, not empty.
     *
     * @throws IllegalArgumentException "x0 must be non-empty" otherwise
     */
    static double[] requireStart(double[] x0) {
        if (x0 == null || x0.length == 0) {
            throw new IllegalArgumentException("x0 must be non-empty");
        }
        return x0;
    }
}
