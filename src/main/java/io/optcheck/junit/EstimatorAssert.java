package io.optcheck.junit;

import io.optcheck.api.GradientEstimator;
import io.optcheck.api.SelfRandomEstimator;
import java.util.List;

/**
 * AssertJ assertions on a minibatch sampler or gradient estimator; start with
 * {@link OptimizerAssertions#assertThat(GradientEstimator)} or
 * {@link OptimizerAssertions#assertThat(SelfRandomEstimator)}. Configure, then check:
 *
 * <pre>{@code
 * assertThat(new MySampler()).withSeed(7).satisfies("sgd.unbiased-minibatch");
 * }</pre>
 *
 * The check is {@link EstimatorCheck}'s: exact for a {@link GradientEstimator}, statistical for
 * a {@link SelfRandomEstimator}, with the same messages.
 */
public final class EstimatorAssert extends PluginAssert<EstimatorAssert, Object> {

    private EstimatorCheck check;

    EstimatorAssert(Object actual, EstimatorCheck check) {
        super(actual, EstimatorAssert.class);
        this.check = check;
    }

    /** Tries per regime instead of each spec's CI count (at least 1). */
    public EstimatorAssert withTries(int n) {
        configuring("withTries(" + n + ")");
        isNotNull();
        check = check.tries(n);
        return myself;
    }

    /** Another seed (the default is fixed, so CI runs the same tries every time). */
    public EstimatorAssert withSeed(long seed) {
        configuring("withSeed(" + seed + ")");
        isNotNull();
        check = check.seed(seed);
        return myself;
    }

    /** Another limit for one try of a regime (see {@link EstimatorCheck#tryTimeout}). */
    public EstimatorAssert withTryTimeout(java.time.Duration d) {
        configuring("withTryTimeout(" + d + ")");
        isNotNull();
        check = check.tryTimeout(d);
        return myself;
    }

    @Override
    CheckPlan plan(List<String> filters) {
        return check.theorems(filters.toArray(String[]::new)).plan();
    }
}
