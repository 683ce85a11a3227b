package io.optcheck.junit;

import io.optcheck.api.PluggableOptimizer;
import java.time.Duration;
import java.util.List;

/**
 * AssertJ assertions on an optimizer plug-in; start with {@link OptimizerAssertions#assertThat(PluggableOptimizer)}.
 * Configure, then check:
 *
 * <pre>{@code
 * assertThat(new MyAdamPlugin())
 *     .withTries(500)
 *     .satisfies("adapt.adam-reference", "conf.*");
 * }</pre>
 *
 * The check is {@link OptimizerCheck}'s: the same applicable theorems, tries, seed and messages.
 */
public final class OptimizerAssert extends PluginAssert<OptimizerAssert, PluggableOptimizer> {

    private OptimizerCheck check;

    OptimizerAssert(PluggableOptimizer actual) {
        super(actual, OptimizerAssert.class);
        this.check = actual == null ? null : OptimizerCheck.of(actual);
    }

    /** Tries per regime instead of each spec's CI count (at least 1). */
    public OptimizerAssert withTries(int n) {
        configuring("withTries(" + n + ")");
        isNotNull();
        check = check.tries(n);
        return myself;
    }

    /** Another seed (the default is fixed, so CI runs the same tries every time). */
    public OptimizerAssert withSeed(long seed) {
        configuring("withSeed(" + seed + ")");
        isNotNull();
        check = check.seed(seed);
        return myself;
    }

    /** Another limit for one try of a regime (see {@link OptimizerCheck#tryTimeout}). */
    public OptimizerAssert withTryTimeout(Duration d) {
        configuring("withTryTimeout(" + d + ")");
        isNotNull();
        check = check.tryTimeout(d);
        return myself;
    }

    /**
     * The per-try limit, {@link #withTryTimeout}: calls into the optimizer are no longer
     * time-boxed one by one.
     *
     * @deprecated use {@link #withTryTimeout}
     */
    @Deprecated
    public OptimizerAssert withStepTimeout(Duration d) {
        return withTryTimeout(d);
    }

    @Override
    CheckPlan plan(List<String> filters) {
        return check.theorems(filters.toArray(String[]::new)).plan();
    }
}
