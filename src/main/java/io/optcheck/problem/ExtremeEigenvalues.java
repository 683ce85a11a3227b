package io.optcheck.problem;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * The extreme eigenvalues of a symmetric operator given only by its products v -&gt; A v (for
 * example a Hessian-vector product), by the Lanczos method with full reorthogonalization
 * (Golub &amp; Van Loan, Matrix Computations, 4th ed., Algorithm 10.1.1 with complete
 * reorthogonalization, sec. 10.3.1).
 *
 * <p>k Lanczos steps from a seeded random start give a k x k tridiagonal T whose eigenvalues
 * (Ritz values, from Hipparchus {@link EigenDecompositionSymmetric}) lie inside
 * [lambda_min(A), lambda_max(A)] and converge to the extreme ones first. With k = d (the
 * dimension), or when the Krylov space becomes invariant (a beta below 1e-13 times the largest
 * Ritz value magnitude seen), the Ritz values are eigenvalues of A up to rounding. The residual
 * ||A y - theta y|| of the returned Ritz pairs bounds their distance to an eigenvalue of A
 * (Parlett, The Symmetric Eigenvalue Problem, Theorem 4.5.1); it is returned with them.
 *
 * <p>A product with a NaN or infinite component yields NaN eigenvalues. Every loop is bounded by
 * k &lt;= d.
 */
public final class ExtremeEigenvalues {

    /**
     * @param max the largest Ritz value
     * @param min the smallest Ritz value
     * @param maxVector a unit Ritz vector for max
     * @param minVector a unit Ritz vector for min
     * @param maxResidual ||A y_max - max y_max||
     * @param minResidual ||A y_min - min y_min||
     * @param steps Lanczos steps taken
     */
    public record Result(
            double max,
            double min,
            double[] maxVector,
            double[] minVector,
            double maxResidual,
            double minResidual,
            int steps) {}

    private ExtremeEigenvalues() {}

    /** Lanczos with min(k, d) steps from a start drawn with {@code seed}. */
    public static Result lanczos(UnaryOperator<double[]> a, int d, int k, long seed) {
        if (d < 1 || k < 1) {
            throw new IllegalArgumentException("need d >= 1 and k >= 1, got d = " + d + ", k = " + k);
        }
        int m = Math.min(k, d);
        RandomGenerator rng = new Well19937c(seed);
        double[][] q = new double[m + 1][];
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = rng.nextGaussian();
        }
        scale(v, 1 / norm(v));
        q[0] = v;
        double[] alpha = new double[m];
        double[] beta = new double[m];
        int steps = 0;
        double big = 0;
        for (int j = 0; j < m; j++) {
            double[] w = a.apply(q[j].clone());
            alpha[j] = Vectors.dot(w, q[j]);
            steps = j + 1;
            // Full reorthogonalization, twice ("twice is enough", Parlett sec. 6.9).
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    double c = Vectors.dot(w, q[i]);
                    for (int l = 0; l < d; l++) {
                        w[l] -= c * q[i][l];
                    }
                }
            }
            big = Math.max(big, Math.abs(alpha[j]) + (j > 0 ? beta[j - 1] : 0));
            double b = norm(w);
            if (!Double.isFinite(b)) {
                return new Result(Double.NaN, Double.NaN, new double[d], new double[d], Double.NaN, Double.NaN, steps);
            }
            if (j == m - 1 || b <= 1e-13 * Math.max(big, Double.MIN_NORMAL)) {
                break;
            }
            beta[j] = b;
            scale(w, 1 / b);
            q[j + 1] = w;
        }
        double[][] t = new double[steps][steps];
        for (int i = 0; i < steps; i++) {
            t[i][i] = alpha[i];
            if (i + 1 < steps) {
                t[i][i + 1] = beta[i];
                t[i + 1][i] = beta[i];
            }
        }
        EigenDecompositionSymmetric ed = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(t), 0, false);
        double[] ev = ed.getEigenvalues();
        int iMax = 0;
        int iMin = 0;
        for (int i = 1; i < ev.length; i++) {
            if (ev[i] > ev[iMax]) {
                iMax = i;
            }
            if (ev[i] < ev[iMin]) {
                iMin = i;
            }
        }
        double[] yMax = ritz(q, ed.getEigenvector(iMax).toArray(), d, steps);
        double[] yMin = ritz(q, ed.getEigenvector(iMin).toArray(), d, steps);
        return new Result(
                ev[iMax], ev[iMin], yMax, yMin, residual(a, yMax, ev[iMax]), residual(a, yMin, ev[iMin]), steps);
    }

    /** lambda_max and lambda_min of the Hessian of f at x, by Lanczos on its exact products. */
    public static Result ofHessian(Objective f, double[] x, int k, long seed) {
        return lanczos(v -> HessianVectors.exact(f, x, v), f.dimension(), k, seed);
    }

    /** All eigenvalues of a symmetric matrix, ascending (Hipparchus EigenDecompositionSymmetric). */
    public static double[] dense(double[][] h) {
        double[] ev = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(h), 0, false).getEigenvalues();
        Arrays.sort(ev);
        return ev;
    }

    private static double[] ritz(double[][] q, double[] s, int d, int steps) {
        double[] y = new double[d];
        for (int j = 0; j < steps; j++) {
            for (int l = 0; l < d; l++) {
                y[l] += s[j] * q[j][l];
            }
        }
        double n = norm(y);
        if (n > 0) {
            scale(y, 1 / n);
        }
        return y;
    }

    private static double residual(UnaryOperator<double[]> a, double[] y, double theta) {
        double[] ay = a.apply(y.clone());
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double r = ay[i] - theta * y[i];
            s += r * r;
        }
        return Math.sqrt(s);
    }

    static double norm(double[] a) {
        return Math.sqrt(Vectors.dot(a, a));
    }

    static void scale(double[] a, double c) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= c;
        }
    }
}
