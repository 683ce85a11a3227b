package io.optcheck.theory.sgd;

import static io.optcheck.theory.Assumptions.EQUAL_SHARDS;
import static io.optcheck.theory.Assumptions.FRESH_GRADIENTS;
import static io.optcheck.theory.Assumptions.UNCLIPPED_GRADIENTS;
import static io.optcheck.theory.Assumptions.UNIFORM_BATCH;

import io.optcheck.api.ExampleGradients;
import io.optcheck.oracle.BatchEstimator;
import io.optcheck.oracle.ExampleRows;
import io.optcheck.problem.FiniteSum;
import io.optcheck.prop.Gen;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.Vec;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * sgd.unbiased-minibatch (Robbins &amp; Monro 1951; Bottou, Curtis &amp; Nocedal 2018): a batch
 * drawn uniformly, with or without replacement, gives E[g_B] = grad f(x). Checked EXACTLY: the
 * expectation is the sum over every batch (subsets, or multisets with multinomial weights) of
 * its probability times its estimate -- no statistics. With K equal shards and one uniform batch
 * per shard (stratified sampling) the unweighted average is unbiased too. Each breaking regime
 * changes one thing: importance sampling without reweighting, per-example clipping, gradients
 * at a stale point, or unequal shards averaged without weights.
 */
public final class UnbiasedMinibatch extends DeclaredTheorem<BatchInstance> {

    /** The theorem as its spec declares it. */
    public UnbiasedMinibatch() {
        super("sgd.unbiased-minibatch");
    }

    @Override
    public Gen<BatchInstance> instances(Regime r) {
        return BatchGens.instances(Cases.<BatchGens.Variant>on(r)
                .when("holds", () -> BatchGens.Variant.HOLDS)
                .when("drop:" + UNIFORM_BATCH, () -> BatchGens.Variant.IMPORTANCE)
                .when("drop:" + UNCLIPPED_GRADIENTS, () -> BatchGens.Variant.CLIPPED)
                .when("drop:" + FRESH_GRADIENTS, () -> BatchGens.Variant.STALE)
                .when("drop:" + EQUAL_SHARDS, () -> BatchGens.Variant.UNEQUAL_SHARDS)
                .get());
    }

    @Override
    public Evaluation evaluate(BatchInstance in, Regime r) {
        return meanCheck(in, tighten(), "E[g_B]");
    }

    /** max_j |E[estimate]_j - (1 + tighten) grad f(x)_j| &lt;= tol, by exact enumeration. */
    public static Evaluation meanCheck(BatchInstance in, double tighten, String what) {
        return meanCheck(in.estimator(), in.table(), in.f(), in.x(), tighten, what);
    }

    /**
     * The same check for any estimator over a table of per-example gradients (a built-in sampler,
     * or a user's estimator enumerated through its choice tree): max_j |E[estimate]_j -
     * (1 + tighten) grad f(x)_j| &lt;= tol, with grad f(x) recomputed from the objective.
     */
    public static Evaluation meanCheck(
            BatchEstimator estimator, ExampleGradients g, FiniteSum f, double[] x, double tighten, String what) {
        ExactMoments m = ExactMoments.mean(estimator, g);
        // The checker's own full gradient (1/n) sum_i grad f_i(x), from the objective, not the table.
        double[] full = f.gradient(x);
        int d = g.dimension();
        // The expectation is a probability-weighted mean of the estimates, so the sum of the
        // magnitudes it combines is at most max |estimate| (max |table| for batch means of table
        // rows; more for reweighted importance sampling); the full gradient adds max |grad f_i|.
        double scale = Math.max(g.maxAbs(), m.maxAbs) + ExampleRows.at(f, x).maxAbs();
        double worst = 0;
        for (int j = 0; j < d; j++) {
            // Teeth: a wrong constant, E[g_B] = (1 + eps) grad f.
            worst = Math.max(worst, Math.abs(m.mean[j] - (1 + tighten) * full[j]));
        }
        Evaluation.Builder b = new Evaluation.Builder();
        b.add(Check.atMost(
                "|sum of outcome probabilities - 1|", 1, Math.abs(m.totalProbability - 1), 0, Tolerance.of(1, 1)));
        if (!b.violated()) {
            b.add(Check.atMost(
                    "max_j |" + what + "_j - grad f(x)_j| (exact enumeration of " + m.outcomes + " outcomes)",
                    1,
                    worst,
                    0,
                    Tolerance.of(scale, d)));
        }
        return b.completed(Map.of(what + " - grad f", Vec.minus(m.mean, full)));
    }

    @Override
    public OptionalDouble thresholdValue(BatchInstance in, Regime r) {
        return Cases.is(r, "drop:" + UNCLIPPED_GRADIENTS)
                ? OptionalDouble.of(in.clipFraction())
                : OptionalDouble.empty();
    }

    @Override
    public List<String> labels(BatchInstance in, Regime r) {
        return List.of(
                in.replacement() ? "with replacement" : "without replacement",
                "K = " + in.sizes().length,
                "n = " + in.n());
    }
}
