package io.optcheck.theory;

/** Small vector helpers for checkers, safe against underflow and overflow. */
public final class Vec {

  private Vec() {
  }

  /** Euclidean norm, scaled so that squares neither underflow nor overflow. NaN in, NaN out. */
  public static double norm(double[] v) {
    double m = 0;
    for (double c : v) {
      if (Double.isNaN(c)) {
        return Double.NaN;
      }
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
  public static double dist(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return norm(d);
  }

  /** ||v||^2 (may underflow for tiny v; use {@link #norm} where that matters). */
  public static double normSq(double[] v) {
    double s = 0;
    for (double c : v) {
      s += c * c;
    }
    return s;
  }

  /** a^T b. */
  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
