package io.optcheck.theory.sgd.schedules;

import io.optcheck.method.Hyperparameters;
import io.optcheck.method.Method;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.MethodState;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.NoisyOracle;
import io.optcheck.problem.Quadratic;

/**
 * R seeded SGD runs of one instance, with the checker's own measurement of a quantity at fixed
 * checkpoints. Each run r draws its noise from its own stream, seeded {@code seed + r * PRIME}
 * (Well19937c in {@link NoisyOracle}), so the sample is replayable from the instance's seed.
 * The checker reads only the iterates x_t and recomputes everything from the objective.
 */
final class SgdRuns {

  /** Spreads run seeds apart (an odd 64-bit constant, the golden-ratio increment). */
  static final long PRIME = 0x9E3779B97F4A7C15L;

  private SgdRuns() {
  }

  /** What the checker measures at an iterate. */
  @FunctionalInterface
  interface Measure {
    double at(double[] x);
  }

  /**
   * The samples, or the ending of the first run that did not complete.
   *
   * @param samples samples[k][r]: the measure at checkpoints[k] in run r (null when a run failed)
   * @param failed the first run's ending that was not COMPLETED, or null
   * @param failedStep the step of that ending
   */
  record Sample(double[][] samples, Trajectory failed, int failedStep) {
  }

  /** The hyperparameters of SGD eta_t = a/(t + b)^p. */
  static Hyperparameters schedule(double a, double b, double p) {
    return Hyperparameters.of("a", a).with("b", b).with("p", p);
  }

  /**
   * Runs R = {@code runs} seeded runs of {@code checkpoints[last]} steps and measures at each
   * checkpoint (each checkpoint t &gt;= 1, increasing).
   */
  static Sample run(MethodProvider provider, Hyperparameters h, Quadratic q, double[] x0,
                    NoisyOracle.Noise noise, long seed, int runs, int[] checkpoints, Measure m) {
    int steps = checkpoints[checkpoints.length - 1];
    double[][] out = new double[checkpoints.length][runs];
    for (int r = 0; r < runs; r++) {
      Trajectory tr = runOnce(provider.create(h), new NoisyOracle(q, noise, seed + r * PRIME), x0, steps);
      if (tr.status() != Trajectory.Status.COMPLETED) {
        return new Sample(null, tr, tr.steps() + 1);
      }
      for (int k = 0; k < checkpoints.length; k++) {
        out[k][r] = m.at(tr.x(checkpoints[k]));
      }
    }
    return new Sample(out, null, -1);
  }

  /** One run of {@code steps} steps (the trajectory keeps every iterate). */
  static Trajectory runOnce(Method<?> method, NoisyOracle oracle, double[] x0, int steps) {
    return runTyped(method, oracle, x0, steps);
  }

  private static <S extends MethodState> Trajectory runTyped(Method<S> method, NoisyOracle oracle,
                                                             double[] x0, int steps) {
    return Runner.run(method, oracle, x0, steps);
  }

  /** 1, 2, 4, ..., up to and including {@code last} (added when not a power of 2). */
  static int[] doublingCheckpoints(int last) {
    java.util.List<Integer> l = new java.util.ArrayList<>();
    for (int t = 1; t < last; t *= 2) {
      l.add(t);
    }
    l.add(last);
    return l.stream().mapToInt(Integer::intValue).toArray();
  }
}
