package io.optcheck.theory.sgd;

import static io.optcheck.theory.Assumptions.WITH_REPLACEMENT;

import io.optcheck.api.ExampleGradients;
import io.optcheck.oracle.ExactMoments;
import io.optcheck.oracle.ExampleRows;
import io.optcheck.problem.FiniteSums;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.Problems;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * sgd.noise-scale (McCandlish et al. 2018, "An Empirical Model of Large-Batch Training",
 * App. A.1): from two batch sizes b &lt; B, |G|^2 is estimated by (B|g_B|^2 - b|g_b|^2)/(B - b)
 * and tr Sigma by (|g_b|^2 - |g_B|^2)/(1/b - 1/B). Both are unbiased when batches are drawn
 * with replacement, since then E|g_B|^2 = |G|^2 + tr(Sigma)/B. Without replacement
 * E|g_B|^2 = |G|^2 + ((n - B)/(B(n - 1))) tr Sigma, so the trace estimator has mean
 * (n/(n - 1)) tr Sigma and the |G|^2 estimator |G|^2 - tr(Sigma)/(n - 1). The estimators are
 * linear in |g_b|^2 and |g_B|^2 and the two batches are independent, so their means follow
 * from E|g_b|^2 and E|g_B|^2, each computed by exact enumeration.
 */
public final class NoiseScale extends DeclaredTheorem<NoiseInstance> {

    /** The theorem as its spec declares it. */
    public NoiseScale() {
        super("sgd.noise-scale");
    }

    @Override
    public Gen<NoiseInstance> instances(Regime r) {
        boolean replacement = Cases.<Boolean>on(r)
                .when(List.of("holds", "trace-with-replacement"), () -> true)
                .when(
                        List.of(
                                "drop:" + WITH_REPLACEMENT,
                                "trace-without-replacement",
                                "g2-bias-without-replacement",
                                "trace-bias-without-replacement"),
                        () -> false)
                .get();
        return Gens.combine(Gens.integers(2, 8), Gens.integers(1, 3), Gens.integers(1, 7), Gens.integers(1, 7))
                .as((n, d, b0, gap) -> new int[] {n, d, b0, gap})
                .flatMap(p -> {
                    int n = p[0];
                    int d = p[1];
                    // b < B <= 8, and B <= n without replacement
                    int cap = replacement ? 8 : n;
                    int small = Math.min(p[2], cap - 1);
                    int big = Math.min(small + p[3], cap);
                    return Gens.combine(FiniteSums.leastSquares(n, d), Problems.points(d, 2))
                            .as((f, x) -> new NoiseInstance(f, x, small, big, replacement));
                });
    }

    @Override
    public Evaluation evaluate(NoiseInstance in, Regime r) {
        ExampleGradients g = ExampleRows.at(in.f(), in.x());
        int n = in.f().n();
        int d = in.f().dimension();
        double[] zero = new double[d];
        ExactMoments mb = ExactMoments.of(in.sampler(in.small()), g, zero);
        ExactMoments mB = ExactMoments.of(in.sampler(in.big()), g, zero);
        double eb = 0;
        double eB = 0;
        for (int j = 0; j < d; j++) {
            eb += mb.second[j][j];
            eB += mB.second[j][j];
        }
        // The checker's own |G|^2 and tr Sigma, from the objective's gradient and the examples.
        double[] full = in.f().gradient(in.x());
        double g2 = 0;
        double tr = 0;
        for (int j = 0; j < d; j++) {
            g2 += full[j] * full[j];
            for (int i = 0; i < n; i++) {
                double dev = g.get(i, j) - full[j];
                tr += dev * dev / n;
            }
        }
        int b = in.small();
        int bigB = in.big();
        double m2 = d * g.maxAbs() * g.maxAbs();
        double observed;
        double target;
        double scale;
        String what;
        if (r.conclusion().startsWith("g2")) {
            observed = (bigB * eB - b * eb) / (bigB - b);
            target = r.conclusion().equals("g2-unbiased") ? g2 : g2 - tr / (n - 1);
            // magnitudes combined: B E|g_B|^2 + b E|g_b|^2 over (B - b), |G|^2 and tr Sigma
            scale = (double) (bigB + b) / (bigB - b) * m2 + 5 * m2;
            what = "E[(B|g_B|^2 - b|g_b|^2)/(B - b)]";
        } else {
            double inv = 1.0 / b - 1.0 / bigB;
            observed = (eb - eB) / inv;
            target = r.conclusion().equals("trace-unbiased") ? tr : (double) n / (n - 1) * tr;
            scale = 2 * m2 / inv + 5 * m2;
            what = "E[(|g_b|^2 - |g_B|^2)/(1/b - 1/B)]";
        }
        // Teeth: a wrong constant, target (1 + eps).
        double bound = target * (1 + tighten());
        double tol = Tolerance.of(scale, d);
        Evaluation.Builder e = new Evaluation.Builder();
        String conclusion = r.conclusion();
        double eps = tighten();
        Check upper = Check.atMost(what + " (exact)", 1, observed, bound, tol)
                .withExact(ExactMoments.PRECISION, () -> exactHolds(in, conclusion, eps, true));
        if (!e.add(upper)) {
            e.add(Check.atLeast(what + " (exact)", 1, observed, bound, tol)
                    .withExact(ExactMoments.PRECISION, () -> exactHolds(in, conclusion, eps, false)));
        }
        return e.completed(Map.of());
    }

    /** The same estimator identity from the real-number batch means, to 300 digits. */
    private static boolean exactHolds(NoiseInstance in, String conclusion, double tighten, boolean atMost) {
        ExampleGradients g = ExampleRows.at(in.f(), in.x());
        int n = in.f().n();
        int d = in.f().dimension();
        BigDecimal[] zero = new BigDecimal[d];
        Arrays.fill(zero, BigDecimal.ZERO);
        BigDecimal eb = ExactMoments.exact(in.sampler(in.small()), g, zero).trace();
        BigDecimal eB = ExactMoments.exact(in.sampler(in.big()), g, zero).trace();
        BigDecimal g2 = HighPrecision.normSq(ExactMoments.exactFullGradient(g));
        BigDecimal tr = ExactMoments.exactTrace(g);
        BigDecimal b = BigDecimal.valueOf(in.small());
        BigDecimal bigB = BigDecimal.valueOf(in.big());
        BigDecimal nn = BigDecimal.valueOf(n);
        BigDecimal observed;
        BigDecimal target;
        if (conclusion.startsWith("g2")) {
            observed = bigB.multiply(eB).subtract(b.multiply(eb)).divide(bigB.subtract(b), HighPrecision.MC);
            target = conclusion.equals("g2-unbiased")
                    ? g2
                    : g2.subtract(tr.divide(nn.subtract(BigDecimal.ONE), HighPrecision.MC));
        } else {
            // 1/b - 1/B = (B - b)/(b B)
            observed = eb.subtract(eB).multiply(b).multiply(bigB).divide(bigB.subtract(b), HighPrecision.MC);
            target = conclusion.equals("trace-unbiased")
                    ? tr
                    : nn.multiply(tr).divide(nn.subtract(BigDecimal.ONE), HighPrecision.MC);
        }
        BigDecimal bound = target.multiply(BigDecimal.ONE.add(new BigDecimal(tighten)));
        return HighPrecision.holds(atMost, observed, bound);
    }

    @Override
    public List<String> labels(NoiseInstance in, Regime r) {
        return List.of(in.big() == in.f().n() ? "B = n" : "B < n");
    }
}
