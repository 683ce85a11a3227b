package io.optcheck.theory.sgd;

import io.optcheck.api.GradientEstimator;
import io.optcheck.api.Sampling;
import io.optcheck.api.SelfRandomEstimator;
import io.optcheck.oracle.EstimatorChoiceTree;
import io.optcheck.problem.FiniteSum;
import io.optcheck.problem.Num;
import io.optcheck.prop.Property;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The theorems of section 2 that apply to a user's gradient estimator, under the estimator's
 * own id: sgd.unbiased-minibatch always, sgd.minibatch-variance for a declared uniform sampling.
 * An estimator drawing from optcheck's {@link io.optcheck.api.Randomness} is checked exactly;
 * one with its own randomness statistically (unbiasedness only).
 */
public final class EstimatorTheorems {

    private EstimatorTheorems() {}

    /** A regime that does not apply to an estimator, and why. */
    public record NotApplicable(String theoremId, String regimeId, String estimatorId, String reason) {}

    /**
     * The theorems of section 2 for an estimator drawing from optcheck's Randomness, each checked
     * exactly: sgd.unbiased-minibatch, and sgd.minibatch-variance, whose regimes that do not match
     * the declared sampling report not applicable (see {@link Theorem#notApplicable}).
     *
     * @throws IllegalArgumentException when the declaration is unusable (no sampling, B &lt; 1),
     *     naming the estimator
     */
    public static List<Theorem<?>> of(GradientEstimator e) {
        declared(e.id(), e.sampling(), e.batchSize());
        return List.of(new EstimatorUnbiased(e), new EstimatorVariance(e));
    }

    /**
     * The theorems of section 2 for an estimator with its own randomness: sgd.unbiased-minibatch,
     * tested statistically with calls seeded from {@code seed}, and sgd.minibatch-variance, every
     * regime of which reports not applicable (covariances are checked only exactly).
     *
     * @throws IllegalArgumentException for an unusable or IMPORTANCE declaration, naming the estimator
     */
    public static List<Theorem<?>> of(SelfRandomEstimator e, long seed) {
        declared(e.id(), e.sampling(), e.batchSize());
        return List.of(new SelfRandomUnbiased(e, seed), new EstimatorVariance(e));
    }

    /** {@link #of(SelfRandomEstimator, long)} with the default seed. */
    public static List<Theorem<?>> of(SelfRandomEstimator e) {
        return of(e, Property.DEFAULT_SEED);
    }

    /** The regimes of {@code theorems} that do not apply, with the reason. */
    public static List<NotApplicable> notApplicable(List<Theorem<?>> theorems) {
        List<NotApplicable> out = new ArrayList<>();
        for (Theorem<?> t : theorems) {
            for (Regime r : t.regimes()) {
                t.notApplicable(r)
                        .ifPresent(reason -> out.add(new NotApplicable(t.id(), r.id(), t.methodId(), reason)));
            }
        }
        return out;
    }

    /** Lines for people: which theorems apply to the estimator, and how each is checked. */
    public static List<String> listing(List<Theorem<?>> theorems) {
        List<String> lines = new ArrayList<>();
        if (theorems.isEmpty()) {
            return lines;
        }
        Theorem<?> first = theorems.get(0);
        lines.add("estimator " + first.methodId() + " (" + first.conventions() + "): " + theorems.size()
                + " theorems of THEOREMS.md section 2 apply");
        for (Theorem<?> t : theorems) {
            for (Regime r : t.regimes()) {
                String reason = t.notApplicable(r).orElse(null);
                lines.add("  " + t.id() + " / " + r.id()
                        + (reason == null
                                ? " (expected " + r.expected().json() + ", "
                                        + t.conventions().get("check") + ")"
                                : ": not applicable: " + reason));
            }
        }
        return lines;
    }

    /** The fields every minibatch instance shows first: n, d, the objective and the point x. */
    public static Map<String, Object> described(FiniteSum f, double[] x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", f.n());
        m.put("d", f.dimension());
        m.put("objective", f.describe());
        m.put("x", Num.fmt(x));
        return m;
    }

    static Map<String, Object> declared(String id, Sampling s, int b) {
        if (s == null) {
            throw new IllegalArgumentException("estimator " + id + " declares no sampling (sampling() returned null)");
        }
        if (b < 1) {
            throw new IllegalArgumentException("estimator " + id + " declares batch size " + b + "; need B >= 1");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimator", id);
        m.put("sampling", s.name());
        m.put("B", b);
        return m;
    }

    static Map<String, String> conventions(Sampling s, int b, String check) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sampling", s.name());
        m.put("batch-size", Integer.toString(b));
        m.put("check", check);
        return m;
    }

    /** The evaluation of an instance on which the estimator broke its contract. */
    static Evaluation error(EstimatorChoiceTree.EstimatorFailure e) {
        return new Evaluation.Builder()
                .build(Evaluation.Ending.ERROR, e.getMessage(), (int) Math.min(e.call, Integer.MAX_VALUE), Map.of());
    }
}
