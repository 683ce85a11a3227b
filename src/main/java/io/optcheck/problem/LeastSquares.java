package io.optcheck.problem;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * f(w) = (1/(2n)) ||X w - y||^2 for X with n rows (examples) and d columns (features).
 * grad f(w) = X^T (X w - y) / n; hess f = X^T X / n.
 *
 * <p>Certificate (from Hipparchus {@link SingularValueDecomposition} of X, all ROUNDED unless
 * stated): L = sigma_max^2 / n; mu = sigma_min^2 / n when X has full column rank, 0 when it does
 * not (EXACT when d > n); convex; x* = X^+ y, the minimum-norm least-squares solution;
 * f* = f(x*) evaluated in double; f_low = 0 (EXACT).
 *
 * <p>NaN/infinite arguments propagate; wrong lengths throw {@link IllegalArgumentException}.
 */
public final class LeastSquares extends LinearModelLoss {
    private final double[] xtxOverN;
    private final Certificate certificate;

    /**
     * @param features X, n x d, rectangular, finite, non-empty (copied)
     * @param targets y, length n, finite (copied)
     * @throws IllegalArgumentException on malformed input
     */
    public LeastSquares(double[][] features, double[] targets) {
        super(features, targets, "least-squares");
        this.xtxOverN = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += x[k][i] * x[k][j];
                }
                xtxOverN[i * d + j] = s / n;
                xtxOverN[j * d + i] = s / n;
            }
        }
        this.certificate = buildCertificate();
    }

    private Certificate buildCertificate() {
        RealMatrix xm = MatrixUtils.createRealMatrix(x);
        SingularValueDecomposition svd = new SingularValueDecomposition(xm);
        double[] sv = svd.getSingularValues();
        String note = "SingularValueDecomposition of X";
        Certificate c = Certificate.none()
                .withConvex(true)
                .withL(sv[0] * sv[0] / n, Exactness.ROUNDED, "sigma_max(X)^2 / n; " + note)
                .withFLow(0.0, Exactness.EXACT, "sum of squares");
        if (d > n) {
            c = c.withMu(0.0, Exactness.EXACT, "more columns than rows");
        } else if (svd.getRank() < d) {
            c = c.withMu(0.0, Exactness.ROUNDED, "X is numerically rank-deficient");
        } else {
            c = c.withMu(sv[d - 1] * sv[d - 1] / n, Exactness.ROUNDED, "sigma_min(X)^2 / n; " + note);
        }
        double[] xs = svd.getSolver().getInverse().operate(y);
        return c.withXStar(xs, Exactness.ROUNDED, "minimum-norm solution X^+ y")
                .withFStar(value(xs), Exactness.ROUNDED, "f(x*) evaluated in double");
    }

    /** A copy of y. */
    public double[] targets() {
        return y.clone();
    }

    @Override
    public double value(double[] w) {
        Vectors.requireLength(w, d, "w");
        double s = 0;
        for (int k = 0; k < n; k++) {
            double r = Vectors.dot(x[k], w) - y[k];
            s += r * r;
        }
        return s / (2.0 * n);
    }

    @Override
    public void gradient(double[] w, double[] out) {
        Vectors.requireLength(w, d, "w");
        Vectors.requireLength(out, d, "out");
        Vectors.meanOfWeightedRows(x, k -> Vectors.dot(x[k], w) - y[k], out);
    }

    /** Writes X^T (X v) / n into out (independent of w, which is only length-checked). */
    @Override
    public void hessianVector(double[] w, double[] v, double[] out) {
        Vectors.requireLength(w, d, "w");
        Vectors.requireLength(v, d, "v");
        Vectors.requireLength(out, d, "out");
        Vectors.meanOfWeightedRows(x, k -> Vectors.dot(x[k], v), out);
    }

    @Override
    public double[][] hessian(double[] w) {
        Vectors.requireLength(w, d, "w");
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(xtxOverN, i * d, m[i], 0, d);
        }
        return m;
    }

    @Override
    public Certificate certificate() {
        return certificate;
    }

    @Override
    public Formula formula() {
        return sumOverExamples((margin, yk) -> margin.subtract(yk).square(), 2.0 * n);
    }

    @Override
    public String describe() {
        return "(1/2n) ||X w - y||^2, n = " + n + ", d = " + d + ", X = " + Num.fmt(x) + ", y = " + Num.fmt(y);
    }
}
