package io.optcheck.problem;

/**
 * What the losses of a linear model w -> x_k^T w over n examples share: the data matrix X (n rows,
 * d columns, copied and checked rectangular and finite), the targets y (one per example, copied
 * and checked finite), and the accessors of both. A subclass adds its loss and its certificate.
 *
 * <p>Wrong lengths throw {@link IllegalArgumentException}.
 */
public abstract sealed class LinearModelLoss implements Objective, HasFormula permits LeastSquares, Logistic {
    final int n;
    final int d;
    final double[][] x;
    final double[] y;

    /**
     * @param features X, n x d, rectangular, finite, non-empty (copied)
     * @param targets y, length n, finite (copied)
     * @throws IllegalArgumentException on malformed input
     */
    LinearModelLoss(double[][] features, double[] targets) {
        this.x = Vectors.copyRectangular(features, "X");
        this.n = x.length;
        this.d = x[0].length;
        Vectors.requireFiniteNonEmpty(targets, "y");
        Vectors.requireLength(targets, n, "y");
        this.y = targets.clone();
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public int dimension() {
        return d;
    }

    /** Number of examples n. */
    public int examples() {
        return n;
    }

    /** A copy of X. */
    public double[][] features() {
        return Vectors.deepCopy(x);
    }

    @Override
    public String toString() {
        return describe();
    }
}
