package io.optcheck.theory.gd;

import io.optcheck.problem.CenteredHuberSum;
import io.optcheck.problem.Num;
import io.optcheck.problem.Objective;
import io.optcheck.problem.Quadratic;
import io.optcheck.theory.Vec;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient descent with step eta = h/L on a certified objective (a quadratic or a Huber sum),
 * for the rate theorems. Everything the checker needs comes from the instance's certificate:
 * the true L, the curvature range [curvLow, L] of f (curvLow &lt; 0 for a non-convex f), the
 * minimizer nearest x0 and f*, and an exact model for rechecks.
 *
 * @param f the objective
 * @param lTrue L from the certificate (exact, or an upper bound)
 * @param curvLow a lower bound on the curvature of f (mu for strongly convex f, negative when f is
 *     not convex)
 * @param muBase the mu the holds family certifies (for a non-convex Huber sum, its q: the mu the
 *     function would have without its dip)
 * @param muScale the factor by which the mu given to the theorem exceeds muBase (1 unless mu is
 *     overstated); the claimed mu is min(muScale muBase, L)
 * @param x0 the start
 * @param xStar the minimizer nearest x0 (rounded to double)
 * @param fStar f* (rounded to double)
 * @param h eta = h / lTrue
 */
public record RateInstance(Objective f, double lTrue, double curvLow, double muBase, double muScale,
                           double[] x0, double[] xStar, double fStar, double h) {

  /** A quadratic 1/2 x^T H x - b^T x with eigenvalues in [mu, L]. */
  static RateInstance of(Quadratic q, double[] x0, double h, double muScale) {
    double mu = q.certificate().mu().orElseThrow();
    return new RateInstance(q, q.certificate().L().orElseThrow(), mu, mu, muScale, x0,
        q.certificate().xStar().orElseThrow(), q.certificate().fStar().orElseThrow(), h);
  }

  /** A Huber sum; x* is the global minimizer nearest x0. */
  static RateInstance of(CenteredHuberSum f, double[] x0, double h, double muScale) {
    return new RateInstance(f, f.certificate().L().orElseThrow(), f.minCurvature(), f.q(), muScale,
        x0, f.nearestMinimizer(x0), f.certificate().fStar().orElseThrow(), h);
  }

  /** eta = h / L. */
  double eta() {
    return io.optcheck.theory.StepSize.fractionOf(h, lTrue);
  }

  /** The mu given to the theorem: min(muScale muBase, L). */
  double muClaimed() {
    return Math.min(muScale * muBase, lTrue);
  }

  /** R = ||x0 - x*||. */
  double radius() {
    return Vec.dist(x0, xStar);
  }

  int dimension() {
    return x0.length;
  }

  /** The Lipschitz constant of the GD map x -> x - eta grad f(x): max |1 - eta c| over c in [curvLow, L]. */
  double mapLipschitz() {
    double eta = eta();
    return Math.max(Math.abs(1 - eta * curvLow), Math.abs(1 - eta * lTrue));
  }

  /**
   * The sum of the magnitudes of the terms that make up f(x), the rounding scale of evaluating
   * it: |x|^T |H| |x| / 2 + |b^T x| for a quadratic, the sum of |terms| for a Huber sum.
   */
  double valueScale(double[] x) {
    if (f instanceof CenteredHuberSum hs) {
      return hs.valueScale(x);
    }
    Quadratic q = (Quadratic) f;
    double[][] hm = q.h();
    double[] b = q.b();
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double row = 0;
      for (int j = 0; j < x.length; j++) {
        row += Math.abs(hm[i][j] * x[j]);
      }
      s += 0.5 * Math.abs(x[i]) * row + Math.abs(b[i] * x[i]);
    }
    return s;
  }

  /** The exact model of f for rechecks. */
  ExactGd.Model exact() {
    if (f instanceof CenteredHuberSum hs) {
      return new ExactGd.Model() {
        @Override
        public BigDecimal value(BigDecimal[] x) {
          return hs.exactValue(x);
        }

        @Override
        public BigDecimal[] gradient(BigDecimal[] x) {
          return hs.exactGradient(x);
        }

        @Override
        public BigDecimal[] xStar() {
          return hs.exactNearestMinimizer(x0);
        }

        @Override
        public BigDecimal fStar() {
          return hs.exactFStar();
        }
      };
    }
    return ExactGd.quadratic((Quadratic) f);
  }

  String family() {
    return f instanceof CenteredHuberSum ? "centered-huber-sum" : "quadratic";
  }

  /** Fields for a counterexample. */
  Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("family", family());
    m.put("dimension", dimension());
    m.put("objective", f.describe());
    m.put("L", lTrue);
    m.put("smallest curvature", curvLow);
    if (muScale != 1 || f instanceof CenteredHuberSum hs && hs.minCurvature() < 0) {
      m.put("mu used by the theorem", muClaimed());
    }
    m.put("x0", Num.fmt(x0));
    m.put("x*", Num.fmt(xStar));
    m.put("f*", fStar);
    m.put("R", radius());
    m.put("eta", eta());
    m.put("eta L", h);
    return m;
  }
}
