package io.optcheck.theory.sgd;

import static io.optcheck.theory.Assumptions.EQUAL_SHARDS;

import io.optcheck.prop.Gen;
import io.optcheck.result.Expected;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import java.util.List;
import java.util.Map;

/**
 * dist.data-parallel (Goyal et al. 2017, "Accurate, Large Minibatch SGD", sec. 3): K workers
 * with equal shards each return their shard mean; the unweighted average of the K means equals
 * the full-batch gradient exactly (up to rounding). With unequal shards the unweighted average
 * weights each example by 1/(K n_k) instead of 1/n: biased.
 */
public final class DataParallel implements Theorem<BatchInstance> {

  private final double tighten;

  public DataParallel() {
    this(0);
  }

  private DataParallel(double tighten) {
    this.tighten = tighten;
  }

  @Override
  public DataParallel withTightenedBounds(double eps) {
    return new DataParallel(eps);
  }

  private final List<Regime> regimes = List.of(
      new Regime("holds", "average-equals-full-gradient", Expected.HOLDS, List.of(EQUAL_SHARDS), null,
          "K equal shards: (1/K) sum_k shard mean_k = grad f(x)", null),
      new Regime("drop:" + EQUAL_SHARDS, "average-equals-full-gradient", Expected.BREAKS, List.of(), EQUAL_SHARDS,
          "unequal shards averaged without weights", null));

  @Override
  public String id() {
    return "dist.data-parallel";
  }

  @Override
  public String methodId() {
    return "shard-average";
  }

  @Override
  public List<String> assumptions() {
    return List.of(EQUAL_SHARDS);
  }

  @Override
  public List<Regime> regimes() {
    return regimes;
  }

  @Override
  public Gen<BatchInstance> instances(Regime r) {
    return BatchGens.instances(r.breaking() ? BatchGens.Variant.SHARD_MEANS_UNEQUAL : BatchGens.Variant.SHARD_MEANS_EQUAL);
  }

  @Override
  public Evaluation evaluate(BatchInstance in, Regime r) {
    return UnbiasedMinibatch.meanCheck(in, tighten, "(1/K) sum_k shard mean_k");
  }

  @Override
  public Map<String, Object> describe(BatchInstance in) {
    return in.describe();
  }

  @Override
  public List<String> labels(BatchInstance in, Regime r) {
    return List.of("K = " + in.sizes().length);
  }
}
