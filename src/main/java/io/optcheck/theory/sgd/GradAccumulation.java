package io.optcheck.theory.sgd;

import io.optcheck.oracle.ExampleRows;

import static io.optcheck.theory.Assumptions.NORMALISED_BY_TOTAL;

import io.optcheck.api.ExampleGradients;
import io.optcheck.oracle.MicroBatchAccumulation;
import io.optcheck.problem.FiniteSums;
import io.optcheck.problem.Problems;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.result.Expected;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.Tolerance;
import java.util.List;
import java.util.Map;

/**
 * dist.grad-accumulation: K micro-batches whose per-example gradients are summed and divided by
 * the TOTAL number of examples give exactly the large-batch gradient (summation is linear).
 * Normalising each micro-batch by its own size and averaging the K results -- the 2024
 * gradient-accumulation bug class -- weights an example of micro-batch k by 1/(K n_k) instead
 * of 1/n, and differs as soon as the sizes differ. Deterministic: no expectation involved.
 */
public final class GradAccumulation implements Theorem<AccumInstance> {

  private final double tighten;

  public GradAccumulation() {
    this(0);
  }

  private GradAccumulation(double tighten) {
    this.tighten = tighten;
  }

  @Override
  public GradAccumulation withTightenedBounds(double eps) {
    return new GradAccumulation(eps);
  }

  private final List<Regime> regimes = List.of(
      new Regime("holds", "equals-large-batch", Expected.HOLDS, List.of(NORMALISED_BY_TOTAL), null,
          "micro-batches of any sizes, summed and divided by the total count", null),
      new Regime("drop:" + NORMALISED_BY_TOTAL, "equals-large-batch", Expected.BREAKS, List.of(), NORMALISED_BY_TOTAL,
          "each micro-batch normalised by its own size, then the K results averaged", null));

  @Override
  public String id() {
    return "dist.grad-accumulation";
  }

  @Override
  public String methodId() {
    return "grad-accumulation";
  }

  @Override
  public List<String> assumptions() {
    return List.of(NORMALISED_BY_TOTAL);
  }

  @Override
  public List<Regime> regimes() {
    return regimes;
  }

  @Override
  public Gen<AccumInstance> instances(Regime r) {
    MicroBatchAccumulation.Normalisation norm = r.breaking()
        ? MicroBatchAccumulation.Normalisation.OWN : MicroBatchAccumulation.Normalisation.TOTAL;
    return Gens.integers(1, 4).flatMap(k -> Gens.combine(Gens.listsOfSize(Gens.integers(1, 4), k),
        Gens.integers(1, 3)).as((sz, d) -> new Object[] {sz.stream().mapToInt(Integer::intValue).toArray(), d}))
        .flatMap(o -> {
          int[] sizes = (int[]) o[0];
          int d = (Integer) o[1];
          int n = java.util.Arrays.stream(sizes).sum();
          return Gens.combine(FiniteSums.leastSquares(n, d), Problems.points(d, 2))
              .as((f, x) -> new AccumInstance(f, x, sizes, norm));
        });
  }

  @Override
  public Evaluation evaluate(AccumInstance in, Regime r) {
    double[] acc = in.accumulated();
    double[] full = in.f().gradient(in.x());
    int d = full.length;
    double worst = 0;
    for (int j = 0; j < d; j++) {
      // Teeth: a wrong constant, accumulated = (1 + eps) grad f.
      worst = Math.max(worst, Math.abs(acc[j] - (1 + tighten) * full[j]));
    }
    // Both sides are means of the same per-example gradients: scale 2 max |grad f_i|.
    double scale = 2 * ExampleRows.at(in.f(), in.x()).maxAbs();
    Evaluation.Builder b = new Evaluation.Builder();
    b.add(Check.atMost("max_j |accumulated_j - grad f(x)_j|", 1, worst, 0, Tolerance.of(scale, d)));
    return b.build(Evaluation.Ending.COMPLETED, "completed", -1, Map.of());
  }

  @Override
  public Map<String, Object> describe(AccumInstance in) {
    return in.describe();
  }

  @Override
  public List<String> labels(AccumInstance in, Regime r) {
    boolean equal = java.util.Arrays.stream(in.sizes()).allMatch(s -> s == in.sizes()[0]);
    return List.of(equal ? "equal micro-batches" : "unequal micro-batches");
  }
}
