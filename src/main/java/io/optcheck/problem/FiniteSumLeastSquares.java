package io.optcheck.problem;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * Finite-sum least squares f(x) = (1/n) sum_i f_i(x), f_i(x) = (1/2)(a_i^T x - y_i)^2, with
 * per-example gradients grad f_i(x) = (a_i^T x - y_i) a_i. Convex; its Hessian A^T A / n is
 * constant, so L = lambda_max(A^T A / n) is certified (rounded: computed by Hipparchus'
 * symmetric eigen-decomposition). NaN and infinite inputs propagate per IEEE 754.
 */
public final class FiniteSumLeastSquares implements FiniteSum, HasFormula {

    private final double[][] a;
    private final double[] y;
    private final int n;
    private final int d;

    /** Copies the rows a_i (all of length d &gt;= 1) and targets y_i (n &gt;= 1 of them). */
    public FiniteSumLeastSquares(double[][] rows, double[] targets) {
        if (rows.length == 0 || rows.length != targets.length) {
            throw new IllegalArgumentException(
                    "need n >= 1 rows and as many targets, got " + rows.length + " and " + targets.length);
        }
        n = rows.length;
        d = rows[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("dimension must be >= 1");
        }
        a = new double[n][];
        for (int i = 0; i < n; i++) {
            Vectors.requireLength(rows[i], d, "row " + i);
            a[i] = rows[i].clone();
        }
        y = targets.clone();
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public int dimension() {
        return d;
    }

    /** Row a_i (a copy). */
    public double[] row(int i) {
        return a[requireExample(i)].clone();
    }

    /** Target y_i. */
    public double target(int i) {
        return y[requireExample(i)];
    }

    private double residual(int i, double[] x) {
        double s = -y[i];
        for (int j = 0; j < d; j++) {
            s += a[i][j] * x[j];
        }
        return s;
    }

    @Override
    public double exampleValue(int i, double[] x) {
        double r = residual(requireExampleArgs(i, x), x);
        return 0.5 * r * r;
    }

    @Override
    public void exampleGradient(int i, double[] x, double[] out) {
        double r = residual(requireExampleArgs(i, x, out), x);
        for (int j = 0; j < d; j++) {
            out[j] = r * a[i][j];
        }
    }

    @Override
    public double value(double[] x) {
        Vectors.requireLength(x, d, "x");
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = residual(i, x);
            s += 0.5 * r * r;
        }
        return s / n;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Vectors.requireLength(x, d, "x");
        Vectors.requireLength(out, d, "out");
        Vectors.meanOfWeightedRows(a, i -> residual(i, x), out);
    }

    @Override
    public double[][] hessian(double[] x) {
        Vectors.requireLength(x, d, "x");
        double[][] h = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    h[j][k] += a[i][j] * a[i][k];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                h[j][k] /= n;
            }
        }
        return h;
    }

    /** L = lambda_max(A^T A / n) (rounded), convex. */
    public Certificate certificate() {
        double[] ev =
                new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(hessian(new double[d]))).getEigenvalues();
        double l = 0;
        for (double v : ev) {
            l = Math.max(l, v);
        }
        return Certificate.none()
                .withL(l, Exactness.ROUNDED, "lambda_max(A^T A / n) by symmetric eigen-decomposition")
                .withConvex(true, "sum of convex quadratics");
    }

    @Override
    public Formula formula() {
        return v -> {
            DerivativeStructure s = v[0].multiply(0);
            for (int i = 0; i < n; i++) {
                DerivativeStructure r = v[0].multiply(0).subtract(y[i]);
                for (int j = 0; j < d; j++) {
                    r = r.add(v[j].multiply(a[i][j]));
                }
                s = s.add(r.multiply(r).multiply(0.5));
            }
            return s.divide(n);
        };
    }

    @Override
    public String describe() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add("(" + Num.fmt(a[i]) + "; " + Num.fmt(y[i]) + ")");
        }
        return "(1/" + n + ") sum_i 1/2 (a_i^T x - y_i)^2, (a_i; y_i) = " + String.join(", ", rows);
    }
}
