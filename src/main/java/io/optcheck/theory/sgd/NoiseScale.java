package io.optcheck.theory.sgd;

import io.optcheck.oracle.ExampleRows;

import static io.optcheck.theory.Assumptions.UNIFORM_BATCH;
import static io.optcheck.theory.Assumptions.WITHOUT_REPLACEMENT;
import static io.optcheck.theory.Assumptions.WITH_REPLACEMENT;

import io.optcheck.api.ExampleGradients;
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
import java.util.OptionalDouble;

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
public final class NoiseScale implements Theorem<NoiseInstance> {

  private final double tighten;

  public NoiseScale() {
    this(0);
  }

  private NoiseScale(double tighten) {
    this.tighten = tighten;
  }

  @Override
  public NoiseScale withTightenedBounds(double eps) {
    return new NoiseScale(eps);
  }

  private static final List<String> WITH = List.of(UNIFORM_BATCH, WITH_REPLACEMENT);
  private static final List<String> WITHOUT = List.of(UNIFORM_BATCH, WITHOUT_REPLACEMENT);

  private final List<Regime> regimes = List.of(
      new Regime("holds", "g2-unbiased", Expected.HOLDS, WITH, null,
          "with replacement: E[(B|g_B|^2 - b|g_b|^2)/(B - b)] = |G|^2", null),
      new Regime("trace-with-replacement", "trace-unbiased", Expected.HOLDS, WITH, null,
          "with replacement: E[(|g_b|^2 - |g_B|^2)/(1/b - 1/B)] = tr Sigma", null),
      new Regime("drop:" + WITH_REPLACEMENT, "g2-unbiased", Expected.BREAKS, List.of(UNIFORM_BATCH), WITH_REPLACEMENT,
          "without replacement the |G|^2 estimator is biased", null),
      new Regime("trace-without-replacement", "trace-unbiased", Expected.BREAKS, List.of(UNIFORM_BATCH),
          WITH_REPLACEMENT, "without replacement the tr Sigma estimator is biased", null),
      new Regime("g2-bias-without-replacement", "g2-bias-without-replacement", Expected.HOLDS, WITHOUT, null,
          "without replacement: E[|G|^2 estimate] = |G|^2 - tr(Sigma)/(n - 1) exactly", null),
      new Regime("trace-bias-without-replacement", "trace-bias-without-replacement", Expected.HOLDS, WITHOUT, null,
          "without replacement: E[tr Sigma estimate] = (n/(n - 1)) tr Sigma exactly", null));

  @Override
  public String id() {
    return "sgd.noise-scale";
  }

  @Override
  public String methodId() {
    return "minibatch-sampler";
  }

  @Override
  public List<String> assumptions() {
    return WITH;
  }

  @Override
  public List<Regime> regimes() {
    return regimes;
  }

  @Override
  public Gen<NoiseInstance> instances(Regime r) {
    boolean replacement = r.id().equals("holds") || r.id().equals("trace-with-replacement");
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
    double bound = target * (1 + tighten);
    double tol = Tolerance.of(scale, d);
    Evaluation.Builder e = new Evaluation.Builder();
    if (!e.add(Check.atMost(what + " (exact)", 1, observed, bound, tol))) {
      e.add(Check.atLeast(what + " (exact)", 1, observed, bound, tol));
    }
    return e.build(Evaluation.Ending.COMPLETED, "completed", -1, Map.of());
  }

  @Override
  public Map<String, Object> describe(NoiseInstance in) {
    return in.describe();
  }

  @Override
  public OptionalDouble tightReference(String conclusion) {
    return OptionalDouble.of(1.0);
  }

  @Override
  public List<String> labels(NoiseInstance in, Regime r) {
    return List.of(in.big() == in.f().n() ? "B = n" : "B < n");
  }
}
