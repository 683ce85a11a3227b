package io.optcheck.junit;

import io.optcheck.api.GradientEstimator;
import io.optcheck.api.SelfRandomEstimator;

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

    private final EstimatorCheck check;

    EstimatorAssert(Object actual, EstimatorCheck check) {
        super(actual, EstimatorAssert.class);
        this.check = check;
    }

    @Override
    CheckPlan plan(CheckSettings settings) {
        return check.with(settings).plan();
    }
}
