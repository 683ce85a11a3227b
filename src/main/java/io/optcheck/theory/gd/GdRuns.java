package io.optcheck.theory.gd;

import io.optcheck.method.GradientDescent;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs gradient descent on a quadratic instance and checks a per-step conclusion at every step
 * t &gt;= 1, stopping at the first violation (before a diverging run overflows). The checker sees
 * only the iterates; it recomputes f and grad f itself.
 */
final class GdRuns {

  private GdRuns() {
  }

  /** A conclusion checked on the step from x_{t-1} to x_t; adds its curve points to the series. */
  interface StepCheck {
    Check check(int t, double[] previous, double[] current, Map<String, List<Double>> series);
  }

  /**
   * Below this gradient norm (2^-970, i.e. 2^52 above the smallest normal double) a computed
   * gradient has lost its relative precision to underflow, so no inequality about the step can
   * be read; the run ends there, as converged to the floating-point floor.
   */
  static final double GRADIENT_FLOOR = 0x1p-970;

  static Evaluation run(GdInstance in, int steps, StepCheck check) {
    Evaluation.Builder b = new Evaluation.Builder();
    Map<String, List<Double>> series = new LinkedHashMap<>();
    Trajectory tr = Runner.run(new GradientDescent(in.eta()), new ExactOracle(in.q()), in.x0(), steps,
        (t, prev, cur) -> {
          double[] g = in.q().gradient(prev);
          if (norm(g) < GRADIENT_FLOOR && norm(g) > 0) {
            return true;
          }
          return b.add(check.check(t, prev, cur, series));
        });
    Evaluation.Ending ending = switch (tr.status()) {
      case REFUSED -> Evaluation.Ending.REFUSED;
      case ERROR -> Evaluation.Ending.ERROR;
      default -> Evaluation.Ending.COMPLETED;
    };
    String message = null;
    int step = -1;
    if (tr.ending() instanceof Trajectory.Refused r) {
      message = r.reason();
      step = r.step();
    } else if (tr.ending() instanceof Trajectory.Failed f) {
      message = f.message();
      step = f.step();
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    series.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
    return b.build(ending, message, step, out);
  }

  static void point(Map<String, List<Double>> series, String name, double v) {
    series.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
  }

  /** Euclidean norm, scaled so that squares neither underflow nor overflow. */
  static double norm(double[] v) {
    double m = 0;
    for (double c : v) {
      m = Math.max(m, Math.abs(c));
    }
    if (m == 0 || !Double.isFinite(m)) {
      return m;
    }
    double s = 0;
    for (double c : v) {
      double r = c / m;
      s += r * r;
    }
    return m * Math.sqrt(s);
  }

  /** ||a - b||, without underflow. */
  static double dist(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return norm(d);
  }

  static double normSq(double[] v) {
    double s = 0;
    for (double c : v) {
      s += c * c;
    }
    return s;
  }
}
