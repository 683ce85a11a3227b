package io.optcheck.result;

import java.util.Map;

/**
 * A measurement without a verdict (for example progressive sharpening along a run): curves for
 * plots and summary figures. Arrays are copied in and out; equality compares contents.
 *
 * @param id      observation id, e.g. {@code "land.sharpening"}; not blank
 * @param method  method id; not blank
 * @param series  named curves, in display order; null becomes empty
 * @param summary named figures, in display order; deep-copied and normalized as described on
 *                {@link Result}; null becomes empty
 */
public record Observation(String id, String method, Map<String, double[]> series, Map<String, Object> summary) {
    public Observation {
        Values.requireText(id, "observation id");
        Values.requireText(method, "observation method");
        series = Values.curves(series, "observation " + id + " series");
        summary = Values.freeMap(summary, "observation " + id + " summary");
    }

    /** The curves; each array is a fresh copy. */
    @Override
    public Map<String, double[]> series() {
        return Values.curves(series, "series");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Observation b
                && id.equals(b.id)
                && method.equals(b.method)
                && Values.curvesEqual(series, b.series)
                && summary.equals(b.summary);
    }

    @Override
    public int hashCode() {
        return ((id.hashCode() * 31 + method.hashCode()) * 31 + Values.curvesHash(series)) * 31 + summary.hashCode();
    }

    @Override
    public String toString() {
        return "Observation[id=" + id + ", method=" + method + ", series=" + Values.curvesToString(series)
                + ", summary=" + summary + "]";
    }
}
