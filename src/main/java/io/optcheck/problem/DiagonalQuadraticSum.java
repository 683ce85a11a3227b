package io.optcheck.problem;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * A finite sum of diagonal quadratics f(x) = (1/n) sum_i f_i(x),
 * f_i(x) = (1/2) sum_j h_ij (x_j - c_ij)^2, with grad f_i(x)_j = h_ij (x_j - c_ij). The component
 * curvatures h_ij are given, so every constant is exact by construction: f_i is L_i-smooth with
 * L_i = max_j |h_ij| and mu_i-strongly convex with mu_i = min_j h_ij (convex iff mu_i &gt;= 0);
 * the average has curvatures hbar_j = (1/n) sum_i h_ij (rounded). Diagonal so that "L = lambda_max"
 * is exact (DESIGN.md, "Exact where it matters"). The problem is separable, which is what lets
 * moment propagation run coordinate by coordinate.
 *
 * <p>Wrong lengths or an index outside [0, n) throw {@link IllegalArgumentException}; NaN and
 * infinite inputs propagate per IEEE 754.
 */
public final class DiagonalQuadraticSum implements CertifiedSum, HasFormula {

    private final double[][] h;
    private final double[][] c;
    private final int n;
    private final int d;

    /** Copies the curvatures h[i][j] and centers c[i][j] (n &gt;= 1 rows of one length d &gt;= 1). */
    public DiagonalQuadraticSum(double[][] curvatures, double[][] centers) {
        if (curvatures.length == 0 || curvatures.length != centers.length || curvatures[0].length == 0) {
            throw new IllegalArgumentException("need n >= 1 curvature and center rows of length d >= 1");
        }
        n = curvatures.length;
        d = curvatures[0].length;
        h = new double[n][];
        c = new double[n][];
        for (int i = 0; i < n; i++) {
            Vectors.requireLength(curvatures[i], d, "curvatures " + i);
            Vectors.requireLength(centers[i], d, "centers " + i);
            h[i] = curvatures[i].clone();
            c[i] = centers[i].clone();
        }
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public int dimension() {
        return d;
    }

    /** h_ij. */
    public double curvature(int i, int j) {
        return h[requireExample(i)][j];
    }

    /** c_ij. */
    public double center(int i, int j) {
        return c[requireExample(i)][j];
    }

    @Override
    public double exampleValue(int i, double[] x) {
        requireExampleArgs(i, x);
        double s = 0;
        for (int j = 0; j < d; j++) {
            double r = x[j] - c[i][j];
            s += 0.5 * h[i][j] * r * r;
        }
        return s;
    }

    @Override
    public void exampleGradient(int i, double[] x, double[] out) {
        requireExampleArgs(i, x, out);
        for (int j = 0; j < d; j++) {
            out[j] = h[i][j] * (x[j] - c[i][j]);
        }
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Vectors.requireLength(x, d, "x");
        Vectors.requireLength(out, d, "out");
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += h[i][j] * (x[j] - c[i][j]);
            }
            out[j] = s / n;
        }
    }

    @Override
    public double[][] hessian(double[] x) {
        Vectors.requireLength(x, d, "x");
        double[][] m = new double[d][d];
        for (int j = 0; j < d; j++) {
            m[j][j] = averageCurvature(j);
        }
        return m;
    }

    /** hbar_j = (1/n) sum_i h_ij (rounded once: the sum is exact in BigDecimal). */
    public double averageCurvature(int j) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            s = s.add(new BigDecimal(h[i][j]));
        }
        return s.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
    }

    /**
     * The largest double that is at most min_j hbar_j exactly: a certified strong-convexity
     * constant of the average f (0 or negative when f is not strongly convex).
     */
    public double averageMuLowerBound() {
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < d; j++) {
            BigDecimal s = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                s = s.add(new BigDecimal(h[i][j]));
            }
            BigDecimal exact = s.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
            double v = exact.doubleValue();
            if (new BigDecimal(v).compareTo(exact) > 0) {
                v = Math.nextDown(v);
            }
            best = Math.min(best, v);
        }
        return best;
    }

    /** min_j h_ij: f_i is mu_i-strongly convex with this mu_i (exact). */
    public double componentMu(int i) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : h[requireExample(i)]) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** max_j |h_ij|: f_i is L_i-smooth with this L_i (exact). */
    public double componentL(int i) {
        double m = 0;
        for (double v : h[requireExample(i)]) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /**
     * The minimizer x*_j = sum_i h_ij c_ij / sum_i h_ij (rounded; needs every hbar_j &gt; 0, else
     * NaN or infinite components).
     */
    public double[] minimizer() {
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
            BigDecimal num = BigDecimal.ZERO;
            BigDecimal den = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                num = num.add(new BigDecimal(h[i][j]).multiply(new BigDecimal(c[i][j])));
                den = den.add(new BigDecimal(h[i][j]));
            }
            x[j] = den.signum() == 0
                    ? Double.NaN
                    : num.divide(den, MathContext.DECIMAL128).doubleValue();
        }
        return x;
    }

    /**
     * The Bregman divergence of f_i between p and q: f_i(p) - f_i(q) - grad f_i(q)^T (p - q)
     * = (1/2) sum_j h_ij (p_j - q_j)^2, exact for a quadratic (and computed without cancellation).
     */
    public double bregman(int i, double[] p, double[] q) {
        requireExample(i);
        double s = 0;
        for (int j = 0; j < d; j++) {
            double r = p[j] - q[j];
            s += 0.5 * h[i][j] * r * r;
        }
        return s;
    }

    /** f(x) - f(x*) = (1/2) sum_j hbar_j (x_j - x*_j)^2, without cancellation. */
    public double gap(double[] x, double[] xStar) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double r = x[j] - xStar[j];
            s += 0.5 * averageCurvature(j) * r * r;
        }
        return s;
    }

    /** Exact per-component constants, the average's L and mu (rounded), x* (rounded). */
    public Certificate certificate() {
        double l = 0;
        boolean componentsConvex = true;
        for (int i = 0; i < n; i++) {
            l = Math.max(l, componentL(i));
            componentsConvex &= componentMu(i) >= 0;
        }
        double mu = averageMuLowerBound();
        Certificate cert = Certificate.none()
                .withL(l, Exactness.EXACT, "max_i,j |h_ij|: every component (and the average) is L-smooth")
                .withConvex(mu >= 0, componentsConvex ? "every component convex" : "some component nonconvex");
        if (mu > 0) {
            cert = cert.withMu(mu, Exactness.ROUNDED, "min_j (1/n) sum_i h_ij, rounded down")
                    .withXStar(minimizer(), Exactness.ROUNDED, "x*_j = sum_i h_ij c_ij / sum_i h_ij");
        }
        return cert;
    }

    @Override
    public Formula formula() {
        return v -> {
            DerivativeStructure s = v[0].multiply(0);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    DerivativeStructure r = v[j].subtract(c[i][j]);
                    s = s.add(r.multiply(r).multiply(0.5 * h[i][j]));
                }
            }
            return s.divide(n);
        };
    }

    @Override
    public String describe() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add("f_" + (i + 1) + ": h = " + Num.fmt(h[i]) + ", c = " + Num.fmt(c[i]));
        }
        return "(1/" + n + ") sum_i 1/2 sum_j h_ij (x_j - c_ij)^2; " + String.join("; ", rows);
    }
}
