package io.optcheck.problem;

import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;

/** Generators of finite-sum problems for the stochastic catalog. */
public final class FiniteSums {

    private FiniteSums() {}

    /**
     * Finite-sum least squares with n examples in dimension d: entries of a_i and y_i uniform in
     * [-2, 2], shrinking toward whole numbers so that counterexamples read as small integer data.
     */
    public static Gen<FiniteSumLeastSquares> leastSquares(int n, int d) {
        if (n < 1 || d < 1) {
            throw new IllegalArgumentException("need n >= 1 and d >= 1, got " + n + ", " + d);
        }
        Gen<double[]> row = Gens.doubleArrays(Gens.doubles(-2, 2).shrinkDigits(0), d + 1);
        return Gens.listsOfSize(row, n).map(rows -> {
            double[][] a = new double[n][d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(rows.get(i), 0, a[i], 0, d);
                y[i] = rows.get(i)[d];
            }
            return new FiniteSumLeastSquares(a, y);
        });
    }
}
