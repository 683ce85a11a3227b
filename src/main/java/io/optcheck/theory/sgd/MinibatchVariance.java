package io.optcheck.theory.sgd;

import io.optcheck.api.ExampleGradients;
import io.optcheck.oracle.BatchEstimator;
import io.optcheck.oracle.ExactMoments;
import io.optcheck.oracle.UniformMinibatch;
import io.optcheck.problem.HighPrecision;
import io.optcheck.prop.Gen;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * sgd.minibatch-variance (finite-population sampling; e.g. Cochran, Sampling Techniques, 1977,
 * Thm 2.2 for the without-replacement factor): with Sigma = (1/n) sum_i (g_i - grad f)(g_i -
 * grad f)^T, a uniform batch of size B has Cov(g_B) = Sigma/B with replacement, hence
 * E||g_B - grad f||^2 = tr(Sigma)/B, and Cov(g_B) = ((n - B)/(B(n - 1))) Sigma without
 * replacement, exactly 0 at B = n. Checked by exact enumeration of every batch; no statistics.
 * THEOREMS.md lists no breaking regime.
 */
public final class MinibatchVariance extends DeclaredTheorem<BatchInstance> {

    /** The theorem as its spec declares it. */
    public MinibatchVariance() {
        super("sgd.minibatch-variance");
    }

    @Override
    public Gen<BatchInstance> instances(Regime r) {
        return BatchGens.instances(Cases.<BatchGens.Variant>on(r)
                .when(List.of("holds", "trace-with-replacement"), () -> BatchGens.Variant.SINGLE_WITH)
                .when("without-replacement", () -> BatchGens.Variant.SINGLE_WITHOUT)
                .get());
    }

    /** The finite-population factor: 1/B with replacement, (n - B)/(B (n - 1)) without (0 at B = n). */
    static double factor(int n, int b, boolean replacement) {
        if (replacement) {
            return 1.0 / b;
        }
        return b == n ? 0.0 : (double) (n - b) / ((double) b * (n - 1));
    }

    @Override
    public Evaluation evaluate(BatchInstance in, Regime r) {
        return varianceCheck(
                in.estimator(),
                in.table(),
                in.f().gradient(in.x()),
                in.workerBatch(0),
                in.replacement(),
                r.conclusion(),
                tighten());
    }

    /**
     * The regime's conclusion for any estimator over a table of per-example gradients (a built-in
     * sampler, or a user's estimator enumerated through its choice tree): the exact second moment
     * of the estimate about {@code full} = grad f(x) against factor(n, b) Sigma. About grad f it is
     * Cov(estimate) for an unbiased estimator, and Cov + bias bias^T otherwise.
     */
    static Evaluation varianceCheck(
            BatchEstimator estimator,
            ExampleGradients g,
            double[] full,
            int b,
            boolean replacement,
            String conclusion,
            double tighten) {
        int n = g.n();
        int d = g.dimension();
        ExactMoments m = ExactMoments.of(estimator, g, full);
        double[][] sigma = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    sigma[j][k] += (g.get(i, j) - full[j]) * (g.get(i, k) - full[k]) / n;
                }
            }
        }
        double c = factor(n, b, replacement) * (1 - tighten);
        // Each entry combines products of deviations of batch means and of g_i from grad f, all
        // bounded by 2 max|g| in magnitude: scale (2 max|g|)^2.
        double mg = g.maxAbs();
        double tol = Tolerance.of(4 * mg * mg, d);
        Evaluation.Builder eb = new Evaluation.Builder();
        if (conclusion.equals("mse-with-replacement")) {
            double mse = 0;
            double tr = 0;
            for (int j = 0; j < d; j++) {
                mse += m.second[j][j];
                tr += sigma[j][j];
            }
            double bound = c * tr;
            // two-sided equality: check both directions, ratio read from the upper one
            String what = "E||g_B - grad f||^2 (exact, " + m.outcomes + " batches)";
            double tolMse = Tolerance.of(4 * mg * mg * d, d);
            Check upper = Check.atMost(what, 1, mse, bound, tolMse);
            Check lower = Check.atLeast(what, 1, mse, bound, tolMse);
            if (estimator instanceof UniformMinibatch u) {
                upper = upper.withExact(ExactMoments.PRECISION, () -> exactMse(u, g, n, b, replacement, tighten, true));
                lower = lower.withExact(
                        ExactMoments.PRECISION, () -> exactMse(u, g, n, b, replacement, tighten, false));
            }
            if (!eb.add(upper)) {
                eb.add(lower);
            }
        } else {
            double worst = 0;
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    worst = Math.max(worst, Math.abs(m.second[j][k] - c * sigma[j][k]));
                }
            }
            eb.add(Check.atMost(
                    "max_jk |Cov(g_B)_jk - factor Sigma_jk| (exact, " + m.outcomes + " batches, factor "
                            + String.format(Locale.ROOT, "%.6g", c) + ")",
                    1,
                    worst,
                    0,
                    tol));
        }
        return eb.completed(Map.of());
    }

    /** E||g_B - G||^2 against factor (1 - tighten) tr Sigma, from the real-number batch means. */
    private static boolean exactMse(
            UniformMinibatch u, ExampleGradients g, int n, int b, boolean replacement, double tighten, boolean atMost) {
        BigDecimal[] full = ExactMoments.exactFullGradient(g);
        BigDecimal mse = ExactMoments.exact(u, g, full).trace();
        BigDecimal tr = ExactMoments.exactTrace(g);
        BigDecimal factor = replacement
                ? BigDecimal.ONE.divide(BigDecimal.valueOf(b), HighPrecision.MC)
                : BigDecimal.valueOf(n - b).divide(BigDecimal.valueOf((long) b * (n - 1)), HighPrecision.MC);
        BigDecimal bound = factor.multiply(tr).multiply(BigDecimal.ONE.subtract(new BigDecimal(tighten)));
        return HighPrecision.holds(atMost, mse, bound);
    }

    @Override
    public List<String> labels(BatchInstance in, Regime r) {
        return List.of(in.workerBatch(0) == in.n() ? "B = n" : "B < n", "n = " + in.n());
    }
}
