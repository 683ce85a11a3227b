package io.optcheck.theory.gd;

import static io.optcheck.theory.Assumptions.LINEARLY_SEPARABLE;
import static io.optcheck.theory.Assumptions.LOGISTIC_HOMOGENEOUS;
import static io.optcheck.theory.Assumptions.STEP_LT_2_OVER_L;
import static io.optcheck.theory.Assumptions.SVM_NON_DEGENERATE;

import io.optcheck.method.MethodKind;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.MethodBinding;
import io.optcheck.problem.DataProblems;
import io.optcheck.problem.Logistic;
import io.optcheck.problem.MarginData;
import io.optcheck.problem.Problems;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * gd.logistic-max-margin (Soudry, Hoffer, Nacson, Gunasekar &amp; Srebro, JMLR 2018, Thm 3). On
 * linearly separable data, GD on the homogeneous logistic loss with eta &lt; 2/L satisfies
 * w_t = w_hat log t + rho_t with ||rho_t|| bounded, where w_hat solves min ||w||^2 s.t.
 * y_i x_i^T w &gt;= 1; when the support vectors span the data, rho_t -&gt; w_tilde with
 * (eta/n) exp(-z_s^T w_tilde) = alpha_s. So ||w_t|| -&gt; infinity, f(w_t) -&gt; 0 and
 * w_t/||w_t|| -&gt; w_hat/||w_hat||, with an angle gap of order 1/log t.
 *
 * <p>Finite check (THEOREMS.md): at t = 2^k, k = 0..20 (about 10^6 steps),
 * ||w_t - w_hat log t|| &lt;= B with the stated bound
 * B = ||w_tilde|| + ||w0 - w_tilde|| + eta G, G = (1/n) sum ||x_i|| (see the spec for the
 * derivation and its status). The angle to w_hat and ||rho_t - w_tilde|| are reported as series.
 */
public final class LogisticMaxMargin extends KindTheorem<LogisticInstance> {

  /** The holds regime runs 2^20 steps (about 10^6, THEOREMS.md), checked at every power of two. */
  static final int STEPS = 1 << 20;

  /**
   * The other regimes run 2^16 steps: a break is a first violation, so a shorter horizon can only
   * hide breaks, never invent them; it keeps shrinking (hundreds of replays) affordable.
   */
  static final int SHORT_STEPS = 1 << 16;

  static final String ETA_ABOVE_1_OVER_L = "eta in (1/L, 2/L)";
  static final String NON_SUPPORT_POINTS = "points beyond the margin";

  /** What non-checkpoint steps return: no inequality, no ratio. */
  private static final Check NO_CHECKPOINT = Check.atMost("(no checkpoint at this step)", 0, 0, 0, 0);

  private final double tighten;

  /** The theorem as stated. */
  public LogisticMaxMargin() {
    this(0, MethodBinding.builtIn(MethodKind.GD, "gd"));
  }

  private LogisticMaxMargin(double tighten, MethodBinding binding) {
    super(binding);
    this.tighten = tighten;
  }

  @Override
  public LogisticMaxMargin withTightenedBounds(double eps) {
    return new LogisticMaxMargin(eps, binding());
  }

  /**
   * On a plug-in or third-party method, the regimes without a verdict (expected none: no proven
   * constant for the residual yet) do not apply: they would say nothing about the method and cost
   * 2^20 guarded steps per try. The breaking regime, which is a verdict, still runs.
   */
  @Override
  public java.util.Optional<String> notApplicable(Regime regime) {
    if (!binding().isBuiltIn() && regime.expected() == Expected.NONE) {
      return java.util.Optional.of("this regime has no verdict (no proven constant for ||w_t - w_hat log t|| yet), so it "
          + "is measured on optcheck's own GD only; drop:linearly-separable runs on every GD");
    }
    return java.util.Optional.empty();
  }

  @Override
  protected LogisticMaxMargin rebind(MethodBinding b) {
    return new LogisticMaxMargin(tighten, b);
  }

  private final List<Regime> regimes = List.of(
      // Expected none: B is the leading-order bound of Soudry et al.'s proof, not a proven
      // constant, and the full-depth run found it exceeded (by 3.7e-6 relative, at t = 32, in
      // the logistic-vs-exponential transient). Until a proven constant is derived the result
      // is reported without a verdict. See the spec.
      new Regime("holds", "residual-bounded", Expected.NONE,
          List.of(LOGISTIC_HOMOGENEOUS, STEP_LT_2_OVER_L, LINEARLY_SEPARABLE, SVM_NON_DEGENERATE), null,
          "separable 2-D data with two support vectors: ||w_t - w_hat log t|| <= B up to t = 2^20", null),
      new Regime("drop:linearly-separable", "residual-bounded", Expected.BREAKS,
          List.of(LOGISTIC_HOMOGENEOUS, STEP_LT_2_OVER_L), LINEARLY_SEPARABLE,
          "strictly non-separable data of full column rank: w_t converges to the finite minimizer", null),
      new Regime("merely-non-separable", "residual-bounded", Expected.NONE,
          List.of(LOGISTIC_HOMOGENEOUS, STEP_LT_2_OVER_L), LINEARLY_SEPARABLE,
          "merely non-separable data (a point opposite a support vector): no finite minimizer, no guarantee",
          null));

