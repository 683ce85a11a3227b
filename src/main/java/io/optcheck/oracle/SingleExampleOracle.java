package io.optcheck.oracle;

import io.optcheck.problem.FiniteSum;

/**
 * The stochastic gradient of one fixed index: {@link #gradient} returns grad f_i(x) for the i
 * given at construction, {@link #value} the full f(x). This is one outcome of uniform index
 * sampling; enumerating i over [0, n) with weight 1/n gives the exact expectation. Counts calls.
 */
public final class SingleExampleOracle implements GradientOracle {

  private final FiniteSum f;
  private final int i;
  private long values;
  private long gradients;

  /** @throws IllegalArgumentException when i is outside [0, n) */
  public SingleExampleOracle(FiniteSum f, int i) {
    this.f = f;
    this.i = f.requireExample(i);
  }

  @Override
  public int dimension() {
    return f.dimension();
  }

  @Override
  public double value(double[] x) {
    values++;
    return f.value(x);
  }

  @Override
  public void gradient(double[] x, double[] out) {
    gradients++;
    f.exampleGradient(i, x, out);
  }

  @Override
  public long valueCalls() {
    return values;
  }

  @Override
  public long gradientCalls() {
    return gradients;
  }
}
