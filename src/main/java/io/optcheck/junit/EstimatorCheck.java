package io.optcheck.junit;

import io.optcheck.api.GradientEstimator;
import io.optcheck.api.SelfRandomEstimator;
import io.optcheck.run.PluginSelection;
import io.optcheck.theory.Theorem;
import java.util.List;
import java.util.Objects;

/**
 * Checks your minibatch sampler or gradient estimator from JUnit 5. Write one test class:
 *
 * <pre>{@code
 * class MySamplerTest {
 *     @TestFactory
 *     Stream<DynamicNode> optcheck() {
 *         return EstimatorCheck.of(new MySampler()).tests();
 *     }
 * }
 * }</pre>
 *
 * The theorems of THEOREMS.md section 2 that apply to the estimator's declaration run as one test
 * per regime, grouped by theorem, under the estimator's id: sgd.unbiased-minibatch always, and
 * sgd.minibatch-variance for a declared uniform sampling. A {@link GradientEstimator} (drawing from
 * optcheck's Randomness) is checked EXACTLY by enumerating its choice tree; a
 * {@link SelfRandomEstimator} statistically (unbiasedness only; the test, alpha, R and seed are
 * printed). The first test lists what applies; a regime that does not apply to the declaration is
 * an aborted (skipped) test whose message is the reason. A failing regime's message has the same
 * labelled lines as {@link OptimizerCheck}'s: theorem, method, regime, assumptions, outcome, the
 * shrunk counterexample with its bias, and a replay line. An estimator that throws, returns NaN
 * or an array of the wrong length fails its test with an error naming the estimator and the call;
 * the other tests still run.
 *
 * <p>Immutable; the options return a new object. Tries default to each spec's CI count, the seed
 * to optcheck's fixed default; {@link #theorems} restricts the check to some theorems.
 */
public final class EstimatorCheck extends PluginCheck<EstimatorCheck> {

    private final GradientEstimator exact;
    private final SelfRandomEstimator selfRandom;

    private EstimatorCheck(GradientEstimator exact, SelfRandomEstimator selfRandom, CheckSettings settings) {
        super(settings);
        this.exact = exact;
        this.selfRandom = selfRandom;
    }

    /** A check of an estimator that draws from optcheck's Randomness: exact. */
    public static EstimatorCheck of(GradientEstimator estimator) {
        return new EstimatorCheck(Objects.requireNonNull(estimator, "estimator"), null, CheckSettings.DEFAULT);
    }

    /** A check of an estimator with its own randomness: statistical. */
    public static EstimatorCheck of(SelfRandomEstimator estimator) {
        return new EstimatorCheck(null, Objects.requireNonNull(estimator, "estimator"), CheckSettings.DEFAULT);
    }

    @Override
    EstimatorCheck with(CheckSettings s) {
        return new EstimatorCheck(exact, selfRandom, s);
    }

    /**
     * The theorems that apply, built from the declaration and restricted to the filters (an
     * unusable declaration, or filters that leave nothing, throw with the reason).
     */
    List<Theorem<?>> theorems() {
        return selection().theorems();
    }

    private PluginSelection selection() {
        return PluginSelection.estimator(exact != null ? exact : selfRandom, settings.seed(), settings.filters());
    }

    @Override
    CheckPlan plan() {
        return CheckPlan.of(
                this::selection,
                settings,
                "--estimator-class",
                (exact != null ? exact : selfRandom).getClass().getName());
    }
}
