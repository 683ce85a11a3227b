package io.optcheck.theory;

import java.math.BigDecimal;

/** Step sizes given as a fraction of 1/L, rounded so that the assumption they encode holds exactly. */
public final class StepSize {

  private StepSize() {
  }

  /**
   * eta = h / L, rounded down where needed so that eta L &lt;= h holds in exact arithmetic. The
   * division alone may round eta up, and an instance meant to have eta = 1/L would then violate
   * eta &lt;= 1/L by an ulp (an exact recheck in a full run found such a case). NaN or
   * non-positive inputs give the plain quotient.
   */
  public static double fractionOf(double h, double l) {
    double eta = h / l;
    if (!(h > 0) || !(l > 0) || !Double.isFinite(eta) || eta == 0) {
      return eta;
    }
    BigDecimal bh = new BigDecimal(h);
    BigDecimal bl = new BigDecimal(l);
    while (new BigDecimal(eta).multiply(bl).compareTo(bh) > 0) {
      eta = Math.nextDown(eta);
    }
    return eta;
  }
}
