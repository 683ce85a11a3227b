package io.optcheck.theory.gd;

import static io.optcheck.theory.Assumptions.BOUNDED_BELOW;
import static io.optcheck.theory.Assumptions.L_SMOOTH;
import static io.optcheck.theory.Assumptions.STEP_EQ_1_OVER_L;

import io.optcheck.method.MethodKind;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.MethodBinding;
import io.optcheck.problem.NonconvexProblems;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Ripple;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.report.Expected;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import io.optcheck.theory.Vec;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * gd.nonconvex-stationarity (Nesterov, Lectures on Convex Optimization, (1.2.13); PEPit
 * nonconvex_optimization/gradient_descent). For L-smooth f &gt;= f_low and eta = 1/L, summing
 * the descent lemma f(x_{t+1}) &lt;= f(x_t) - ||grad f(x_t)||^2/(2L) over t &lt; T gives
 *
 * <pre>min_{0 &lt;= t &lt; T} ||grad f(x_t)||^2 &lt;= 2 L (f(x_0) - f_low) / T   for every T &gt;= 1.</pre>
 *
 * Checked at every T = 1..{@value #STEPS} on rippled quadratics (non-convex, L and f_low
 * certified). Equality holds at T = 1 on (L/2) x^2 (the descent lemma is tight and f(x_1) =
 * f_low = 0), so the bound is tight and the tightened bound must break there. PEPit's empirical
 * tight value (4/3)(L/T)(f(x_0) - f(x_T)) (with the min over 0..T) is recorded as a series, not
 * asserted.
 */
public final class NonconvexStationarity extends KindTheorem<RippleInstance> {

  static final int STEPS = 100;

  private final double tighten;

  public NonconvexStationarity() {
    this(0, MethodBinding.builtIn(MethodKind.GD, "gd"));
  }

  private NonconvexStationarity(double tighten, MethodBinding binding) {
    super(binding);
    this.tighten = tighten;
  }

  @Override
  public NonconvexStationarity withTightenedBounds(double eps) {
    return new NonconvexStationarity(eps, binding());
  }

  @Override
  protected NonconvexStationarity rebind(MethodBinding b) {
    return new NonconvexStationarity(tighten, b);
  }

  private final List<Regime> regimes = List.of(
      new Regime("holds", "min-gradient", Expected.HOLDS, List.of(L_SMOOTH, BOUNDED_BELOW, STEP_EQ_1_OVER_L),
          null, "eta = 1/L: min_{t<T} ||grad f(x_t)||^2 <= 2L(f(x0) - f_low)/T at every T", null),
      new Regime("eta-in-1-2-over-l", "min-gradient", Expected.NONE, List.of(L_SMOOTH, BOUNDED_BELOW),
          STEP_EQ_1_OVER_L, "eta in (1/L, 2/L]: the theorem (for eta = 1/L) says nothing; the same bound "
          + "is checked and what happens is reported", new Regime.ThresholdSpec("eta L", 1.0)),
      new Regime("eta-gt-2-over-l", "min-gradient", Expected.BREAKS, List.of(L_SMOOTH, BOUNDED_BELOW),
          STEP_EQ_1_OVER_L, "eta in (2/L, 4/L]: GD may diverge and the bound breaks",
          new Regime.ThresholdSpec("eta L", 2.0)));

  @Override
  public String id() {
    return "gd.nonconvex-stationarity";
  }

  @Override
  public List<String> assumptions() {
    return List.of(L_SMOOTH, BOUNDED_BELOW, STEP_EQ_1_OVER_L);
  }

  @Override
  public List<Regime> regimes() {
    return regimes;
  }

  @Override
  public Gen<RippleInstance> instances(Regime r) {
    Gen<Double> h = switch (r.id()) {
      case "eta-in-1-2-over-l" -> Gens.doubles(1, 2).knob("h").filter("h > 1", v -> v > 1);
      case "eta-gt-2-over-l" -> Gens.doubles(2, 4).knob("h").filter("h > 2", v -> v > 2);
      default -> Gens.just(1.0);
    };
    return NonconvexProblems.ripples().flatMap(f -> Gens.combine(Problems.points(f.dimension(), 10), h)
        .as((x0, hv) -> new RippleInstance(f, x0, hv, Double.POSITIVE_INFINITY)));
  }

  @Override
  protected Evaluation checkOn(RippleInstance in, Regime r) {
    Ripple f = in.f();
    int d = f.dimension();
    double l = in.l();
    double fLow = in.fLow();
    double f0 = f.value(in.x0());
    double gap = f0 - fLow;
    double[] minG2 = {Double.POSITIVE_INFINITY};
    return TrajectoryCheck.run(method(lr(in.eta())), f, in.x0(), STEPS, (t, prev, cur, series) -> {
      double gn = Vec.norm(f.gradient(prev));
      minG2[0] = Math.min(minG2[0], gn * gn);
      double bound = 2 * l * gap / t * (1 - tighten);
      // The bound combines f(x0) and f_low; the observed value is a sum of d squares.
      double tol = Tolerance.of(minG2[0] + 2 * l * (Math.abs(f0) + Math.abs(fLow)) / t, d);
      series.point("min_{s<t} ||grad f(x_s)||^2", minG2[0]);
      series.point("2L(f(x0) - f_low)/t", bound);
      // PEPit's empirical tight value, with the min over 0..t: a reference figure only.
      double gT = Vec.norm(f.gradient(cur));
      double pepit = 4.0 / 3.0 * l / t * (f0 - f.value(cur));
      series.point("min_{s<=t} ||grad f(x_s)||^2 / ((4/3)(L/t)(f(x0) - f(x_t)))",
          Math.min(minG2[0], gT * gT) / pepit);
      return Check.atMost("min_{s<t} ||grad f(x_s)||^2", t, minG2[0], bound, tol);
    });
  }

  @Override
  public Map<String, Object> describe(RippleInstance in) {
    return in.describe();
  }

  @Override
  public OptionalDouble thresholdValue(RippleInstance in, Regime r) {
    return OptionalDouble.of(in.h());
  }

  @Override
  public OptionalDouble tightReference(String conclusion) {
    return OptionalDouble.of(1.0);
  }

  @Override
  public List<String> labels(RippleInstance in, Regime r) {
    return in.labels();
  }

  @Override
  public List<Property.Coverage> coverage(Regime r) {
    return RippleInstance.COVERAGE;
  }
}
