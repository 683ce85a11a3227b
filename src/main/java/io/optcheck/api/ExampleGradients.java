package io.optcheck.api;

/**
 * The per-example gradients grad f_i at one point, as a table g[i][j], which samplers combine
 * into batch estimates. Computed once per point so that enumerating thousands of batches does
 * not recompute them. Immutable; NaN and infinite entries are kept as computed.
 */
public final class ExampleGradients {

    private final double[][] g;

    private ExampleGradients(double[][] g) {
        this.g = g;
    }

    /** A table given directly (rows copied); all rows must have the same length &gt;= 1. */
    public static ExampleGradients of(double[][] rows) {
        if (rows.length == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("need n >= 1 rows of dimension >= 1");
        }
        double[][] g = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != rows[0].length) {
                throw new IllegalArgumentException("row " + i + " has length " + rows[i].length);
            }
            g[i] = rows[i].clone();
        }
        return new ExampleGradients(g);
    }

    public int n() {
        return g.length;
    }

    public int dimension() {
        return g[0].length;
    }

    /** Component j of grad f_i. */
    public double get(int i, int j) {
        return g[i][j];
    }

    /** grad f_i as a copy. */
    public double[] row(int i) {
        return g[i].clone();
    }

    /** The largest |g[i][j]|: the magnitude scale of any batch mean of these rows. */
    public double maxAbs() {
        double m = 0;
        for (double[] r : g) {
            for (double v : r) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }
}
