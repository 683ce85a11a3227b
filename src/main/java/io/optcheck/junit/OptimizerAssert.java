package io.optcheck.junit;

import io.optcheck.api.PluggableOptimizer;
import java.time.Duration;

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

    private final OptimizerCheck check;

    OptimizerAssert(PluggableOptimizer actual) {
        super(actual, OptimizerAssert.class);
        this.check = actual == null ? null : OptimizerCheck.of(actual);
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
    CheckPlan plan(CheckSettings settings) {
        return check.with(settings).plan();
    }
}
