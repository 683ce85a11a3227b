package io.optcheck.result;

import java.util.Map;

/**
 * Named per-step curves kept for plots, e.g. {@code "observed"} and {@code "bound"}. Arrays are
 * copied in and out; equality compares contents (NaN equals NaN). Values may be non-finite.
 *
 * @param curves curve name to values, in display order; null becomes empty
 */
public record Series(Map<String, double[]> curves) {
    private static final Series EMPTY = new Series(Map.of());

    public Series {
        curves = Values.curves(curves, "series");
    }

    /** No curves. */
    public static Series empty() {
        return EMPTY;
    }

    /** The curves; each array is a fresh copy. */
    @Override
    public Map<String, double[]> curves() {
        return Values.curves(curves, "series");
    }

    /** A copy of one curve, or null if there is none with that name. */
    public double[] curve(String name) {
        double[] c = curves.get(name);
        return c == null ? null : c.clone();
    }

    /** True when there are no curves. */
    public boolean isEmpty() {
        return curves.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && Values.curvesEqual(curves, s.curves);
    }

    @Override
    public int hashCode() {
        return Values.curvesHash(curves);
    }

    @Override
    public String toString() {
        return "Series" + Values.curvesToString(curves);
    }
}
