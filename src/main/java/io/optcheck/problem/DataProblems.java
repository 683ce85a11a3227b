package io.optcheck.problem;

import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * Data-fitting problem families for the implicit-bias theorems: least squares of every shape, and
 * two-dimensional logistic regression data whose hard-margin SVM is built in (see
 * {@link MarginData}).
 */
public final class DataProblems {

    private DataProblems() {}

    /** The shapes of {@link #leastSquaresAllShapes()}; the first is the one shrinking moves toward. */
    public enum Shape {
        /** more columns than rows: d in [n + 1, n + 10], n in [1, 15] */
        UNDERDETERMINED,
        /** at least as many rows as columns: n in [1, 30], d in [1, n]; full column rank a.s. */
        OVERDETERMINED,
        /** X = A B / sqrt(r) with inner dimension r &lt; min(n, d): rank-deficient whatever the shape */
        LOW_RANK
    }

    /**
     * Least squares (1/2n)||Xw - y||^2 with Gaussian data in three shapes (underdetermined,
     * overdetermined, low rank), weights 2:1:1. The certificate is that of {@link LeastSquares}:
     * L = sigma_max^2/n and x* = X^+ y from Hipparchus's SVD, both rounded. X = 0 (L = 0) is
     * filtered out.
     */
    public static Gen<LeastSquares> leastSquaresAllShapes() {
        return Gens.named("least squares (underdetermined, overdetermined, low rank)", s -> {
                    Shape shape = s.draw(Gens.frequency(
                            Gens.weight(2, Gens.just(Shape.UNDERDETERMINED)),
                            Gens.weight(1, Gens.just(Shape.OVERDETERMINED)),
                            Gens.weight(1, Gens.just(Shape.LOW_RANK))));
                    return switch (shape) {
                        case UNDERDETERMINED -> {
                            int n = s.draw(Gens.integers(1, 15));
                            yield gaussianLeastSquares(s, n, s.draw(Gens.integers(n + 1, n + 10)));
                        }
                        case OVERDETERMINED -> {
                            int n = s.draw(Gens.integers(1, 30));
                            yield gaussianLeastSquares(s, n, s.draw(Gens.integers(1, n)));
                        }
                        case LOW_RANK -> lowRank(s);
                    };
                    // X = 0 (all Gaussian draws at their edge value 0) has L = 0: no step size is defined.
                })
                .filter("X is not zero (L > 0)", ls -> ls.certificate().L().orElseThrow() > 0);
    }

