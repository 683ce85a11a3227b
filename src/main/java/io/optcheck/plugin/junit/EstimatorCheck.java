package io.optcheck.plugin.junit;

import io.optcheck.plugin.GradientEstimator;
import io.optcheck.plugin.SelfRandomEstimator;
import io.optcheck.prop.Property;
import io.optcheck.report.Result;
import io.optcheck.report.Verdict;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import io.optcheck.theory.sgd.EstimatorTheorems;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

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
 * to optcheck's fixed default.
 */
public final class EstimatorCheck {

    private final GradientEstimator exact;
    private final SelfRandomEstimator selfRandom;
    private final Integer tries;
    private final long seed;

    private EstimatorCheck(GradientEstimator exact, SelfRandomEstimator selfRandom, Integer tries, long seed) {
        this.exact = exact;
        this.selfRandom = selfRandom;
        this.tries = tries;
        this.seed = seed;
    }

    /** A check of an estimator that draws from optcheck's Randomness: exact. */
    public static EstimatorCheck of(GradientEstimator estimator) {
        return new EstimatorCheck(java.util.Objects.requireNonNull(estimator, "estimator"), null, null,
            Property.DEFAULT_SEED);
    }

    /** A check of an estimator with its own randomness: statistical. */
    public static EstimatorCheck of(SelfRandomEstimator estimator) {
        return new EstimatorCheck(null, java.util.Objects.requireNonNull(estimator, "estimator"), null,
            Property.DEFAULT_SEED);
    }

    /** Tries per regime instead of each spec's CI count (at least 1). */
    public EstimatorCheck tries(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("tries must be >= 1, got " + n);
        }
        return new EstimatorCheck(exact, selfRandom, n, seed);
    }

    /** Another seed (the default is fixed, so CI runs the same tries every time). */
    public EstimatorCheck seed(long s) {
        return new EstimatorCheck(exact, selfRandom, tries, s);
    }

    /** The theorems that apply, built from the declaration (an unusable one throws, naming it). */
    List<Theorem<?>> theorems() {
        return exact != null ? EstimatorTheorems.of(exact) : EstimatorTheorems.of(selfRandom, seed);
    }

    /** The dynamic tests: one container per theorem, one test per regime. */
    public Stream<DynamicNode> tests() {
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
        String fProblem = problem;
        List<String> fListing = listing;
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(DynamicTest.dynamicTest("applicable theorems", () -> {
            if (fProblem != null) {
                throw new AssertionFailedError(fProblem);
            }
            fListing.forEach(System.out::println);
        }));
        RunSettings settings = RunSettings.ci().withSeed(seed)
            .withStatisticalRegimeRuns((int) theorems.stream()
                .flatMap(t -> t.regimes().stream().filter(r -> TheoremRunner.isStatistical(t, r))).count());
        for (Theorem<?> t : theorems) {
            List<DynamicNode> regimes = new ArrayList<>();
            for (Regime r : t.regimes()) {
                regimes.add(DynamicTest.dynamicTest(t.id() + " / " + r.id() + " (expected " + r.expected().json() + ")",
                    () -> runRegime(t, r, settings)));
            }
            nodes.add(DynamicContainer.dynamicContainer(t.id() + " on " + t.methodId(), regimes.stream()));
        }
        return nodes.stream();
    }

    private void runRegime(Theorem<?> t, Regime r, RunSettings settings) {
        java.util.Optional<String> na = t.notApplicable(r);
        if (na.isPresent()) {
            throw new TestAbortedException("not applicable: " + na.get());
        }
        int n = tries != null ? tries : Specs.load(t.id()).ciTries();
        Result res = TheoremRunner.run(t, r, n, settings);
        if (res.statistics() != null) {
            System.out.println(t.id() + " / " + r.id() + " on " + t.methodId() + ": checked statistically ("
                + res.statistics().test() + ", alpha " + res.statistics().alpha() + ", R = " + res.statistics().runs()
                + " calls per instance, seed " + res.statistics().seed() + ")");
        }
        if (res.verdict() != Verdict.FAIL) {
            return;
        }
        throw new AssertionFailedError(OptimizerCheck.message(t, r, res, n, settings, "--estimator-class",
            (exact != null ? exact : selfRandom).getClass().getName()));
    }
}
