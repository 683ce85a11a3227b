package io.optcheck.theory.gd;

import static io.optcheck.theory.Assumptions.DIFFERENTIABLE;
import static io.optcheck.theory.Assumptions.DIRECTION_NEG_GRADIENT;
import static io.optcheck.theory.Assumptions.NONZERO_GRADIENT;

import io.optcheck.method.DirectionDescent;
import io.optcheck.method.DirectionRule;
import io.optcheck.problem.Num;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Quadratic;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.result.Expected;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TrajectoryCheck;
import io.optcheck.theory.Vec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * gd.gradient-direction (Nocedal &amp; Wright, Numerical Optimization, ch. 2). For differentiable f
 * with grad f(x) != 0, d = -grad f(x) is a descent direction: grad f(x)^T d = -||grad f(x)||^2 &lt; 0
 * and f(x + t d) &lt; f(x) for all small t &gt; 0.
 *
 * <p>Finite check, at every step of a constant-step run along the direction rule (the direction
 * is read back from the iterates, Delta = x_t - x_t-1 = eta d): the slope g^T Delta must be
 * negative (beyond the tolerance), and the Armijo-type decrease
 * f(x) - f(x + 2^-k Delta) &gt;= (1/2) 2^-k |g^T Delta| must hold for some k in 0..60; the check
 * at the smallest such k is reported (all 61 fail only for a direction that is not descent).
 */
public final class GradientDirection implements Theorem<GradientDirection.Instance> {

  static final int STEPS = 20;
  static final int MAX_K = 60;
  static final double C = 0.5;

  /** A quadratic, a start, the step fraction h (eta = h/L) and the direction perturbation w, u. */
  public record Instance(Quadratic q, double[] x0, double h, double w, double[] u) {
    double l() {
      return q.certificate().L().orElseThrow();
    }

    DirectionRule rule() {
      return w == 0 ? DirectionRule.STEEPEST : DirectionRule.perturbedSteepest(w, u);
    }
  }

  private final double tighten;

  public GradientDirection() {
    this(0);
  }

  private GradientDirection(double tighten) {
    this.tighten = tighten;
  }

  @Override
  public GradientDirection withTightenedBounds(double eps) {
    return new GradientDirection(eps);
  }

  private final List<Regime> regimes = List.of(
      new Regime("holds", "descent-direction", Expected.HOLDS,
          List.of(DIFFERENTIABLE, NONZERO_GRADIENT, DIRECTION_NEG_GRADIENT), null,
          "d = -grad f: the slope is negative and f decreases at t = 2^-k for some k <= 60", null),
      new Regime("drop:direction-neg-gradient", "descent-direction", Expected.BREAKS,
          List.of(DIFFERENTIABLE, NONZERO_GRADIENT), DIRECTION_NEG_GRADIENT,
          "d = -grad f + w ||grad f|| u with w in (0, 3] and u searched: not always a descent direction",
          null));

  @Override
  public String id() {
    return "gd.gradient-direction";
  }

  @Override
  public String methodId() {
    return "gd-direction";
  }

  @Override
  public List<String> assumptions() {
    return List.of(DIFFERENTIABLE, NONZERO_GRADIENT, DIRECTION_NEG_GRADIENT);
  }

  @Override
  public List<Regime> regimes() {
    return regimes;
  }

  @Override
  public Gen<Instance> instances(Regime r) {
    Gen<Double> h = Gens.doubles(0, 1).withSpecials(1.0).knob("h").filter("h > 0", v -> v > 0);
    Gen<Double> w = r.id().equals("holds") ? Gens.just(0.0)
        : Gens.doubles(0, 3).knob("w").filter("w > 0", v -> v > 0);
    return Problems.quadratics().flatMap(q -> {
      int d = q.dimension();
      Gen<double[]> x0 = Problems.points(d, 10).filter("x0 != x*", v -> !LineSearchChecks.zero(v));
      Gen<double[]> u = Gens.doubleArrays(Gens.doubles(-1, 1), d).filter("u != 0", v -> !LineSearchChecks.zero(v));
      return Gens.combine(x0, h, w, u).as((xv, hv, wv, uv) -> new Instance(q, xv, hv, wv, uv));
    });
  }

  @Override
  public Evaluation evaluate(Instance in, Regime r) {
    Quadratic q = in.q();
    int d = q.dimension();
    double eta = in.h() / in.l();
    io.optcheck.theory.StepSize.requireRepresentable("eta", eta);
    return TrajectoryCheck.run(new DirectionDescent(eta, in.rule()), q, in.x0(), STEPS, (t, prev, cur, series) -> {
      double[] g = q.gradient(prev);
      if (LineSearchChecks.zero(g)) {
        return LineSearchChecks.stationary(t);
      }
      double[] delta = LineSearchChecks.minus(cur, prev);
      double gn = Vec.norm(g);
      double dn = Vec.norm(delta);
      double xn = Vec.norm(prev);
      double slope = Vec.dot(g, delta);
      series.point("grad f^T (x_t - x_t-1) / (eta ||g||^2)", slope / (eta * gn * gn));
      // The slope is read from x_t - x_t-1, whose rounding is about eps (||x_t-1|| + ||Delta||).
      Check s = Check.atMost("grad f(x_t-1)^T (x_t - x_t-1) (must be < 0)", t, slope, 0,
          LineSearchChecks.tol(gn * (xn + dn) + gn * dn, d));
      if (!s.ok()) {
        return s;
      }
      double f0 = q.value(prev);
      // Teeth: the wrong claim "the decrease holds already at t = 1, with the constant raised".
      int kMax = tighten != 0 ? 0 : MAX_K;
      Check last = null;
      for (int k = 0; k <= kMax; k++) {
        double tk = Math.scalb(1.0, -k);
        double[] y = LineSearchChecks.along(prev, tk, delta);
        double f1 = q.value(y);
        double bound = C * tk * Math.abs(slope) * (1 + tighten);
        double scale = q.valueScale(prev) + q.valueScale(y) + bound
            + Vec.norm(q.gradient(y)) * (xn + tk * dn) + gn * tk * dn;
        last = Check.atLeast("f(x) - f(x + 2^-" + k + " Delta) vs (1/2) 2^-" + k + " |g^T Delta|", t,
            f0 - f1, bound, LineSearchChecks.tol(scale, d));
        if (last.ok()) {
          break;
        }
      }
      return last;
    });
  }

  @Override
  public Map<String, Object> describe(Instance in) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dimension", in.q().dimension());
    m.put("objective", in.q().describe());
    m.put("L", in.l());
    m.put("x0", Num.fmt(in.x0()));
    m.put("eta", in.h() / in.l());
    m.put("eta L", in.h());
    m.put("direction", in.rule().describe());
    return m;
  }

  @Override
  public OptionalDouble tightReference(String conclusion) {
    // Equality at eta = 1/L and k = 0 along the top eigenvector: f(x - g/L) = f(x) - ||g||^2/(2L).
    return OptionalDouble.of(1.0);
  }

  @Override
  public List<String> labels(Instance in, Regime r) {
    List<String> l = new ArrayList<>(LineSearchChecks.quadraticLabels(in.q()));
    if (in.h() == 1.0) {
      l.add(QuadraticLabels.ETA_AT_LIMIT);
    }
    return l;
  }

  @Override
  public List<Property.Coverage> coverage(Regime r) {
    List<Property.Coverage> c = new ArrayList<>(LineSearchChecks.COVERAGE);
    if (r.id().equals("holds")) {
      c.add(new Property.Coverage(QuadraticLabels.ETA_AT_LIMIT, 1));
    }
    return c;
  }
}
