package io.optcheck.method.exact;

import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.Quadratic;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Gradient descent in exact (or 300-digit) decimal arithmetic, for rechecking a marginal
 * violation of a t-step bound: the theorem is a statement about the real-number trajectory from
 * x0, so the recheck recomputes that trajectory rather than the floating-point one.
 */
public final class ExactGd {

    private ExactGd() {}

    /** Working precision of the recheck; rounding at 1e-300 cannot decide a 1e-16 question. */
    public static final MathContext MC = HighPrecision.MC;

    /** How a recheck on the real-number GD trajectory evaluates, for the report. */
    public static final String TRAJECTORY = HighPrecision.DECIMAL + " on the real-number trajectory";

    /** How a recheck of a one-step statement evaluates, for the report. */
    public static final String STEP = HighPrecision.DECIMAL + " on the real-number step from the recorded x_t-1";

    /** An objective evaluated in decimal arithmetic. */
    public interface Model {
        BigDecimal value(BigDecimal[] x);

        BigDecimal[] gradient(BigDecimal[] x);

        /** The minimizer the check measures distances to. */
        BigDecimal[] xStar();

        BigDecimal fStar();
    }

    /** x_t of GD with step eta from x0, in 300-digit arithmetic. */
    public static BigDecimal[] iterate(Model m, double[] x0, double eta, int t) {
        BigDecimal e = new BigDecimal(eta);
        BigDecimal[] x = HighPrecision.big(x0);
        for (int s = 0; s < t; s++) {
            BigDecimal[] g = m.gradient(x);
            for (int i = 0; i < x.length; i++) {
                x[i] = x[i].subtract(e.multiply(g[i]), MC);
            }
        }
        return x;
    }

    /** The exact model of a quadratic (H and b as stored); its minimizer is the certificate's x*. */
    public static Model quadratic(Quadratic q) {
        double[][] h = q.h();
        double[] b = q.b();
        double[] xs = q.certificate().xStar().orElseThrow();
        return new Model() {
            @Override
            public BigDecimal value(BigDecimal[] x) {
                BigDecimal s = BigDecimal.ZERO;
                for (int i = 0; i < x.length; i++) {
                    BigDecimal row = BigDecimal.ZERO;
                    for (int j = 0; j < x.length; j++) {
                        if (h[i][j] != 0) {
                            row = row.add(new BigDecimal(h[i][j]).multiply(x[j]), MC);
                        }
                    }
                    s = s.add(x[i].multiply(row).multiply(new BigDecimal("0.5")), MC)
                            .subtract(new BigDecimal(b[i]).multiply(x[i]), MC);
                }
                return s;
            }

            @Override
            public BigDecimal[] gradient(BigDecimal[] x) {
                BigDecimal[] g = new BigDecimal[x.length];
                for (int i = 0; i < x.length; i++) {
                    BigDecimal row = new BigDecimal(b[i]).negate();
                    for (int j = 0; j < x.length; j++) {
                        if (h[i][j] != 0) {
                            row = row.add(new BigDecimal(h[i][j]).multiply(x[j]), MC);
                        }
                    }
                    g[i] = row;
                }
                return g;
            }

            @Override
            public BigDecimal[] xStar() {
                // Exact only where grad f(x*) = 0 exactly; the families used here have b = 0, x* = 0.
                return HighPrecision.big(xs);
            }

            @Override
            public BigDecimal fStar() {
                return value(HighPrecision.big(xs));
            }
        };
    }
}
