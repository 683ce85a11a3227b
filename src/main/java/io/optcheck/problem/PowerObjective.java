package io.optcheck.problem;


/**
 * f(x) = |x|^p + (mu/2) x^2 in one dimension, p &gt; 2, mu &gt;= 0. With mu = 0 it is the
 * degenerate function |x|^p: its minimum 0 has zero curvature, so f is neither strongly convex
 * nor PL, and gradient descent converges only sublinearly (THEOREMS.md, land.degenerate-plateau).
 * grad f = p |x|^(p-1) sign(x) + mu x; hess f = p (p-1) |x|^(p-2) + mu.
 *
 * <p>f is not globally L-smooth. On the region |x| &lt;= r the Hessian is at most
 * p (p-1) r^(p-2) + mu: that is the L of the certificate (ROUNDED: StrictMath.pow), recorded for
 * the region given to the constructor. The region is invariant under GD with eta &lt;= 1/L: the
 * step multiplies x by 1 - eta (p |x|^(p-2) + mu), which lies in [0, 1) for |x| &lt;= r.
 * Certificate: mu EXACT, x* = 0 and f* = 0 EXACT, convex.
 *
 * <p>StrictMath is used so that runs replay bit for bit across machines. NaN/infinite
 * arguments propagate; wrong lengths throw {@link IllegalArgumentException}.
 */
public final class PowerObjective implements Objective, HasFormula {
  private final double p;
  private final double mu;
  private final double r;
  private final Certificate certificate;

  /**
   * @param p the power, finite and &gt; 2
   * @param mu the added strong convexity, finite and &gt;= 0
   * @param region r &gt; 0: L is certified on |x| &lt;= r
   */
  public PowerObjective(double p, double mu, double region) {
    if (!(p > 2) || !Double.isFinite(p) || !(mu >= 0) || !Double.isFinite(mu) || !(region > 0)
        || !Double.isFinite(region)) {
      throw new IllegalArgumentException("need p > 2, mu >= 0, region > 0 (finite), got p = " + p
          + ", mu = " + mu + ", region = " + region);
    }
    this.p = p;
    this.mu = mu;
    this.r = region;
    this.certificate = Certificate.none().withConvex(true)
        .withL(p * (p - 1) * StrictMath.pow(region, p - 2) + mu, Exactness.ROUNDED,
            "on |x| <= " + Num.fmt(region) + ": p (p-1) r^(p-2) + mu")
        .withMu(mu, Exactness.EXACT, mu == 0 ? "zero curvature at the minimum" : "added (mu/2) x^2")
        .withXStar(new double[] {0}, Exactness.EXACT)
        .withFStar(0, Exactness.EXACT)
        .withFLow(0, Exactness.EXACT);
  }

  public double p() {
    return p;
  }

  public double mu() {
    return mu;
  }

  public double region() {
    return r;
  }

  public Certificate certificate() {
    return certificate;
  }

  /** This objective as a problem of family "power". */
  public Problem problem() {
    return new Problem("power", this, certificate);
  }

  @Override
  public int dimension() {
    return 1;
  }

  @Override
  public double value(double[] x) {
    Vectors.requireLength(x, 1, "x");
    double u = Math.abs(x[0]);
    return StrictMath.pow(u, p) + 0.5 * mu * x[0] * x[0];
  }

  @Override
  public void gradient(double[] x, double[] out) {
    Vectors.requireLength(x, 1, "x");
    Vectors.requireLength(out, 1, "out");
    double u = Math.abs(x[0]);
    out[0] = Math.signum(x[0]) * p * StrictMath.pow(u, p - 1) + mu * x[0];
  }

  @Override
  public double[][] hessian(double[] x) {
    Vectors.requireLength(x, 1, "x");
    return new double[][] {{p * (p - 1) * StrictMath.pow(Math.abs(x[0]), p - 2) + mu}};
  }

  @Override
  public Formula formula() {
    final double pp = p;
    final double mm = mu;
    return v -> v[0].abs().pow(pp).add(v[0].multiply(v[0]).multiply(0.5 * mm));
  }

  @Override
  public String describe() {
    return "|x|^" + Num.fmt(p) + (mu == 0 ? "" : " + (" + Num.fmt(mu) + "/2) x^2");
  }

  @Override
  public String toString() {
    return describe();
  }
}
