package io.optcheck.theory.sgd;

import static io.optcheck.theory.Assumptions.EQUAL_SHARDS;
import static io.optcheck.theory.Assumptions.FRESH_GRADIENTS;
import static io.optcheck.theory.Assumptions.IMPORTANCE_REWEIGHTED;
import static io.optcheck.theory.Assumptions.UNCLIPPED_GRADIENTS;
import static io.optcheck.theory.Assumptions.UNIFORM_BATCH;

import io.optcheck.api.ExampleGradients;
import io.optcheck.api.GradientEstimator;
import io.optcheck.api.Sampling;
import io.optcheck.problem.Num;
import io.optcheck.prop.Gen;
import io.optcheck.result.Expected;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sgd.unbiased-minibatch checked on a user's {@link GradientEstimator}: E[estimate] = grad f(x),
 * EXACTLY, by walking the estimator's choice tree (see {@link EstimatorChoiceTree}) and applying
 * the built-in theorem's check ({@link UnbiasedMinibatch#meanCheck}) to the distribution found.
 * One regime, holds: what the estimator declares puts the assumptions in force, and a break is a
 * bug in the estimator (a biased sampler), reported with the shrunk instance and its bias.
 */
final class EstimatorUnbiased implements Theorem<EstimatorInstance> {

  private final GradientEstimator estimator;
  private final double tighten;
  private final List<Regime> regimes;

  EstimatorUnbiased(GradientEstimator estimator) {
    this(estimator, 0);
  }

  private EstimatorUnbiased(GradientEstimator estimator, double tighten) {
    this.estimator = estimator;
    this.tighten = tighten;
    boolean importance = estimator.sampling() == Sampling.IMPORTANCE;
    this.regimes = List.of(new Regime("holds", "unbiased", Expected.HOLDS,
        List.of(importance ? IMPORTANCE_REWEIGHTED : UNIFORM_BATCH, UNCLIPPED_GRADIENTS, FRESH_GRADIENTS, EQUAL_SHARDS),
        null, "declared " + estimator.sampling() + ", B = " + estimator.batchSize()
            + ": E[estimate] = grad f(x) exactly (enumeration of the estimator's choice tree)", null));
  }

  @Override
  public EstimatorUnbiased withTightenedBounds(double eps) {
    return new EstimatorUnbiased(estimator, eps);
  }

  @Override
  public String id() {
    return "sgd.unbiased-minibatch";
  }

  @Override
  public String methodId() {
    return estimator.id();
  }

  @Override
  public List<String> assumptions() {
    return List.of(UNIFORM_BATCH, UNCLIPPED_GRADIENTS, FRESH_GRADIENTS, EQUAL_SHARDS);
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
      return UnbiasedMinibatch.meanCheck(new EstimatorChoiceTree(estimator), in.table(), in.f(), in.x(), tighten,
          "E[estimate]");
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
      m.put("bias E[estimate] - grad f(x)", Num.fmt(UnbiasedMinibatch.diff(em.mean, in.f().gradient(in.x()))));
      m.put("E[estimate] (exact)", Num.fmt(em.mean));
      m.put("outcomes", em.outcomes);
    } catch (EstimatorChoiceTree.EstimatorFailure e) {
      m.put("E[estimate]", "not computed: " + e.getMessage());
    }
    m.putAll(EstimatorTheorems.declared(estimator));
    m.putAll(in.describe());
    return m;
  }

  @Override
  public Map<String, String> conventions() {
    return EstimatorTheorems.conventions(estimator.sampling(), estimator.batchSize(), "exact enumeration");
  }

  @Override
  public List<String> labels(EstimatorInstance in, Regime r) {
    return List.of("n = " + in.n(), "d = " + in.d());
  }
}
