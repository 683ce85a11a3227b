package io.optcheck.problem;

import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Source;

/**
 * Data-fitting problem families for the implicit-bias theorems: least squares of every shape, and
 * two-dimensional logistic regression data whose hard-margin SVM is built in (see
 * {@link MarginData}).
 */
public final class DataProblems {

  private DataProblems() {
  }

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
    }).filter("X is not zero (L > 0)", ls -> ls.certificate().L().orElseThrow() > 0);
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
}
