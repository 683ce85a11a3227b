package io.optcheck.junit;

import io.optcheck.api.GradientEstimator;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.api.SelfRandomEstimator;

/**
 * AssertJ-style entry points for checking your own plug-in inside any test:
 *
 * <pre>{@code
 * import static io.optcheck.junit.OptimizerAssertions.assertThat;
 *
 * @Test
 * void adamMatchesTheReferenceAndConforms() {
 *     assertThat(new MyAdamPlugin())
 *         .withTries(500)                                  // configuration first
 *         .satisfies("adapt.adam-reference", "conf.*");    // then the check, which runs at once
 * }
 * }</pre>
 *
 * {@code satisfies} runs every regime of the selected theorems that applies, with the same
 * selection, tries, seed and messages as {@link OptimizerCheck} and {@link EstimatorCheck}, and
 * fails with one labelled message (theorem, method, regime, assumptions, outcome, counterexample,
 * replay line) per failed regime; it also fails when nothing applies. Regimes that do not apply
 * to the declaration are left out, as the JUnit check skips them. The system property
 * {@value OptimizerCheck#REPLAY_PROPERTY} reruns one shrunk case here too.
 *
 * <p>AssertJ is an optional dependency of optcheck: add {@code org.assertj:assertj-core} to your
 * test dependencies to use these.
 */
public final class OptimizerAssertions {

    private OptimizerAssertions() {}

    /** Assertions on an optimizer plug-in. */
    public static OptimizerAssert assertThat(PluggableOptimizer optimizer) {
        return new OptimizerAssert(optimizer);
    }

    /** Assertions on an estimator that draws from optcheck's Randomness (checked exactly). */
    public static EstimatorAssert assertThat(GradientEstimator estimator) {
        return new EstimatorAssert(estimator, estimator == null ? null : EstimatorCheck.of(estimator));
    }

    /** Assertions on an estimator with its own randomness (checked statistically). */
    public static EstimatorAssert assertThat(SelfRandomEstimator estimator) {
        return new EstimatorAssert(estimator, estimator == null ? null : EstimatorCheck.of(estimator));
    }
}
