package io.optcheck.junit;

import io.optcheck.run.TimeBox;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * What {@link OptimizerCheck}, {@link EstimatorCheck}, {@link LineSearchCheck} and
 * {@link FiniteSumCheck} share: the immutable settings, the options that return a new check, and
 * the dynamic tests built from the {@link CheckPlan}. A family supplies only its plan (which
 * theorems apply to its plug-in) and how it is copied with other settings.
 *
 * @param <S> the family's own type, which every option returns
 */
abstract class PluginCheck<S extends PluginCheck<S>> {

    final CheckSettings settings;

    PluginCheck(CheckSettings settings) {
        this.settings = settings;
    }

    /** The same plug-in with these settings. */
    abstract S with(CheckSettings s);

    /** The selection: the applicable theorems (or why none applies) and what the check runs them with. */
    abstract CheckPlan plan();

    /** Only these theorems: ids, or prefixes ending in '*' (e.g. {@code "conf.*"}). */
    public S theorems(String... idsOrPrefixes) {
        return with(settings.theorems(idsOrPrefixes));
    }

    /** Tries per regime instead of each spec's CI count (at least 1). */
    public S tries(int n) {
        return with(settings.withTries(n));
    }

    /** Another seed (the default is fixed, so CI runs the same tries every time). */
    public S seed(long s) {
        return with(settings.withSeed(s));
    }

    /**
     * Another limit for one try of a regime (default {@link TimeBox#defaultTimeout()}: 60 s, or the
     * system property {@value TimeBox#TIMEOUT_PROPERTY} in seconds). A try that takes longer fails
     * its test with "timeout"; since its thread cannot be stopped inside the test JVM, the
     * plug-in's later regimes then fail without running.
     */
    public S tryTimeout(Duration d) {
        return with(settings.withTryTimeout(d));
    }

    /** The dynamic tests: one container per theorem, one test per regime. */
    public Stream<DynamicNode> tests() {
        return RegimeTests.tree(plan());
    }
}
