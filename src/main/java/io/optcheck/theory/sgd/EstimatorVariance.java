package io.optcheck.theory.sgd;

import static io.optcheck.theory.Assumptions.UNIFORM_BATCH;
import static io.optcheck.theory.Assumptions.WITHOUT_REPLACEMENT;
import static io.optcheck.theory.Assumptions.WITH_REPLACEMENT;

import io.optcheck.oracle.ExampleGradients;
import io.optcheck.plugin.GradientEstimator;
import io.optcheck.plugin.Sampling;
import io.optcheck.prop.Gen;
import io.optcheck.report.Expected;
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
 * built-in theorem's check ({@link MinibatchVariance#varianceCheck}). Only the regimes of the
 * declared sampling run (the same ids as the built-in theorem's); importance sampling has no
 * variance formula here, so this theorem does not apply to it.
 */
final class EstimatorVariance implements Theorem<EstimatorInstance> {

  private final GradientEstimator estimator;
  private final double tighten;
  private final List<Regime> regimes;

  EstimatorVariance(GradientEstimator estimator) {
    this(estimator, 0);
  }

  private EstimatorVariance(GradientEstimator estimator, double tighten) {
    if (estimator.sampling() == Sampling.IMPORTANCE) {
      throw new IllegalArgumentException("sgd.minibatch-variance does not apply to " + estimator.id()
          + ": it declares IMPORTANCE sampling, and the variance formulas are for uniform batches");
    }
    this.estimator = estimator;
    this.tighten = tighten;
    String b = ", declared B = " + estimator.batchSize();
    this.regimes = estimator.sampling() == Sampling.WITH_REPLACEMENT
        ? List.of(
            new Regime("holds", "cov-with-replacement", Expected.HOLDS, List.of(UNIFORM_BATCH, WITH_REPLACEMENT), null,
                "with replacement" + b + ": Cov(g_B) = Sigma / B", null),
            new Regime("trace-with-replacement", "mse-with-replacement", Expected.HOLDS,
                List.of(UNIFORM_BATCH, WITH_REPLACEMENT), null,
                "with replacement" + b + ": E||g_B - grad f||^2 = tr(Sigma) / B", null))
        : List.of(new Regime("without-replacement", "cov-without-replacement", Expected.HOLDS,
            List.of(UNIFORM_BATCH, WITHOUT_REPLACEMENT), null,
            "without replacement" + b + ": Cov(g_B) = (n - B)/(B (n - 1)) Sigma, 0 at B = n", null));
  }

  @Override
  public EstimatorVariance withTightenedBounds(double eps) {
    return new EstimatorVariance(estimator, eps);
  }

  @Override
  public String id() {
    return "sgd.minibatch-variance";
  }

  @Override
  public String methodId() {
    return estimator.id();
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
    return EstimatorInstance.instances(EstimatorInstance.minN(estimator.sampling(), estimator.batchSize()),
        EstimatorInstance.maxN(estimator.sampling(), estimator.batchSize()));
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
    Map<String, Object> m = new java.util.LinkedHashMap<>(EstimatorTheorems.declared(estimator));
    m.putAll(in.describe());
    m.put("factor", MinibatchVariance.factor(in.n(), estimator.batchSize(),
        estimator.sampling() == Sampling.WITH_REPLACEMENT));
    return m;
  }

  @Override
  public OptionalDouble tightReference(String conclusion) {
    return conclusion.equals("mse-with-replacement") ? OptionalDouble.of(1.0) : OptionalDouble.empty();
  }

  @Override
  public Map<String, String> conventions() {
    return EstimatorTheorems.conventions(estimator.sampling(), estimator.batchSize(), "exact enumeration");
  }

  @Override
  public List<String> labels(EstimatorInstance in, Regime r) {
    return List.of(estimator.batchSize() == in.n() ? "B = n" : "B < n", "n = " + in.n());
  }
}