    private static LeastSquares gaussianLeastSquares(Source s, int n, int d) {
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = Problems.gaussian(s);
            }
        }
        return new LeastSquares(x, gaussianVector(s, n));
    }

    private static LeastSquares lowRank(Source s) {
        int n = s.draw(Gens.integers(2, 20));
        int d = s.draw(Gens.integers(2, 20));
        int r = s.draw(Gens.integers(1, Math.min(n, d) - 1));
        double[][] a = new double[n][r];
        double[][] b = new double[r][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < r; k++) {
                a[i][k] = Problems.gaussian(s);
            }
        }
        for (int k = 0; k < r; k++) {
            for (int j = 0; j < d; j++) {
                b[k][j] = Problems.gaussian(s);
            }
        }
        double[][] x = new double[n][d];
        double scale = 1 / Math.sqrt(r);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = 0;
                for (int k = 0; k < r; k++) {
                    v += a[i][k] * b[k][j];
                }
                x[i][j] = v * scale;
            }
        }
        return new LeastSquares(x, gaussianVector(s, n));
    }

    private static double[] gaussianVector(Source s, int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Problems.gaussian(s);
        }
        return y;
    }

    /**
     * Two-dimensional logistic data with a built-in hard-margin SVM (see {@link MarginData}). A
     * direction u (angle in [0, 2 pi)), a margin gamma in [0.25, 2], two support vectors
     * z_1 = gamma u + s_1 u_perp, z_2 = gamma u + s_2 u_perp with s_1 in [0.1, 2] and
     * s_2 in [-2, -0.1] (so w_hat = u/gamma has alpha &gt; 0 for both), and 0..2 further points
     * (gamma + delta) u + s u_perp with delta in [gamma/2, 2 gamma] (margin &gt;= 1.5) and s in [-2, 2].
     * Labels are fair coin flips, x_i = y_i z_i.
     * <ul>
     *   <li>{@link MarginData.Kind#STRICTLY_NON_SEPARABLE} adds z = -(a_1 z_1 + a_2 z_2) with
     *       a_1, a_2 in [0.05, 1] (search knobs): 0 is then a positive combination of the points,
     *       so no w != 0 has all margins &gt;= 0, and X has full column rank.</li>
     *   <li>{@link MarginData.Kind#MERELY_NON_SEPARABLE} adds z = -a z_1, a in {1, 1/2, ..., 1/16} (the
     *       pattern of X = [(1,0), (-1,0), (0,1)]): only w orthogonal to z_1 keeps both margins
     *       &gt;= 0; further points on the wrong side of that w are dropped, so w separates weakly.</li>
     * </ul>
     */
    public static Gen<MarginData> marginData(MarginData.Kind kind) {
        return Gens.named("2-D margin data (" + kind + ")", s -> {
            double phi = Gens.doubles(0, 2 * Math.PI).draw(s);
            double gamma = Gens.doubles(0.25, 2).knob("margin gamma").draw(s);
            double s1 = Gens.doubles(0.1, 2).draw(s);
            double s2 = -Gens.doubles(0.1, 2).draw(s);
            double[] u = {StrictMath.cos(phi), StrictMath.sin(phi)};
            double[] up = {-u[1], u[0]};
            List<double[]> z = new ArrayList<>();
            z.add(new double[] {gamma * u[0] + s1 * up[0], gamma * u[1] + s1 * up[1]});
            z.add(new double[] {gamma * u[0] + s2 * up[0], gamma * u[1] + s2 * up[1]});
            int extra = s.draw(Gens.integers(0, 2));
            for (int k = 0; k < extra; k++) {
                double delta = Gens.doubles(0.5, 2).draw(s) * gamma;
                double sp = Gens.doubles(-2, 2).draw(s);
                z.add(new double[] {(gamma + delta) * u[0] + sp * up[0], (gamma + delta) * u[1] + sp * up[1]});
            }
            double[][] sv = {z.get(0), z.get(1)};
            double det = sv[0][0] * sv[1][1] - sv[0][1] * sv[1][0];
            double[] wHat = {(sv[1][1] - sv[0][1]) / det, (sv[0][0] - sv[1][0]) / det};
            double g11 = Vectors.dot(sv[0], sv[0]);
            double g12 = Vectors.dot(sv[0], sv[1]);
            double g22 = Vectors.dot(sv[1], sv[1]);
            double gd = g11 * g22 - g12 * g12;
            double[] alpha = {(g22 - g12) / gd, (g11 - g12) / gd};
            switch (kind) {
                case STRICTLY_NON_SEPARABLE -> {
                    double a1 = Gens.doubles(0.05, 1).knob("a_1").draw(s);
                    double a2 = Gens.doubles(0.05, 1).knob("a_2").draw(s);
                    z.add(new double[] {-(a1 * sv[0][0] + a2 * sv[1][0]), -(a1 * sv[0][1] + a2 * sv[1][1])});
                }
                case MERELY_NON_SEPARABLE -> {
                    // a = 2^-k so that -a z_1 is exactly opposite z_1: with a rounded product the float
                    // data would be separable or strictly non-separable by a hair (the family test found it).
                    double a = Math.scalb(1.0, -s.draw(Gens.integers(0, 4)));
                    // the weak separator: orthogonal to z_1, on z_2's side
                    double[] w = {-sv[0][1], sv[0][0]};
                    if (Vectors.dot(w, sv[1]) < 0) {
                        w[0] = -w[0];
                        w[1] = -w[1];
                    }
                    z.removeIf(p -> p != sv[0] && p != sv[1] && Vectors.dot(w, p) < 0);
                    z.add(new double[] {-a * sv[0][0], -a * sv[0][1]});
                }
                default -> {}
            }
            double[][] zz = z.toArray(new double[0][]);
            double[][] x = new double[zz.length][2];
            double[] y = new double[zz.length];
            for (int i = 0; i < zz.length; i++) {
                y[i] = s.drawBoolean(0.5) ? -1 : 1;
                x[i][0] = y[i] * zz[i][0];
                x[i][1] = y[i] * zz[i][1];
            }
            return new MarginData(new Logistic(x, y), zz, wHat, alpha, kind);
        });
    }
}
