package io.optcheck.theory.sgd;

import static io.optcheck.theory.Assumptions.EQUAL_SHARDS;
import static io.optcheck.theory.Assumptions.FRESH_GRADIENTS;
import static io.optcheck.theory.Assumptions.UNCLIPPED_GRADIENTS;
import static io.optcheck.theory.Assumptions.UNIFORM_BATCH;

import io.optcheck.api.ExampleGradients;
import io.optcheck.api.Precision;
import io.optcheck.oracle.BatchEstimator;
import io.optcheck.oracle.ExactMoments;
import io.optcheck.oracle.ExampleRows;
import io.optcheck.oracle.RoundedMinibatch;
import io.optcheck.problem.FiniteSum;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
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
        if (r.lowPrecision().isPresent()) {
            Precision p = r.lowPrecision().get();
            return BatchGens.instances(BatchGens.Variant.ROUNDED)
                    .flatMap(in -> Gens.booleans()
                            .map(pairwise -> in.rounded(
                                    p,
                                    pairwise ? RoundedMinibatch.Order.PAIRWISE : RoundedMinibatch.Order.SEQUENTIAL)));
        }
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
        if (in.lowPrecision()) {
            ExampleGradients g = in.table();
            return r.conclusion().equals("rounded-unbiased")
                    ? roundedCheck(in, g)
                    : meanCheck(
                            in.estimator(),
                            g,
                            storedMean(g),
                            g.maxAbs(),
                            tighten(),
                            "E[g_B]",
                            "mean_i g_i",
                            "mean_i g_ij");
        }
        return meanCheck(in, tighten(), "E[g_B]");
    }

    /** (1/n) sum_i g_i of the stored per-example gradients, in double. */
    static double[] storedMean(ExampleGradients g) {
        double[] m = new double[g.dimension()];
        for (int i = 0; i < g.n(); i++) {
            for (int j = 0; j < m.length; j++) {
                m[j] += g.get(i, j);
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= g.n();
        }
        return m;
    }

    /**
     * The rounding of the batch mean, k = b operations on the path of a term summed sequentially and
     * ceil(log2 b) + 1 summed pairwise (the additions, then the division by b).
     */
    static int roundings(int b, RoundedMinibatch.Order order) {
        return order == RoundedMinibatch.Order.SEQUENTIAL ? b : 32 - Integer.numberOfLeadingZeros(b - 1) + 1;
    }

    /**
     * rounded-unbiased: |E[g^_B]_j - mean_i g_ij| &lt;= gamma_k (1/n) sum_i |g_ij| + ulp(0) for every
     * coordinate j. Each batch's computed mean is within gamma_k (1/b) sum_{i in B} |g_ij| (+ half
     * an ulp(0) per rounding in the subnormal range) of its real mean, whose expectation is
     * mean_i g_ij; the expectation of (1/b) sum_{i in B} |g_ij| is (1/n) sum_i |g_ij| for uniform
     * batches with or without replacement. The teeth: the wrong constant u/4 in gamma_k.
     */
    private Evaluation roundedCheck(BatchInstance in, ExampleGradients g) {
        ExactMoments m = ExactMoments.mean(in.estimator(), g);
        double[] target = storedMean(g);
        double u = in.precision().unitRoundoff() * (tighten() != 0 ? 0.25 : 1);
        int k = roundings(in.workerBatch(0), in.order());
        double gamma = k * u / (1 - k * u);
        int worst = 0;
        double worstRatio = -1;
        double[] bound = new double[target.length];
        for (int j = 0; j < target.length; j++) {
            double abs = 0;
            for (int i = 0; i < g.n(); i++) {
                abs += Math.abs(g.get(i, j));
            }
            bound[j] = gamma * abs / g.n() + in.precision().ulp(0);
            double ratio = Math.abs(m.mean[j] - target[j]) / bound[j];
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worst = j;
            }
        }
        Evaluation.Builder b = new Evaluation.Builder();
        b.add(Check.atMost(
                "|sum of outcome probabilities - 1|", 1, Math.abs(m.totalProbability - 1), 0, Tolerance.of(1, 1)));
        if (!b.violated()) {
            b.add(Check.atMost(
                    "|E[g_B]_j - mean_i g_ij| at the worst coordinate j = " + worst + " (batch mean in "
                            + in.precision().id() + ", " + in.order().id() + " sum; exact enumeration of "
                            + m.outcomes + " outcomes)",
                    1,
                    Math.abs(m.mean[worst] - target[worst]),
                    bound[worst],
                    Tolerance.of(Math.max(g.maxAbs(), m.maxAbs) + bound[worst], g.dimension())));
        }
        return b.completed(Map.of("E[g_B] - mean_i g_i", Vectors.minus(m.mean, target)));
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
        // The checker's own full gradient (1/n) sum_i grad f_i(x), from the objective, not the table.
        return meanCheck(
                estimator, g, f.gradient(x), ExampleRows.at(f, x).maxAbs(), tighten, what, "grad f", "grad f(x)_j");
    }

    /**
     * max_j |E[estimate]_j - (1 + tighten) full_j| &lt;= tol, with {@code fullScale} the largest
     * magnitude the checker combined into {@code full}; {@code target} names full in the series,
     * {@code targetJ} its coordinate j in the check.
     */
    private static Evaluation meanCheck(
            BatchEstimator estimator,
            ExampleGradients g,
            double[] full,
            double fullScale,
            double tighten,
            String what,
            String target,
            String targetJ) {
        ExactMoments m = ExactMoments.mean(estimator, g);
        int d = g.dimension();
        // The expectation is a probability-weighted mean of the estimates, so the sum of the
        // magnitudes it combines is at most max |estimate| (max |table| for batch means of table
        // rows; more for reweighted importance sampling); the full gradient adds max |grad f_i|.
        double scale = Math.max(g.maxAbs(), m.maxAbs) + fullScale;
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
                    "max_j |" + what + "_j - " + targetJ + "| (exact enumeration of " + m.outcomes + " outcomes)",
                    1,
                    worst,
                    0,
                    Tolerance.of(scale, d)));
        }
        return b.completed(Map.of(what + " - " + target, Vectors.minus(m.mean, full)));
    }

    @Override
    public OptionalDouble thresholdValue(BatchInstance in, Regime r) {
        return Cases.is(r, "drop:" + UNCLIPPED_GRADIENTS)
                ? OptionalDouble.of(in.clipFraction())
                : OptionalDouble.empty();
    }

    @Override
    public List<String> labels(BatchInstance in, Regime r) {
        if (in.lowPrecision()) {
            return List.of(
                    in.replacement() ? "with replacement" : "without replacement",
                    in.order().id() + " sum",
                    "B = " + in.workerBatch(0),
                    "n = " + in.n());
        }
        return List.of(
                in.replacement() ? "with replacement" : "without replacement",
                "K = " + in.sizes().length,
                "n = " + in.n());
    }
}
