package io.optcheck.theory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tolerance model, written once. Every inequality lhs &lt;= rhs is checked as
 * lhs &lt;= rhs + tol with
 *
 * <pre>tol = C * d * 2^-52 * scale</pre>
 *
 * where d is the dimension, C = {@value #C} (so c = C d &lt;= 16 d, as the design rules require)
 * and scale is the sum of the magnitudes of the quantities the check combines (for the descent
 * lemma |f(x)| + |f(x+)| + eta ||g||^2). A bound of 0 uses the scale of the run (for example
 * |f(x0)|), so it gets an absolute tolerance. A violation whose excess is below
 * {@value #RECHECK_FACTOR} tolerances is recomputed in exact arithmetic before it is reported.
 */
public final class Tolerance {

  private Tolerance() {
  }

  /** The constant C in tol = C d 2^-52 scale. */
  public static final double C = 8;

  /** Violations smaller than this many tolerances are rechecked exactly. */
  public static final double RECHECK_FACTOR = 1e6;

  /** The tolerance for quantities of total magnitude {@code scale} in dimension {@code d}. */
  public static double of(double scale, int d) {
    return C * Math.max(1, d) * 0x1p-52 * Math.abs(scale);
  }

  /** The model, as quoted in every report. */
  public static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("formula", "tol = C * d * 2^-52 * scale");
    m.put("C", C);
    m.put("scale", "sum of the magnitudes of the quantities each check combines");
    m.put("zeroBound", "a bound of 0 uses the scale of the run (absolute tolerance)");
    m.put("recheck", "violations below " + (long) RECHECK_FACTOR
        + " tolerances are recomputed in exact rational arithmetic (BigDecimal) before they count");
    m.put("ratios", "observed/bound, oriented so that > 1 is a violation; steps t >= 1 only");
    return m;
  }
}
