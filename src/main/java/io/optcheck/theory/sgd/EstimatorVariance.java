package io.optcheck.theory.sgd;

import static io.optcheck.theory.Assumptions.UNIFORM_BATCH;
import static io.optcheck.theory.Assumptions.WITHOUT_REPLACEMENT;
import static io.optcheck.theory.Assumptions.WITH_REPLACEMENT;

import io.optcheck.api.ExampleGradients;
import io.optcheck.api.GradientEstimator;
import io.optcheck.api.Sampling;
import io.optcheck.prop.Gen;
import io.optcheck.result.Expected;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * sgd.minibatch-variance checked on a user's {@link GradientEstimator} that declares a uniform
 * sampling: with replacement Cov = Sigma/B and E||g - grad f||^2 = tr(Sigma)/B; without,
 * Cov = ((n - B)/(B (n - 1))) Sigma. Exact, by walking the estimator's choice tree and applying the
 * built-in theorem's check ({@link MinibatchVariance#varianceCheck}). The regimes are the built-in
 * theorem's; those of the other sampling report not applicable, as do all of them for importance
 * sampling (no formula here) and for an estimator with its own randomness (covariances are
 * checked only exactly).
 */
final class EstimatorVariance implements Theorem<EstimatorInstance> {

  private final String id;
  private final Sampling sampling;
  private final int batchSize;
  /** Null for an estimator with its own randomness: then no regime applies. */
  private final GradientEstimator estimator;
  private final String check;
  private final double tighten;
  private final List<Regime> regimes;

  /** For an estimator drawing from optcheck's Randomness (exact). */
  EstimatorVariance(GradientEstimator estimator) {
    this(estimator.id(), estimator.sampling(), estimator.batchSize(), estimator, "exact enumeration", 0);
  }

  /** For an estimator with its own randomness: every regime reports not applicable. */
  EstimatorVariance(io.optcheck.api.SelfRandomEstimator e) {
    this(e.id(), e.sampling(), e.batchSize(), null, "statistical", 0);
  }

  private EstimatorVariance(String id, Sampling sampling, int batchSize, GradientEstimator estimator, String check,
                            double tighten) {
    this.id = id;
    this.sampling = sampling;
    this.batchSize = batchSize;
    this.estimator = estimator;
    this.check = check;
    this.tighten = tighten;
    String b = ", declared B = " + batchSize;
    // The built-in theorem's regimes, ids and conclusions; those of another sampling do not apply.
    this.regimes = List.of(
        new Regime("holds", "cov-with-replacement", Expected.HOLDS, List.of(UNIFORM_BATCH, WITH_REPLACEMENT), null,
            "with replacement" + b + ": Cov(g_B) = Sigma / B", null),
        new Regime("trace-with-replacement", "mse-with-replacement", Expected.HOLDS,
            List.of(UNIFORM_BATCH, WITH_REPLACEMENT), null,
            "with replacement" + b + ": E||g_B - grad f||^2 = tr(Sigma) / B", null),
        new Regime("without-replacement", "cov-without-replacement", Expected.HOLDS,
            List.of(UNIFORM_BATCH, WITHOUT_REPLACEMENT), null,
            "without replacement" + b + ": Cov(g_B) = (n - B)/(B (n - 1)) Sigma, 0 at B = n", null));
  }

  @Override
  public EstimatorVariance withTightenedBounds(double eps) {
    return new EstimatorVariance(id, sampling, batchSize, estimator, check, eps);
  }

  @Override
  public java.util.Optional<String> notApplicable(Regime r) {
    if (estimator == null) {
      return java.util.Optional.of("the estimator brings its own randomness: the covariance formulas are checked only"
          + " by exact enumeration (implement GradientEstimator, drawing from optcheck's Randomness)");
    }
    if (sampling == Sampling.IMPORTANCE) {
      return java.util.Optional.of("declared IMPORTANCE sampling: the variance formulas are for uniform batches");
    }
    boolean with = r.assumptions().contains(WITH_REPLACEMENT);
    if (with != (sampling == Sampling.WITH_REPLACEMENT)) {
      return java.util.Optional.of("declared " + sampling + ": this regime is the formula for sampling "
          + (with ? "with" : "without") + " replacement");
    }
    return java.util.Optional.empty();
  }

  @Override
  public String id() {
    return "sgd.minibatch-variance";
  }

  @Override
  public String methodId() {
    return id;
  }

  @Override
  public List<String> assumptions() {
    return List.of(UNIFORM_BATCH, WITH_REPLACEMENT);
  }

  @Override
  public List<Regime> regimes() {
    return regimes;
  }

  @Override
  public Gen<EstimatorInstance> instances(Regime r) {
    return EstimatorInstance.instances(EstimatorInstance.minN(sampling, batchSize),
        EstimatorInstance.maxN(sampling, batchSize));
  }

  @Override
  public Evaluation evaluate(EstimatorInstance in, Regime r) {
    try {
      ExampleGradients g = in.table();
      return MinibatchVariance.varianceCheck(new EstimatorChoiceTree(estimator), g, in.f().gradient(in.x()),
          estimator.batchSize(), estimator.sampling() == Sampling.WITH_REPLACEMENT, r.conclusion(), tighten);
    } catch (EstimatorChoiceTree.EstimatorFailure e) {
      return EstimatorTheorems.error(e);
    }
  }

  @Override
  public Map<String, Object> describe(EstimatorInstance in) {
    Map<String, Object> m = new java.util.LinkedHashMap<>(EstimatorTheorems.declared(id, sampling, batchSize));
    m.putAll(in.describe());
    m.put("factor", MinibatchVariance.factor(in.n(), batchSize,
        sampling == Sampling.WITH_REPLACEMENT));
    return m;
  }

  @Override
  public OptionalDouble tightReference(String conclusion) {
    return conclusion.equals("mse-with-replacement") ? OptionalDouble.of(1.0) : OptionalDouble.empty();
  }

  @Override
  public Map<String, String> conventions() {
    return EstimatorTheorems.conventions(sampling, batchSize, check);
  }

  @Override
  public List<String> labels(EstimatorInstance in, Regime r) {
    return List.of(batchSize == in.n() ? "B = n" : "B < n", "n = " + in.n());
  }
}