  @Override
  public String id() {
    return "gd.logistic-max-margin";
  }

  @Override
  public List<String> assumptions() {
    return List.of(LOGISTIC_HOMOGENEOUS, STEP_LT_2_OVER_L, LINEARLY_SEPARABLE, SVM_NON_DEGENERATE);
  }

  @Override
  public List<Regime> regimes() {
    return regimes;
  }

  @Override
  public Gen<LogisticInstance> instances(Regime r) {
    MarginData.Kind kind = switch (r.id()) {
      case "drop:linearly-separable" -> MarginData.Kind.STRICTLY_NON_SEPARABLE;
      case "merely-non-separable" -> MarginData.Kind.MERELY_NON_SEPARABLE;
      default -> MarginData.Kind.SEPARABLE;
    };
    Gen<Double> h = Gens.doubles(0, 2).withSpecials(1.0).knob("h").filter("0 < h < 2", v -> v > 0 && v < 2);
    return Gens.combine(DataProblems.marginData(kind), Problems.points(2, 2), h).as(LogisticInstance::new);
  }

  /** The stated bound B = ||w_tilde|| + ||w0 - w_tilde|| + eta G, G = (1/n) sum ||x_i||. */
  static double bound(LogisticInstance in) {
    double[] wt = in.wTilde();
    double g = 0;
    for (double[] zi : in.data().z()) {
      g += Vec.norm(zi);
    }
    g /= in.data().z().length;
    return Vec.norm(wt) + Vec.dist(in.w0(), wt) + in.eta() * g;
  }

  @Override
  protected Evaluation checkOn(LogisticInstance in, Regime r) {
    Logistic f = in.data().logistic();
    double[] wHat = in.data().wHat();
    double[] wTilde = in.wTilde();
    double wHatNorm = Vec.norm(wHat);
    // With tightened bounds: a wrong constant, "rho_t stays within ||w_tilde|| (1 - eps)",
    // i.e. the limit without the transient term, which rho_t -> w_tilde must violate.
    double b = tighten == 0 ? bound(in) : Vec.norm(wTilde) * (1 - tighten);
    int steps = r.id().equals("holds") ? STEPS : SHORT_STEPS;
    return TrajectoryCheck.run(method(lr(in.eta())), f, in.w0(), steps, (t, prev, cur, series) -> {
      if (Integer.bitCount(t) != 1) {
        return NO_CHECKPOINT;
      }
      double lt = Math.log(t);
      double[] rho = new double[2];
      for (int i = 0; i < 2; i++) {
        rho[i] = cur[i] - wHat[i] * lt;
      }
      double rn = Vec.norm(rho);
      double wn = Vec.norm(cur);
      double cos = wn == 0 ? Double.NaN : Vec.dot(cur, wHat) / (wn * wHatNorm);
      series.point("t", t);
      series.point("||w_t - w_hat log t||", rn);
      series.point("bound", b);
      series.point("angle(w_t, w_hat) [rad]", Math.acos(Math.max(-1, Math.min(1, cos))));
      series.point("||rho_t - w_tilde||", Vec.dist(rho, wTilde));
      series.point("f(w_t)", f.value(cur));
      return Check.atMost("||w_t - w_hat log t||", t, rn, b, Tolerance.of(wn + wHatNorm * lt + b, 2));
    });
  }

  @Override
  public Map<String, Object> describe(LogisticInstance in) {
    Map<String, Object> m = in.describe();
    m.put("B", bound(in));
    return m;
  }

  @Override
  public List<String> labels(LogisticInstance in, Regime r) {
    List<String> l = new ArrayList<>(2);
    if (in.h() > 1) {
      l.add(ETA_ABOVE_1_OVER_L);
    }
    if (in.data().kind() == MarginData.Kind.SEPARABLE && in.data().z().length > 2) {
      l.add(NON_SUPPORT_POINTS);
    }
    return l;
  }

  @Override
  public List<Property.Coverage> coverage(Regime r) {
    if (r.id().equals("holds")) {
      return List.of(new Property.Coverage(ETA_ABOVE_1_OVER_L, 10), new Property.Coverage(NON_SUPPORT_POINTS, 10));
    }
    return List.of();
  }
}
