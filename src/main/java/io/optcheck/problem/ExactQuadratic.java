package io.optcheck.problem;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

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

    /**
     * f(x) = 1/2 x^T H x - b^T x at a decimal point (an iterate of a real-number run, or a point of
     * a segment that is not a double), to {@link HighPrecision#MC}.
     */
    public static BigDecimal value(Quadratic q, BigDecimal[] x) {
        BigDecimal[] hx = product(q, x);
        BigDecimal s = BigDecimal.ZERO;
        double[] b = q.b();
        for (int i = 0; i < x.length; i++) {
            s = s.add(x[i].multiply(hx[i]).divide(BigDecimal.valueOf(2)), HighPrecision.MC)
                    .subtract(new BigDecimal(b[i]).multiply(x[i]), HighPrecision.MC);
        }
        return s;
    }

    /** grad f(x) = H x - b at a decimal point, to {@link HighPrecision#MC}. */
    public static BigDecimal[] gradient(Quadratic q, BigDecimal[] x) {
        BigDecimal[] g = product(q, x);
        double[] b = q.b();
        for (int i = 0; i < x.length; i++) {
            g[i] = g[i].subtract(new BigDecimal(b[i]), HighPrecision.MC);
        }
        return g;
    }

    private static BigDecimal[] product(Quadratic q, BigDecimal[] x) {
        double[][] h = q.h();
        BigDecimal[] out = new BigDecimal[x.length];
        for (int i = 0; i < x.length; i++) {
            BigDecimal row = BigDecimal.ZERO;
            for (int j = 0; j < x.length; j++) {
                if (h[i][j] != 0) {
                    row = row.add(new BigDecimal(h[i][j]).multiply(x[j]), HighPrecision.MC);
                }
            }
            out[i] = row;
        }
        return out;
    }

    /**
     * The gradient flow x' = -grad f(x) from {@code x} for time {@code time}: x* + e^{-time H}
     * (x - x*), with e^{-time H} v summed as its Taylor series at a precision widened by the digits
     * its largest term needs (cancellation), to {@link HighPrecision#MC}. Empty when ||time H||
     * (max row sum) exceeds 2000, where the series would need more than 1,200 digits.
     */
    public static Optional<BigDecimal[]> flow(Quadratic q, BigDecimal[] x, BigDecimal[] xStar, double time) {
        double[][] h = q.h();
        double norm = 0;
        for (double[] row : h) {
            double r = 0;
            for (double v : row) {
                r += Math.abs(v);
            }
            norm = Math.max(norm, r * time);
        }
        if (!(norm <= 2000)) {
            return Optional.empty();
        }
        MathContext mc = new MathContext(HighPrecision.MC.getPrecision() + 20 + (int) Math.ceil(norm * 0.4343));
        int d = x.length;
        BigDecimal t = new BigDecimal(time);
        BigDecimal[] term = new BigDecimal[d];
        BigDecimal[] sum = new BigDecimal[d];
        for (int i = 0; i < d; i++) {
            term[i] = x[i].subtract(xStar[i]);
            sum[i] = term[i];
        }
        // Terms shrink once k exceeds the norm; stop when a term is below 10^-(precision) of the start.
        BigDecimal start = HighPrecision.sqrt(HighPrecision.normSq(term)).add(BigDecimal.ONE.movePointLeft(600));
        BigDecimal eps = start.movePointLeft(mc.getPrecision());
        for (int k = 1; ; k++) {
            BigDecimal[] next = new BigDecimal[d];
            BigDecimal size = BigDecimal.ZERO;
            for (int i = 0; i < d; i++) {
                BigDecimal row = BigDecimal.ZERO;
                for (int j = 0; j < d; j++) {
                    if (h[i][j] != 0) {
                        row = row.add(new BigDecimal(h[i][j]).multiply(term[j]), mc);
                    }
                }
                next[i] = row.multiply(t).negate().divide(BigDecimal.valueOf(k), mc);
                size = size.max(next[i].abs());
                sum[i] = sum[i].add(next[i], mc);
            }
            term = next;
            if (k > norm && size.compareTo(eps) <= 0) {
                break;
            }
        }
        BigDecimal[] out = new BigDecimal[d];
        for (int i = 0; i < d; i++) {
            out[i] = xStar[i].add(sum[i]).round(HighPrecision.MC);
        }
        return Optional.of(out);
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
