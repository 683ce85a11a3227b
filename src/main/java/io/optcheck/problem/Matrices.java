package io.optcheck.problem;

/**
 * Small dense-matrix helpers on {@code double[][]} (row-major, square where a method says so).
 * Every sum runs in index order from 0, so a result is the same double wherever it is computed.
 */
public final class Matrices {
    private Matrices() {}

    /** The d x d identity. */
    public static double[][] identity(int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    /** a b for square a and b of the same size. */
    public static double[][] times(double[][] a, double[][] b) {
        int d = a.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += a[i][k] * b[k][j];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    /** a v for a square a of v's size. */
    public static double[] times(double[][] a, double[] v) {
        requireSquare(a, v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Vectors.dot(a[i], v);
        }
        return out;
    }

    /** |a| |v|, entrywise absolute values: a bound on the rounding of {@link #times(double[][], double[])}'s sums. */
    public static double[] absTimes(double[][] a, double[] v) {
        requireSquare(a, v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += Math.abs(a[i][j] * v[j]);
            }
            out[i] = s;
        }
        return out;
    }

    private static void requireSquare(double[][] a, double[] v) {
        if (a.length != v.length || a.length > 0 && a[0].length != v.length) {
            throw new IllegalArgumentException("expected a " + v.length + " x " + v.length + " matrix, got " + a.length
                    + " rows" + (a.length > 0 ? " of " + a[0].length : ""));
        }
    }

    /** a^T for a square a. */
    public static double[][] transpose(double[][] a) {
        int d = a.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    /** The sum of the diagonal of a square a. */
    public static double trace(double[][] a) {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            t += a[i][i];
        }
        return t;
    }
}
