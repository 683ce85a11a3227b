package io.optcheck.theory.sgd;

import static io.optcheck.theory.Assumptions.IMPORTANCE_REWEIGHTED;
import static io.optcheck.theory.Assumptions.UNIFORM_BATCH;

import io.optcheck.api.ExampleGradients;
import io.optcheck.api.GradientEstimator;
import io.optcheck.api.Sampling;
import io.optcheck.oracle.EstimatorChoiceTree;
import io.optcheck.oracle.ExactMoments;
import io.optcheck.problem.Num;
import io.optcheck.problem.Vectors;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * sgd.unbiased-minibatch checked on a user's {@link GradientEstimator}: E[estimate] = grad f(x),
 * EXACTLY, by walking the estimator's choice tree (see {@link EstimatorChoiceTree}) and applying
 * the built-in theorem's check ({@link UnbiasedMinibatch#meanCheck}) to the distribution found.
 * The spec's holds regime only: what the estimator declares puts the assumptions in force (for
 * declared IMPORTANCE sampling, importance-reweighted in place of uniform-batch), and a break is
 * a bug in the estimator (a biased sampler), reported with the shrunk instance and its bias.
 */
final class EstimatorUnbiased extends EstimatorTheorem {

    private final GradientEstimator estimator;

    EstimatorUnbiased(GradientEstimator estimator) {
        super(
                "sgd.unbiased-minibatch",
                estimator.id(),
                estimator.sampling(),
                estimator.batchSize(),
                "exact enumeration");
        this.estimator = estimator;
    }

    @Override
    protected boolean keeps(Regime r) {
        return Cases.is(r, "holds");
    }

    @Override
    protected Regime statedFor(Regime r) {
        boolean importance = sampling() == Sampling.IMPORTANCE;
        return restated(
                r,
                r.assumptions().stream()
                        .map(a -> importance && a.equals(UNIFORM_BATCH) ? IMPORTANCE_REWEIGHTED : a)
                        .toList(),
                "declared " + sampling() + ", B = " + batchSize()
                        + ": E[estimate] = grad f(x) exactly (enumeration of the estimator's choice tree)");
    }

    @Override
    public Evaluation evaluate(EstimatorInstance in, Regime r) {
        try {
            return UnbiasedMinibatch.meanCheck(
                    new EstimatorChoiceTree(estimator), in.table(), in.f(), in.x(), tighten(), "E[estimate]");
        } catch (EstimatorChoiceTree.EstimatorFailure e) {
            return EstimatorTheorems.error(e);
        }
    }

    @Override
    public Map<String, Object> describe(EstimatorInstance in) {
        // The bias first: the one-line summary of a counterexample shows the leading fields.
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimator", estimator.id());
        m.put("n", in.n());
        m.put("d", in.d());
        try {
            ExampleGradients g = in.table();
            ExactMoments em = ExactMoments.mean(new EstimatorChoiceTree(estimator), g);
            m.put(
                    "bias E[estimate] - grad f(x)",
                    Num.fmt(Vectors.minus(em.mean, in.f().gradient(in.x()))));
            m.put("E[estimate] (exact)", Num.fmt(em.mean));
            m.put("outcomes", em.outcomes);
        } catch (EstimatorChoiceTree.EstimatorFailure e) {
            m.put("E[estimate]", "not computed: " + e.getMessage());
        }
        m.putAll(declaration());
        m.putAll(in.describe());
        return m;
    }
}
