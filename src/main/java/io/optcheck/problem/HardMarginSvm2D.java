package io.optcheck.problem;

import java.util.Optional;

/**
 * The homogeneous hard-margin SVM in two dimensions, min ||w||^2 s.t. z_i^T w &gt;= 1, solved
 * exactly by enumerating active sets: the solution has one or two active constraints, so it is
 * the shortest feasible point among w = z_i/||z_i||^2 and the solutions of z_i^T w = z_j^T w = 1.
 * Independent of how a data family was built; used to cross-check {@link MarginData}.
 *
 * <p>Returns empty when no candidate is feasible (the data are not separable). NaN input gives
 * empty. O(n^3) for n points.
 */
public final class HardMarginSvm2D {

    private HardMarginSvm2D() {}

    /** The solution w and the minimum margin min_i z_i^T w (1 up to rounding). */
    public record Solution(double[] w, double minMargin) {}

    /** Solves the SVM for the label-folded points z (each of length 2). */
    public static Optional<Solution> solve(double[][] z) {
        double[] best = null;
        double bestNorm = Double.POSITIVE_INFINITY;
        int n = z.length;
        for (int i = 0; i < n; i++) {
            double nn = z[i][0] * z[i][0] + z[i][1] * z[i][1];
            if (nn > 0) {
                best = better(z, new double[] {z[i][0] / nn, z[i][1] / nn}, best);
            }
            for (int j = i + 1; j < n; j++) {
                double det = z[i][0] * z[j][1] - z[i][1] * z[j][0];
                if (det != 0) {
                    // z_i^T w = 1, z_j^T w = 1 by Cramer's rule
                    double[] w = {(z[j][1] - z[i][1]) / det, (z[i][0] - z[j][0]) / det};
                    best = better(z, w, best);
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        double m = Double.POSITIVE_INFINITY;
        for (double[] p : z) {
            m = Math.min(m, p[0] * best[0] + p[1] * best[1]);
        }
        return Optional.of(new Solution(best, m));
    }

    private static double[] better(double[][] z, double[] w, double[] best) {
        // Feasible up to rounding of the 2 x 2 solve (relative 1e-12).
        for (double[] p : z) {
            if (!(p[0] * w[0] + p[1] * w[1] >= 1 - 1e-12)) {
                return best;
            }
        }
        if (best == null || w[0] * w[0] + w[1] * w[1] < best[0] * best[0] + best[1] * best[1]) {
            return w;
        }
        return best;
    }
}
