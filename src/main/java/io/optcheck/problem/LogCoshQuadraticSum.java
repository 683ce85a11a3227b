package io.optcheck.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * A finite sum of separable NON-quadratic strongly convex components
 * f_i(x) = sum_j [(m_ij/2)(x_j - c_ij)^2 + s_ij log cosh(x_j - b_ij)], m_ij &gt; 0, s_ij &gt;= 0.
 * The Hessian is diagonal with entries m_ij + s_ij sech^2(x_j - b_ij) in (m_ij, m_ij + s_ij], so
 * f_i is mu_i-strongly convex with mu_i = min_j m_ij (exact) and L_i-smooth with
 * L_i = max_j (m_ij + s_ij) (rounded up). log cosh z is evaluated as
 * |z| + log1p(exp(-2|z|)) - log 2 (no overflow). x* is found coordinate by coordinate by bisection
 * on the strictly increasing derivative, to the last representable interval (rounded).
 *
 * <p>Wrong lengths or an index outside [0, n) throw {@link IllegalArgumentException}; NaN and
 * infinite inputs propagate per IEEE 754.
 */
public final class LogCoshQuadraticSum implements CertifiedSum, HasFormula {

    private final double[][] m;
    private final double[][] s;
    private final double[][] c;
    private final double[][] b;
    private final int n;
    private final int d;

    /** Copies m (&gt; 0), s (&gt;= 0), centers c and offsets b: n &gt;= 1 rows of one length d &gt;= 1. */
    public LogCoshQuadraticSum(double[][] m, double[][] s, double[][] c, double[][] b) {
        if (m.length == 0 || s.length != m.length || c.length != m.length || b.length != m.length || m[0].length == 0) {
            throw new IllegalArgumentException("need n >= 1 rows of m, s, c, b of one length d >= 1");
        }
        n = m.length;
        d = m[0].length;
        this.m = copy(m, "m");
        this.s = copy(s, "s");
        this.c = copy(c, "c");
        this.b = copy(b, "b");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                if (!(this.m[i][j] > 0) || !(this.s[i][j] >= 0)) {
                    throw new IllegalArgumentException(
                            "need m > 0 and s >= 0, got m = " + this.m[i][j] + ", s = " + this.s[i][j]);
                }
            }
        }
    }

    private double[][] copy(double[][] a, String name) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            Vectors.requireLength(a[i], d, name + " " + i);
            r[i] = a[i].clone();
        }
        return r;
    }

    /** m_ij, the quadratic weight (for the high-precision recheck). */
    public double quadraticWeight(int i, int j) {
        return m[i][j];
    }

    /** s_ij, the log cosh weight. */
    public double logCoshWeight(int i, int j) {
        return s[i][j];
    }

    /** c_ij, the quadratic's center. */
    public double center(int i, int j) {
        return c[i][j];
    }

    /** b_ij, the log cosh offset. */
    public double offset(int i, int j) {
        return b[i][j];
    }

    static double logCosh(double z) {
        double a = Math.abs(z);
        return a + Math.log1p(Math.exp(-2 * a)) - Math.log(2);
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double exampleValue(int i, double[] x) {
        requireExampleArgs(i, x);
        double v = 0;
        for (int j = 0; j < d; j++) {
            double r = x[j] - c[i][j];
            v += 0.5 * m[i][j] * r * r + s[i][j] * logCosh(x[j] - b[i][j]);
        }
        return v;
    }

    @Override
    public void exampleGradient(int i, double[] x, double[] out) {
        requireExampleArgs(i, x, out);
        for (int j = 0; j < d; j++) {
            out[j] = m[i][j] * (x[j] - c[i][j]) + s[i][j] * Math.tanh(x[j] - b[i][j]);
        }
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Vectors.requireLength(out, d, "out");
        double[] g = new double[d];
        Arrays.fill(out, 0);
        for (int i = 0; i < n; i++) {
            exampleGradient(i, x, g);
            for (int j = 0; j < d; j++) {
                out[j] += g[j];
            }
        }
        for (int j = 0; j < d; j++) {
            out[j] /= n;
        }
    }

    @Override
    public double[][] hessian(double[] x) {
        Vectors.requireLength(x, d, "x");
        double[][] h = new double[d][d];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                double t = Math.tanh(x[j] - b[i][j]);
                h[j][j] += m[i][j] + s[i][j] * (1 - t * t);
            }
            h[j][j] /= n;
        }
        return h;
    }

    @Override
    public double componentMu(int i) {
        double v = Double.POSITIVE_INFINITY;
        for (double x : m[requireExample(i)]) {
            v = Math.min(v, x);
        }
        return v;
    }

    @Override
    public double componentL(int i) {
        double v = 0;
        for (int j = 0; j < d; j++) {
            v = Math.max(v, Math.nextUp(m[requireExample(i)][j] + s[i][j]));
        }
        return v;
    }

    /** x*_j: the root of the strictly increasing sum_i [m_ij (x - c_ij) + s_ij tanh(x - b_ij)], by bisection. */
    @Override
    public double[] minimizer() {
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double sSum = 0;
            double mMin = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                lo = Math.min(lo, c[i][j]);
                hi = Math.max(hi, c[i][j]);
                sSum += s[i][j];
                mMin = Math.min(mMin, m[i][j]);
            }
            // |tanh| <= 1 moves the root at most sum s / (n min m) beyond the centers' range
            lo -= sSum / mMin + 1;
            hi += sSum / mMin + 1;
            for (int it = 0; it < 2000; it++) {
                double mid = 0.5 * (lo + hi);
                if (mid <= lo || mid >= hi) {
                    break;
                }
                if (derivative(j, mid) > 0) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            x[j] = Math.abs(derivative(j, lo)) <= Math.abs(derivative(j, hi)) ? lo : hi;
        }
        return x;
    }

    private double derivative(int j, double x) {
        double g = 0;
        for (int i = 0; i < n; i++) {
            g += m[i][j] * (x - c[i][j]) + s[i][j] * Math.tanh(x - b[i][j]);
        }
        return g;
    }

    @Override
    public double bregman(int i, double[] p, double[] q) {
        double[] g = new double[d];
        exampleGradient(i, q, g);
        double lin = 0;
        for (int j = 0; j < d; j++) {
            lin += g[j] * (p[j] - q[j]);
        }
        return exampleValue(i, p) - exampleValue(i, q) - lin;
    }

    @Override
    public Formula formula() {
        return v -> {
            DerivativeStructure sum = v[0].multiply(0);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    DerivativeStructure r = v[j].subtract(c[i][j]);
                    sum = sum.add(r.multiply(r).multiply(0.5 * m[i][j]))
                            .add(v[j].subtract(b[i][j]).cosh().log().multiply(s[i][j]));
                }
            }
            return sum.divide(n);
        };
    }

    @Override
    public String describe() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add("f_" + (i + 1) + ": m = " + Num.fmt(m[i]) + ", c = " + Num.fmt(c[i]) + ", s = " + Num.fmt(s[i])
                    + ", b = " + Num.fmt(b[i]));
        }
        return "(1/" + n + ") sum_i sum_j [m_ij/2 (x_j - c_ij)^2 + s_ij log cosh(x_j - b_ij)]; "
                + String.join("; ", rows);
    }
}
