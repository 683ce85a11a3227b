package io.optcheck.theory.gd;

import io.optcheck.problem.Objective;
import io.optcheck.problem.Quadratic;
import io.optcheck.prop.Property;
import io.optcheck.theory.Check;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.Vec;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the line-search theorems: rounding scales, vectors, labels. */
final class LineSearchChecks {

  private LineSearchChecks() {
  }

  static double[] minus(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  static double[] along(double[] x, double a, double[] p) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] + a * p[i];
    }
    return y;
  }

  static double[] neg(double[] g) {
    double[] p = new double[g.length];
    for (int i = 0; i < g.length; i++) {
      p[i] = -g[i];
    }
    return p;
  }

  static boolean zero(double[] v) {
    for (double c : v) {
      if (c != 0) {
        return false;
      }
    }
    return true;
  }

  /** A held check with no ratio, for a step at an exactly stationary point. */
  static Check stationary(int t) {
    return Check.atMost("grad f = 0 exactly: nothing to check", t, 0, 0, 0);
  }

  /** The first violated check, else the one with the largest defined ratio, else the first. */
  static Check worstOf(Check... cs) {
    Check best = null;
    for (Check c : cs) {
      if (c == null) {
        continue;
      }
      if (!c.ok()) {
        return c;
      }
      double r = c.ratio();
      if (best == null || (!Double.isNaN(r) && (Double.isNaN(best.ratio()) || r > best.ratio()))) {
        best = c;
      }
    }
    return best;
  }

  /** Tolerance shorthand. */
  static double tol(double scale, int d) {
    return Tolerance.of(scale, d);
  }

  /** Labels for a quadratic: dimension and conditioning (by |eigenvalue|). */
  static List<String> quadraticLabels(Quadratic q) {
    List<String> l = new ArrayList<>(4);
    int d = q.dimension();
    if (d == 1) {
      l.add(QuadraticLabels.DIM_1);
    }
    if (d >= 10) {
      l.add(QuadraticLabels.DIM_GE_10);
    }
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (double e : q.eigenvalues()) {
      max = Math.max(max, Math.abs(e));
      min = Math.min(min, Math.abs(e));
    }
    if (min > 0 && max / min >= 1e3) {
      l.add(QuadraticLabels.KAPPA_GE_1E3);
    }
    if (!q.isDiagonal()) {
      l.add(QuadraticLabels.ROTATED);
    }
    return l;
  }

  static final List<Property.Coverage> COVERAGE = QuadraticLabels.COVERAGE;
}
