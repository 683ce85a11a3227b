package io.optcheck.problem;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Exact rational evaluation of a quadratic at double points, for rechecking a marginal
 * violation: every double is a finite binary fraction, so BigDecimal sums and products of them
 * are exact.
 */
public final class ExactQuadratic {

    private ExactQuadratic() {}

    /** f(x) = 1/2 x^T H x - b^T x, exactly. */
    public static BigDecimal value(Quadratic q, double[] x) {
        double[][] h = q.h();
        double[] b = q.b();
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            BigDecimal xi = new BigDecimal(x[i]);
            BigDecimal row = BigDecimal.ZERO;
            for (int j = 0; j < x.length; j++) {
                if (h[i][j] != 0) {
                    row = row.add(new BigDecimal(h[i][j]).multiply(new BigDecimal(x[j])));
                }
            }
            s = s.add(xi.multiply(row));
        }
        s = s.divide(BigDecimal.valueOf(2));
        for (int i = 0; i < x.length; i++) {
            s = s.subtract(new BigDecimal(b[i]).multiply(new BigDecimal(x[i])));
        }
        return s;
    }

    /**
     * f(x) = 1/2 x^T H x - b^T x at a decimal point (for example a point of a segment that is not
     * a double), to {@link HighPrecision#MC}.
     */
    public static BigDecimal value(Quadratic q, BigDecimal[] x) {
        double[][] h = q.h();
        double[] b = q.b();
        MathContext mc = HighPrecision.MC;
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            BigDecimal row = BigDecimal.ZERO;
            for (int j = 0; j < x.length; j++) {
                if (h[i][j] != 0) {
                    row = row.add(new BigDecimal(h[i][j]).multiply(x[j], mc), mc);
                }
            }
            s = s.add(x[i].multiply(row, mc), mc);
        }
        s = s.divide(BigDecimal.valueOf(2));
        for (int i = 0; i < x.length; i++) {
            s = s.subtract(new BigDecimal(b[i]).multiply(x[i], mc), mc);
        }
        return s;
    }

    /** grad f(x) = H x - b, exactly. */
    public static BigDecimal[] gradient(Quadratic q, double[] x) {
        double[][] h = q.h();
        double[] b = q.b();
        BigDecimal[] g = new BigDecimal[x.length];
        for (int i = 0; i < x.length; i++) {
            BigDecimal row = new BigDecimal(b[i]).negate();
            for (int j = 0; j < x.length; j++) {
                if (h[i][j] != 0) {
                    row = row.add(new BigDecimal(h[i][j]).multiply(new BigDecimal(x[j])));
                }
            }
            g[i] = row;
        }
        return g;
    }

    /** ||v||^2, exactly. */
    public static BigDecimal normSquared(BigDecimal[] v) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal c : v) {
            s = s.add(c.multiply(c));
        }
        return s;
    }

    /** A context wide enough for the rare divisions a recheck needs. */
    public static final MathContext WIDE = new MathContext(200);
}
