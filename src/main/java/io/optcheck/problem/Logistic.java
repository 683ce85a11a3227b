package io.optcheck.problem;

import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Logistic loss without intercept: f(w) = (1/n) sum_i log(1 + exp(-m_i)), m_i = y_i x_i^T w,
 * labels y_i in {-1, +1}.
 * grad f(w) = -(1/n) sum_i y_i sigma(-m_i) x_i; hess f(w) = (1/n) sum_i sigma(m_i) sigma(-m_i)
 * x_i x_i^T, with sigma(z) = 1/(1 + exp(-z)).
 *
 * <p>Numerically stable for any finite margin: log(1 + e^z) is computed as
 * {@code z + log1p(exp(-z))} for z > 0 and {@code log1p(exp(z))} otherwise, and sigma is
 * evaluated through exp of a non-positive argument only, so nothing overflows and tiny values
 * keep full relative accuracy.
 *
 * <p>Certificate: L &lt;= ||X||_2^2 / (4n) (BOUND; attained by the Hessian at w = 0; sigma_max from
 * SVD, so rounded); convex; f_low = 0 (BOUND; the infimum when the data are separable). No mu:
 * the Hessian tends to 0 along directions of growing margin.
 *
 * <p>NaN/infinite arguments propagate; wrong lengths throw {@link IllegalArgumentException}.
 */
public final class Logistic extends LinearModelLoss {
    private final Certificate certificate;

    /**
     * @param features X, n x d, rectangular, finite, non-empty (copied)
     * @param labels y, length n, each exactly -1 or +1 (copied)
     * @throws IllegalArgumentException on malformed input
     */
    public Logistic(double[][] features, double[] labels) {
        super(features, labels, "logistic");
        for (int i = 0; i < n; i++) {
            if (labels[i] != 1.0 && labels[i] != -1.0) {
                throw new IllegalArgumentException("y[" + i + "] must be -1 or +1, got " + labels[i]);
            }
        }
        double s = new SingularValueDecomposition(MatrixUtils.createRealMatrix(x)).getNorm();
        this.certificate = Certificate.none()
                .withConvex(true)
                .withL(
                        s * s / (4.0 * n),
                        Exactness.BOUND,
                        "||X||_2^2 / (4n), attained at w = 0; ||X||_2 from SVD (rounded)")
                .withFLow(0.0, Exactness.BOUND, "loss is positive");
    }

    /** log(1 + exp(z)) without overflow. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** 1 / (1 + exp(-z)) without overflow. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** A copy of the labels. */
    public double[] labels() {
        return y.clone();
    }

    @Override
    public double value(double[] w) {
        Vectors.requireLength(w, d, "w");
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += softplus(-y[k] * Vectors.dot(x[k], w));
        }
        return s / n;
    }

    @Override
    public void gradient(double[] w, double[] out) {
        Vectors.requireLength(w, d, "w");
        Vectors.requireLength(out, d, "out");
        Vectors.meanOfWeightedRows(x, k -> -y[k] * sigmoid(-(y[k] * Vectors.dot(x[k], w))), out);
    }

    @Override
    public double[][] hessian(double[] w) {
        Vectors.requireLength(w, d, "w");
        double[][] h = new double[d][d];
        for (int k = 0; k < n; k++) {
            double m = y[k] * Vectors.dot(x[k], w);
            double c = sigmoid(m) * sigmoid(-m);
            double[] row = x[k];
            for (int i = 0; i < d; i++) {
                double ci = c * row[i];
                for (int j = i; j < d; j++) {
                    h[i][j] += ci * row[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                h[i][j] /= n;
                h[j][i] = h[i][j];
            }
        }
        return h;
    }

    @Override
    public void hessianVector(double[] w, double[] v, double[] out) {
        Vectors.requireLength(w, d, "w");
        Vectors.requireLength(v, d, "v");
        Vectors.requireLength(out, d, "out");
        Vectors.meanOfWeightedRows(
                x,
                k -> {
                    double m = y[k] * Vectors.dot(x[k], w);
                    return sigmoid(m) * sigmoid(-m) * Vectors.dot(x[k], v);
                },
                out);
    }

    @Override
    public Certificate certificate() {
        return certificate;
    }

    @Override
    public Formula formula() {
        return sumOverExamples(
                (margin, yk) -> {
                    DerivativeStructure z = margin.multiply(-yk);
                    // Same branch as softplus: keeps exp's argument non-positive.
                    return z.getValue() > 0
                            ? z.add(z.negate().exp().log1p())
                            : z.exp().log1p();
                },
                n);
    }

    @Override
    public String describe() {
        return "(1/n) sum log(1 + exp(-y_i x_i^T w)), n = " + n + ", d = " + d + ", X = " + Num.fmt(x) + ", y = "
                + Num.fmt(y);
    }
}
