package io.optcheck.theory.gd;

import io.optcheck.problem.LeastSquares;
import io.optcheck.problem.Num;
import io.optcheck.problem.Vectors;
import io.optcheck.theory.Described;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Gradient descent on least squares: the problem, the start w0 and the step as a fraction h of
 * 1/L, with the row space of X from Hipparchus's {@link SingularValueDecomposition} (its
 * numerical rank decides which singular values count as nonzero).
 */
public final class LsInstance implements Described {
    final LeastSquares ls;
    final double[] w0;
    final double h;
    final double[][] x;
    final double[] y;
    final int n;
    final int d;
    final int rank;
    final double[] sigma;
    /** V_r, d x rank: an orthonormal basis of the row space of X. */
    final double[][] vr;

    LsInstance(LeastSquares ls, double[] w0, double h) {
        this.ls = ls;
        this.w0 = w0.clone();
        this.h = h;
        this.x = ls.features();
        this.y = ls.targets();
        this.n = ls.examples();
        this.d = ls.dimension();
        RealMatrix xm = MatrixUtils.createRealMatrix(x);
        SingularValueDecomposition svd = new SingularValueDecomposition(xm);
        this.rank = svd.getRank();
        this.sigma = svd.getSingularValues();
        double[][] v = svd.getV().getData();
        this.vr = new double[d][rank];
        for (int i = 0; i < d; i++) {
            System.arraycopy(v[i], 0, vr[i], 0, rank);
        }
    }

    /** L = sigma_max(X)^2 / n, from the certificate. */
    double l() {
        return ls.certificate().L().orElseThrow();
    }

    double eta() {
        return h / l();
    }

    /** max |1 - eta lambda_i| over the NONZERO eigenvalues lambda_i = sigma_i^2/n of X^T X / n. */
    double rowSpaceFactor() {
        double q = 0;
        for (int i = 0; i < rank; i++) {
            q = Math.max(q, Math.abs(1 - eta() * (sigma[i] * sigma[i] / n)));
        }
        return q;
    }

    /** X^+ y, the minimum-norm least-squares solution, from the certificate (SVD pseudo-inverse). */
    double[] minNorm() {
        return ls.certificate().xStar().orElseThrow();
    }

    /** v - V_r V_r^T v: the component of v in the null space of X. */
    double[] nullPart(double[] v) {
        double[] c = new double[rank];
        for (int k = 0; k < rank; k++) {
            double s = 0;
            for (int i = 0; i < d; i++) {
                s += vr[i][k] * v[i];
            }
            c[k] = s;
        }
        double[] out = v.clone();
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int k = 0; k < rank; k++) {
                s += vr[i][k] * c[k];
            }
            out[i] -= s;
        }
        return out;
    }

    /**
     * The magnitudes that the computed gradient X^T (X w - y) / n combines:
     * (1/n) sum_k (sum_j |x_kj w_j| + |y_k|) sum_j |x_kj|. Its rounding error is a small multiple
     * of 2^-52 times this, in every direction, the null space included.
     */
    double gradientScale(double[] w) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            double r = Math.abs(y[k]);
            double a = 0;
            for (int j = 0; j < d; j++) {
                r += Math.abs(x[k][j] * w[j]);
                a += Math.abs(x[k][j]);
            }
            s += r * a;
        }
        return s / n;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("d", d);
        m.put("rank", rank);
        m.put("X", Num.fmt(x));
        m.put("y", Num.fmt(y));
        m.put("singular values", Num.fmt(sigma));
        m.put("L", l());
        m.put("w0", Num.fmt(w0));
        m.put("||P_null w0||", Vectors.norm(nullPart(w0)));
        m.put("eta L", h);
        m.put("q (row space)", rowSpaceFactor());
        m.put("X^+ y", Num.fmt(minNorm()));
        return m;
    }
}
