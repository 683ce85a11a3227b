package io.optcheck.problem;

/**
 * Hessian-vector products hess f(x) v, exact or by a finite difference of gradients.
 *
 * <p><b>Exact.</b> {@link #exact} calls {@link Objective#hessianVector}: for a
 * {@link FormulaObjective} that is the DerivativeStructure (order 2) Hessian times v, exact up to
 * the rounding of the formula's own operations; hand-written objectives override it with a
 * closed form that the derivative cross-check test compares against their formula.
 *
 * <p><b>Finite difference.</b> {@link #centralDifference} returns
 * (grad f(x + h v) - grad f(x - h v)) / (2h) for a unit-free step h = {@code step} / ||v||.
 * For f with third derivatives bounded by M3 on the segment [x - h v, x + h v] (as a
 * trilinear form, |D^3 f[u, v, v]| &lt;= M3 ||u|| ||v||^2), the error in each direction u is at
 * most the truncation term M3 h^2 ||v||^2 ||v|| / 6 plus the rounding term
 * eps_g / h, where eps_g bounds the absolute error of one computed gradient (about
 * d 2^-52 ||grad f||_1 for the objectives here). {@link #centralDifferenceErrorBound} returns
 * that sum. Across a kink (ReLU, Huber) the bound does not apply: use exact products there.
 *
 * <p>NaN or infinite components of x or v propagate into the result.
 */
public final class HessianVectors {

  private HessianVectors() {
  }

  /** hess f(x) v, exact up to the rounding of the objective's own operations. */
  public static double[] exact(Objective f, double[] x, double[] v) {
    double[] out = new double[f.dimension()];
    f.hessianVector(x, v, out);
    return out;
  }

  /**
   * The central difference of gradients along v, with h = step / ||v|| (so the points are
   * x +- step v/||v||). Returns zeros for v = 0.
   *
   * @param step the length of the difference step, finite and &gt; 0
   */
  public static double[] centralDifference(Objective f, double[] x, double[] v, double step) {
    int d = f.dimension();
    Vectors.requireLength(x, d, "x");
    Vectors.requireLength(v, d, "v");
    if (!(step > 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("step must be finite and > 0, got " + step);
    }
    double nv = 0;
    for (double c : v) {
      nv += c * c;
    }
    nv = Math.sqrt(nv);
    double[] out = new double[d];
    if (nv == 0) {
      return out;
    }
    double h = step / nv;
    double[] p = new double[d];
    double[] m = new double[d];
    for (int i = 0; i < d; i++) {
      p[i] = x[i] + h * v[i];
      m[i] = x[i] - h * v[i];
    }
    double[] gp = f.gradient(p);
    double[] gm = f.gradient(m);
    for (int i = 0; i < d; i++) {
      out[i] = (gp[i] - gm[i]) / (2 * h);
    }
    return out;
  }

  /**
   * The bound on ||centralDifference - hess f(x) v||_inf stated in the class comment:
   * m3 h^2 ||v||^3 / 6 + gradError / h with h = step / ||v||.
   *
   * @param m3 a bound on the third derivative on the segment
   * @param gradError a bound on the absolute error of one computed gradient component
   */
  public static double centralDifferenceErrorBound(double m3, double gradError, double step, double normV) {
    if (normV == 0) {
      return 0;
    }
    double h = step / normV;
    return m3 * h * h * normV * normV * normV / 6 + gradError / h;
  }
}
