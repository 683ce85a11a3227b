package io.optcheck.oracle;

import io.optcheck.api.ExampleGradients;
import io.optcheck.problem.FiniteSum;

/** The per-example gradients of a finite sum, as the rows an estimator draws from. */
public final class ExampleRows {

  private ExampleRows() {
  }

  /** The n per-example gradients of {@code f} at {@code x}, row i = grad f_i(x). */
  public static ExampleGradients at(FiniteSum f, double[] x) {
    double[][] g = new double[f.n()][f.dimension()];
    for (int i = 0; i < f.n(); i++) {
      f.exampleGradient(i, x, g[i]);
    }
    return ExampleGradients.of(g);
  }
}
