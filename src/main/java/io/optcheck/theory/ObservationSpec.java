package io.optcheck.theory;

import io.optcheck.result.Observation;

/**
 * A measurement that the catalog records without a verdict (DESIGN.md, results.json's
 * {@code observations}): a curve and summary figures, for example the sharpness along a
 * training run. It never passes or fails; the report shows what was measured.
 */
public interface ObservationSpec {

    /** The id, {@code family.name}, e.g. {@code land.sharpening}. */
    String id();

    /** The id of the method whose run is observed. */
    String methodId();

    /** Runs the measurement; deterministic for a given seed. */
    Observation measure(long seed);
}
