package io.optcheck.problem;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/** Random orthogonal matrices. */
public final class Orthogonal {
    private Orthogonal() {}

    /**
     * A Haar-distributed random orthogonal d x d matrix from d*d independent standard normal
     * numbers {@code z} (read row-major into a d x d matrix G).
     *
     * <p>Computes G = QR with Hipparchus {@link QRDecomposition} and returns Q D with
     * D = diag(sign(R_jj)) (sign(0) taken as +1). Without the sign fix the distribution of Q is
     * not Haar (Mezzadri 2007, "How to generate random matrices from the classical compact
     * groups", sec. 5). A deterministic function of {@code z}, so generators own the randomness.
     *
     * @throws IllegalArgumentException if d &lt; 1, {@code z.length != d*d}, or z has a non-finite
     *     entry
     */
    public static double[][] fromGaussian(double[] z, int d) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        if (z == null || z.length != d * d) {
            throw new IllegalArgumentException("z must have length d*d = " + d * d);
        }
        Vectors.requireFiniteNonEmpty(z, "z");
        double[][] g = new double[d][d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(z, i * d, g[i], 0, d);
        }
        // Threshold 0: never report singularity; a singular G has probability zero and
        // still yields an orthogonal Q from the Householder reflections.
        QRDecomposition qr = new QRDecomposition(MatrixUtils.createRealMatrix(g), 0.0);
        double[][] q = qr.getQ().getData();
        RealMatrix r = qr.getR();
        for (int j = 0; j < d; j++) {
            if (r.getEntry(j, j) < 0) {
                for (int i = 0; i < d; i++) {
                    q[i][j] = -q[i][j];
                }
            }
        }
        return q;
    }
}
