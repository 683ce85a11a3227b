package io.optcheck.oracle;

import io.optcheck.problem.FiniteSum;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * A stochastic gradient oracle: {@link #gradient} returns one draw of a {@link BatchEstimator}
 * on a finite sum, {@link #value} the exact f(x). Seeded (Well19937c) and therefore replayable:
 * two oracles with the same seed return the same sequence. Counts its calls. Not thread-safe:
 * one oracle per run.
 */
public final class MinibatchOracle implements GradientOracle {

  private final FiniteSum f;
  private final BatchEstimator estimator;
  private final RandomGenerator rng;
  private long values;
  private long gradients;

  public MinibatchOracle(FiniteSum f, BatchEstimator estimator, long seed) {
    this.f = f;
    this.estimator = estimator;
    this.rng = new Well19937c(seed);
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
    estimator.draw(ExampleRows.at(f, x), rng, out);
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
