package io.optcheck.junit;

import io.optcheck.api.GradientEstimator;
import io.optcheck.api.SelfRandomEstimator;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.sgd.EstimatorTheorems;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

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
public final class EstimatorCheck {

    private final GradientEstimator exact;
    private final SelfRandomEstimator selfRandom;
    private final CheckSettings settings;

    private EstimatorCheck(GradientEstimator exact, SelfRandomEstimator selfRandom, CheckSettings settings) {
        this.exact = exact;
        this.selfRandom = selfRandom;
        this.settings = settings;
    }

    /** A check of an estimator that draws from optcheck's Randomness: exact. */
    public static EstimatorCheck of(GradientEstimator estimator) {
        return new EstimatorCheck(Objects.requireNonNull(estimator, "estimator"), null, CheckSettings.DEFAULT);
    }

    /** A check of an estimator with its own randomness: statistical. */
    public static EstimatorCheck of(SelfRandomEstimator estimator) {
        return new EstimatorCheck(null, Objects.requireNonNull(estimator, "estimator"), CheckSettings.DEFAULT);
    }

    /** Tries per regime instead of each spec's CI count (at least 1). */
    public EstimatorCheck tries(int n) {
        return with(settings.withTries(n));
    }

    /** Another seed (the default is fixed, so CI runs the same tries every time). */
    public EstimatorCheck seed(long s) {
        return with(settings.withSeed(s));
    }

    /** Another limit for one try of a regime (default as in {@link OptimizerCheck#tryTimeout}). */
    public EstimatorCheck tryTimeout(Duration d) {
        return with(settings.withTryTimeout(d));
    }

    /** Only these theorems: ids, or prefixes ending in '*' (e.g. {@code "sgd.*"}). */
    public EstimatorCheck theorems(String... idsOrPrefixes) {
        return with(settings.theorems(idsOrPrefixes));
    }

    /** The same estimator with these settings. */
    EstimatorCheck with(CheckSettings s) {
        return new EstimatorCheck(exact, selfRandom, s);
    }

    /**
     * The theorems that apply, built from the declaration and restricted to the filters (an
     * unusable declaration, or filters that leave nothing, throw with the reason).
     */
    List<Theorem<?>> theorems() {
        List<Theorem<?>> all =
                exact != null ? EstimatorTheorems.of(exact) : EstimatorTheorems.of(selfRandom, settings.seed());
        List<Theorem<?>> out =
                all.stream().filter(t -> settings.selects(t.id())).toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no theorem applies to estimator "
                    + (exact != null ? exact : selfRandom).getClass().getName() + " with the theorem filters "
                    + settings.filters()
                    + ". Theorems for estimators: "
                    + all.stream().map(Theorem::id).toList()
                    + ". Zero applicable theorems is an error, not a pass.");
        }
        return out;
    }

    /** The dynamic tests: one container per theorem, one test per regime. */
    public Stream<DynamicNode> tests() {
        return RegimeTests.tree(plan());
    }

    /** The selection: the applicable theorems (or why none applies) and what the check runs them with. */
    CheckPlan plan() {
        List<Theorem<?>> theorems;
        String problem = null;
        List<String> listing = List.of();
        try {
            theorems = theorems();
            listing = EstimatorTheorems.listing(theorems);
        } catch (IllegalArgumentException e) {
            theorems = List.of();
            problem = e.getMessage();
        }
        return new CheckPlan(
                theorems,
                problem,
                listing,
                settings,
                "--estimator-class",
                (exact != null ? exact : selfRandom).getClass().getName());
    }
}
