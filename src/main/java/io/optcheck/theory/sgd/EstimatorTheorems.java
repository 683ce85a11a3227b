package io.optcheck.theory.sgd;

import io.optcheck.plugin.GradientEstimator;
import io.optcheck.plugin.Sampling;
import io.optcheck.plugin.SelfRandomEstimator;
import io.optcheck.prop.Property;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Theorem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The theorems of section 2 that apply to a user's gradient estimator, under the estimator's
 * own id: sgd.unbiased-minibatch always, sgd.minibatch-variance for a declared uniform sampling.
 * An estimator drawing from optcheck's {@link io.optcheck.plugin.Randomness} is checked exactly;
 * one with its own randomness statistically (unbiasedness only).
 */
public final class EstimatorTheorems {

  private EstimatorTheorems() {
  }

  /** A theorem that does not apply to an estimator, and why. */
  public record NotApplicable(String theoremId, String estimatorId, String reason) {
  }

  /**
   * The applicable theorems, each checked exactly.
   *
   * @throws IllegalArgumentException when the declaration is unusable (no sampling, B &lt; 1),
   *     naming the estimator
   */
  public static List<Theorem<?>> of(GradientEstimator e) {
    declared(e.id(), e.sampling(), e.batchSize());
    List<Theorem<?>> l = new ArrayList<>();
    l.add(new EstimatorUnbiased(e));
    if (e.sampling() != Sampling.IMPORTANCE) {
      l.add(new EstimatorVariance(e));
    }
    return l;
  }

  /** The theorems of section 2 that do not apply to {@code e}, with the reason. */
  public static List<NotApplicable> notApplicable(GradientEstimator e) {
    return e.sampling() == Sampling.IMPORTANCE
        ? List.of(new NotApplicable("sgd.minibatch-variance", e.id(),
            "declared IMPORTANCE sampling: the variance formulas are for uniform batches"))
        : List.of();
  }

  /**
   * The applicable theorems for an estimator with its own randomness: sgd.unbiased-minibatch,
   * tested statistically with calls seeded from {@code seed}.
   *
   * @throws IllegalArgumentException for an unusable or IMPORTANCE declaration, naming the estimator
   */
  public static List<Theorem<?>> of(SelfRandomEstimator e, long seed) {
    declared(e.id(), e.sampling(), e.batchSize());
    return List.of(new SelfRandomUnbiased(e, seed));
  }

  /** {@link #of(SelfRandomEstimator, long)} with the default seed. */
  public static List<Theorem<?>> of(SelfRandomEstimator e) {
    return of(e, Property.DEFAULT_SEED);
  }

  /** The theorems of section 2 that do not apply to an estimator with its own randomness. */
  public static List<NotApplicable> notApplicable(SelfRandomEstimator e) {
    return List.of(new NotApplicable("sgd.minibatch-variance", e.id(),
        "the estimator brings its own randomness: the covariance formulas are checked only by exact enumeration"
            + " (implement GradientEstimator, drawing from optcheck's Randomness, to have them checked)"));
  }

  static Map<String, Object> declared(GradientEstimator e) {
    return declared(e.id(), e.sampling(), e.batchSize());
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
    return new Evaluation.Builder().build(Evaluation.Ending.ERROR, e.getMessage(), (int) Math.min(e.call,
        Integer.MAX_VALUE), Map.of());
  }
}
