package io.optcheck.theory.sgd;

import static io.optcheck.theory.Assumptions.WITH_REPLACEMENT;

import io.optcheck.api.ExampleGradients;
import io.optcheck.api.GradientEstimator;
import io.optcheck.api.Sampling;
import io.optcheck.api.SelfRandomEstimator;
import io.optcheck.oracle.EstimatorChoiceTree;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * sgd.minibatch-variance checked on a user's {@link GradientEstimator} that declares a uniform
 * sampling: with replacement Cov = Sigma/B and E||g - grad f||^2 = tr(Sigma)/B; without,
 * Cov = ((n - B)/(B (n - 1))) Sigma. Exact, by walking the estimator's choice tree and applying the
 * built-in theorem's check ({@link MinibatchVariance#varianceCheck}). The regimes are the spec's,
 * each described with the declared B; those of the other sampling report not applicable, as do
 * all of them for importance sampling (no formula here) and for an estimator with its own
 * randomness (covariances are checked only exactly).
 */
final class EstimatorVariance extends EstimatorTheorem {

    /** Null for an estimator with its own randomness: then no regime applies. */
    private final GradientEstimator estimator;

    /** For an estimator drawing from optcheck's Randomness (exact). */
    EstimatorVariance(GradientEstimator estimator) {
        super(
                "sgd.minibatch-variance",
                estimator.id(),
                estimator.sampling(),
                estimator.batchSize(),
                "exact enumeration");
        this.estimator = estimator;
    }

    /** For an estimator with its own randomness: every regime reports not applicable. */
    EstimatorVariance(SelfRandomEstimator e) {
        super("sgd.minibatch-variance", e.id(), e.sampling(), e.batchSize(), "statistical");
        this.estimator = null;
    }

    /** The spec's description with the declared B after its sampling ("with replacement, declared B = 2: ..."). */
    @Override
    protected Regime statedFor(Regime r) {
        String d = r.description();
        int colon = d.indexOf(':');
        return restated(
                r, r.assumptions(), d.substring(0, colon) + ", declared B = " + batchSize() + d.substring(colon));
    }

    @Override
    public Optional<String> notApplicable(Regime r) {
        if (estimator == null) {
            return Optional.of("the estimator brings its own randomness: the covariance formulas are checked only"
                    + " by exact enumeration (implement GradientEstimator, drawing from optcheck's Randomness)");
        }
        if (sampling() == Sampling.IMPORTANCE) {
            return Optional.of("declared IMPORTANCE sampling: the variance formulas are for uniform batches");
        }
        boolean with = r.assumptions().contains(WITH_REPLACEMENT);
        if (with != (sampling() == Sampling.WITH_REPLACEMENT)) {
            return Optional.of("declared " + sampling() + ": this regime is the formula for sampling "
                    + (with ? "with" : "without") + " replacement");
        }
        return Optional.empty();
    }

    @Override
    public Evaluation evaluate(EstimatorInstance in, Regime r) {
        try {
            ExampleGradients g = in.table();
            return MinibatchVariance.varianceCheck(
                    new EstimatorChoiceTree(estimator),
                    g,
                    in.f().gradient(in.x()),
                    estimator.batchSize(),
                    estimator.sampling() == Sampling.WITH_REPLACEMENT,
                    r.conclusion(),
                    tighten());
        } catch (EstimatorChoiceTree.EstimatorFailure e) {
            return EstimatorTheorems.error(e);
        }
    }

    @Override
    public Map<String, Object> describe(EstimatorInstance in) {
        Map<String, Object> m = new LinkedHashMap<>(declaration());
        m.putAll(in.describe());
        m.put("factor", MinibatchVariance.factor(in.n(), batchSize(), sampling() == Sampling.WITH_REPLACEMENT));
        return m;
    }

    @Override
    public List<String> labels(EstimatorInstance in, Regime r) {
        return List.of(batchSize() == in.n() ? "B = n" : "B < n", "n = " + in.n());
    }
}
