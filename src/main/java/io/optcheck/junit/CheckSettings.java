package io.optcheck.junit;

import io.optcheck.prop.Property;
import io.optcheck.theory.conf.PluginTheorems;
import java.time.Duration;
import java.util.List;

/**
 * What {@link OptimizerCheck}, {@link EstimatorCheck} and {@link LineSearchCheck} run their
 * subject with, and the assertions configure: the theorem filters (ids, or prefixes ending in '*';
 * empty: every applicable theorem), the tries per regime (null: each spec's CI count), the seed and
 * the per-try limit (null: {@link io.optcheck.run.TimeBox#defaultTimeout()}). Immutable; each
 * option is checked here, once, and returns a new value.
 */
record CheckSettings(List<String> filters, Integer tries, long seed, Duration tryTimeout) {

    /** No filters, each spec's tries, optcheck's fixed default seed, the default per-try limit. */
    static final CheckSettings DEFAULT = new CheckSettings(List.of(), null, Property.DEFAULT_SEED, null);

    CheckSettings {
        filters = List.copyOf(filters);
    }

    /** Only these theorems: ids, or prefixes ending in '*'. */
    CheckSettings theorems(String... idsOrPrefixes) {
        return new CheckSettings(List.of(idsOrPrefixes), tries, seed, tryTimeout);
    }

    /** Tries per regime instead of each spec's CI count (at least 1). */
    CheckSettings withTries(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("tries must be >= 1, got " + n);
        }
        return new CheckSettings(filters, n, seed, tryTimeout);
    }

    /** Another seed. */
    CheckSettings withSeed(long s) {
        return new CheckSettings(filters, tries, s, tryTimeout);
    }

    /** Another limit for one try of a regime (positive). */
    CheckSettings withTryTimeout(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the try timeout must be positive, got " + d);
        }
        return new CheckSettings(filters, tries, seed, d);
    }

    /** True when the filters are empty or one of them matches {@code theoremId}. */
    boolean selects(String theoremId) {
        return PluginTheorems.selects(filters, theoremId);
    }
}
