package io.optcheck.problem;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * A finite sum of rotated quadratics f(x) = (1/n) sum_i f_i(x), f_i(x) = (1/2) (x - c_i)^T H_i
 * (x - c_i) with H_i = Q_i diag(l_i) Q_i^T: components with their own eigenvalues AND their own
 * eigenvectors, so the H_i do not commute and a stale SVRG snapshot or SAGA table is not a constant
 * shift of the exact gradient in any basis.
 *
 * <p>Certificates. The eigenvalues are built in, but H_i is rounded: each entry is a sum of d
 * products, off by at most d 2^-53 max_j l_ij (sum_k |q_ak q_bk| &lt;= 1), so the rounded H_i's
 * eigenvalues move by at most d^2 2^-53 max_j l_ij (plus the orthogonality error of Q_i, about
 * d 2^-52). So H_i is built from l_i (1 - 2^-30) and the certified constants carry that margin:
 * L_i = max_j l_ij (the rounded H_i's eigenvalues stay below it) and mu_i = min_j l_ij (1 - 2^-29)
 * (they stay above it as long as d^2 2^-23 &lt;= min_j l_ij / max_j l_ij, which the constructor
 * requires of every component with min_j l_ij &gt; 0: at d = 10 a condition number up to 8e4). The average's
 * strong convexity is not given by the l_ij (the H_i do not commute): {@link #averageMuLowerBound}
 * is the smallest eigenvalue of H_bar computed by Hipparchus, lowered by d ||H_bar||_F 2^-48. x* is
 * the solution of H_bar x = (1/n) sum_i H_i c_i by LU (rounded; a checker that needs it exactly
 * uses ||grad f(x*)|| / mu as its uncertainty).
 *
 * <p>Wrong lengths or an index outside [0, n) throw {@link IllegalArgumentException}; NaN and
 * infinite inputs propagate per IEEE 754.
 */
public final class RotatedQuadraticSum implements CertifiedSum {

    private final double[][][] h;
    private final double[][] c;
    private final double[][] l;
    private final int n;
    private final int d;
    private final double[] xStar;

    /**
     * Builds H_i = Q_i diag(l_i (1 - 2^-30)) Q_i^T.
     *
     * @param eigenvalues l[i][j] &gt;= 0, n rows of length d (1 &lt;= d &lt;= 64)
     * @param rotations Q_i, n orthogonal d x d matrices
     * @param centers c_i, n rows of length d
     */
    public RotatedQuadraticSum(double[][] eigenvalues, double[][][] rotations, double[][] centers) {
        n = eigenvalues.length;
        if (n == 0 || rotations.length != n || centers.length != n) {
            throw new IllegalArgumentException("need n >= 1 eigenvalue rows, rotations and centers");
        }
        d = eigenvalues[0].length;
        if (d < 1 || d > 64) {
            throw new IllegalArgumentException("need 1 <= d <= 64, got " + d);
        }
        h = new double[n][d][d];
        c = new double[n][];
        l = new double[n][];
        for (int i = 0; i < n; i++) {
            Vectors.requireLength(eigenvalues[i], d, "eigenvalues " + i);
            Vectors.requireLength(centers[i], d, "centers " + i);
            l[i] = eigenvalues[i].clone();
            c[i] = centers[i].clone();
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (double v : l[i]) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException(
                            "eigenvalue of component " + i + " is " + v + "; need finite >= 0");
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (lo > 0 && lo / hi < d * d * 0x1p-23) {
                throw new IllegalArgumentException("component " + i + " has condition number " + hi / lo
                        + ", above 2^23/d^2 = " + 0x1p23 / (d * d) + ": its certified mu would not survive rounding");
            }
            double[][] q = rotations[i];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        s += q[a][k] * l[i][k] * (1 - 0x1p-30) * q[b][k];
                    }
                    h[i][a][b] = s;
                    h[i][b][a] = s;
                }
            }
        }
        double[][] hbar = averageHessian();
        double[] rhs = new double[d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    rhs[a] += h[i][a][b] * c[i][b] / n;
                }
            }
        }
        RealMatrix m = MatrixUtils.createRealMatrix(hbar);
        xStar = new LUDecomposition(m)
                .getSolver()
                .solve(MatrixUtils.createRealVector(rhs))
                .toArray();
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public int dimension() {
        return d;
    }

    /** H_i as a copy. */
    public double[][] componentHessian(int i) {
        double[][] out = new double[d][];
        for (int a = 0; a < d; a++) {
            out[a] = h[requireExample(i)][a].clone();
        }
        return out;
    }

    private double[][] averageHessian() {
        double[][] m = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    m[a][b] += h[i][a][b] / n;
                }
            }
        }
        return m;
    }

    @Override
    public double exampleValue(int i, double[] x) {
        requireExampleArgs(i, x);
        double[] r = new double[d];
        for (int a = 0; a < d; a++) {
            r[a] = x[a] - c[i][a];
        }
        return 0.5 * quad(h[i], r);
    }

    private double quad(double[][] m, double[] r) {
        double s = 0;
        for (int a = 0; a < d; a++) {
            double t = 0;
            for (int b = 0; b < d; b++) {
                t += m[a][b] * r[b];
            }
            s += r[a] * t;
        }
        return s;
    }

    @Override
    public void exampleGradient(int i, double[] x, double[] out) {
        requireExampleArgs(i, x, out);
        double[] r = new double[d];
        for (int a = 0; a < d; a++) {
            r[a] = x[a] - c[i][a];
        }
        for (int a = 0; a < d; a++) {
            double t = 0;
            for (int b = 0; b < d; b++) {
                t += h[i][a][b] * r[b];
            }
            out[a] = t;
        }
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Vectors.requireLength(x, d, "x");
        Vectors.requireLength(out, d, "out");
        double[] g = new double[d];
        double[] s = new double[d];
        for (int i = 0; i < n; i++) {
            exampleGradient(i, x, g);
            for (int a = 0; a < d; a++) {
                s[a] += g[a];
            }
        }
        for (int a = 0; a < d; a++) {
            out[a] = s[a] / n;
        }
    }

    @Override
    public double[][] hessian(double[] x) {
        Vectors.requireLength(x, d, "x");
        return averageHessian();
    }

    @Override
    public double[] minimizer() {
        return xStar.clone();
    }

    /** (1/2) (p - q)^T H_i (p - q): exact for a quadratic, without cancellation. */
    @Override
    public double bregman(int i, double[] p, double[] q) {
        requireExample(i);
        double[] r = new double[d];
        for (int a = 0; a < d; a++) {
            r[a] = p[a] - q[a];
        }
        return 0.5 * quad(h[i], r);
    }

    /** max_j l_ij: the rounded H_i's eigenvalues stay below it (see the class comment). */
    @Override
    public double componentL(int i) {
        double m = 0;
        for (double v : l[requireExample(i)]) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** min_j l_ij (1 - 2^-29): the rounded H_i's eigenvalues stay above it. */
    @Override
    public double componentMu(int i) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : l[requireExample(i)]) {
            m = Math.min(m, v);
        }
        return m * (1 - 0x1p-29);
    }

    /** The smallest eigenvalue of H_bar (Hipparchus), lowered by d ||H_bar||_F 2^-48. */
    public double averageMuLowerBound() {
        double[][] m = averageHessian();
        double fro = 0;
        for (double[] row : m) {
            for (double v : row) {
                fro += v * v;
            }
        }
        double[] ev = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(m)).getEigenvalues();
        double min = Double.POSITIVE_INFINITY;
        for (double v : ev) {
            min = Math.min(min, v);
        }
        return min - d * Math.sqrt(fro) * 0x1p-48;
    }

    /** The center c_i of component i, as a copy. */
    public double[] center(int i) {
        return c[requireExample(i)].clone();
    }

    /** The eigenvalues of component i as given (before the 1 - 2^-30 margin). */
    public double[] eigenvalues(int i) {
        return l[requireExample(i)].clone();
    }

    /** L (rounded margin), convexity, and where the average is strongly convex its mu and x* (rounded). */
    public Certificate certificate() {
        double lmax = 0;
        for (int i = 0; i < n; i++) {
            lmax = Math.max(lmax, componentL(i));
        }
        double mu = averageMuLowerBound();
        Certificate cert = Certificate.none()
                .withL(lmax, Exactness.ROUNDED, "max_i,j l_ij; H_i built from l_i (1 - 2^-30)")
                .withConvex(mu >= 0, "H_i = Q_i diag(l_i) Q_i^T with l_ij >= 0");
        if (mu > 0) {
            cert = cert.withMu(mu, Exactness.ROUNDED, "lambda_min(H_bar) (Hipparchus), lowered by d ||H_bar||_F 2^-48")
                    .withXStar(xStar, Exactness.ROUNDED, "H_bar x* = (1/n) sum_i H_i c_i, by LU");
        }
        return cert;
    }

    @Override
    public String describe() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add("f_" + (i + 1) + ": l = " + Num.fmt(l[i]) + ", c = " + Num.fmt(c[i]));
        }
        return "(1/" + n + ") sum_i 1/2 (x - c_i)^T Q_i diag(l_i) Q_i^T (x - c_i), d = " + d
                + ", random rotations Q_i; " + String.join("; ", rows);
    }
}
