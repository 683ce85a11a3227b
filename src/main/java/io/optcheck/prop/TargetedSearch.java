package io.optcheck.prop;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937c;

/**
 * Score-guided search after the random phase. Two moves share the budget:
 * <ul>
 *   <li>CMA-ES (Hipparchus {@link CMAESOptimizer}, a fresh optimizer per restart) over the
 *       continuous knobs the generators marked, in normalized [0, 1] coordinates (log knobs in
 *       log space), with IPOP restarts that double the population (Auger &amp; Hansen 2005);</li>
 *   <li>mutation hill climbing on the whole choice sequence (Hypothesis's targeted property
 *       testing, Löscher &amp; Sagonas 2017), which also moves integer and unmarked choices and
 *       refines the final digits.</li>
 * </ul>
 * Every evaluation is a try and counts against the budget. The search stops at the first
 * failing try. Deterministic for a given seed.
 */
final class TargetedSearch<T> {

  private final Function<long[], TryResult<T>> evaluate;
  private final SplittableRandom rng;
  private final long seed;
  private final long deadlineNanos;
  private int used;
  private TryResult<T> best;
  private TryResult<T> failure;
  private boolean wallCapHit;

  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  TargetedSearch(TryResult<T> start, Function<long[], TryResult<T>> evaluate, long seed,
                 long deadlineNanos) {
    this.best = start;
    this.evaluate = evaluate;
    this.seed = seed;
    this.rng = new SplittableRandom(seed);
    this.deadlineNanos = deadlineNanos;
  }

  TryResult<T> best() {
    return best;
  }

  TryResult<T> failure() {
    return failure;
  }

  int used() {
    return used;
  }

  boolean wallCapHit() {
    return wallCapHit;
  }

  /** Evaluates one candidate; throws Stop when the budget, the clock or a failure ends the search. */
  private TryResult<T> eval(long[] raws, int budget) {
    if (used >= budget) {
      throw new Stop();
    }
    if (System.nanoTime() > deadlineNanos) {
      wallCapHit = true;
      throw new Stop();
    }
    used++;
    TryResult<T> r = evaluate.apply(raws);
    if (r.valid() && r.hasScore() && (!best.hasScore() || r.score() >= best.score())) {
      best = r;
    }
    if (r.failed()) {
      failure = r;
      throw new Stop();
    }
    return r;
  }

  void run(int budget) {
    try {
      List<Integer> knobs = best.sequence().knobIndices();
      if (!knobs.isEmpty()) {
        int cmaBudget = (int) (budget * 0.7);
        cmaes(knobs, cmaBudget, budget);
      }
      climb(budget);
    } catch (Stop s) {
      // budget, clock or failure
    }
  }

  private static double toUnit(Choice c) {
    double v = c.doubleValue();
    if (c.logScale()) {
      return (Math.log(v) - Math.log(c.min())) / (Math.log(c.max()) - Math.log(c.min()));
    }
    return c.max() == c.min() ? 0.5 : (v - c.min()) / (c.max() - c.min());
  }

  private static double fromUnit(Choice c, double u) {
    u = Math.max(0, Math.min(1, u));
    double v = c.logScale()
        ? Math.exp(Math.log(c.min()) + u * (Math.log(c.max()) - Math.log(c.min())))
        : c.min() + u * (c.max() - c.min());
    return Math.max(c.min(), Math.min(c.max(), v));
  }

  private void cmaes(List<Integer> knobIdx, int cmaBudget, int totalBudget) {
    List<Integer> knobs = knobIdx.size() > 20 ? knobIdx.subList(0, 20) : knobIdx;
    int k = knobs.size();
    int population = 4 + (int) (3 * Math.log(k));
    int restart = 0;
    while (used < cmaBudget) {
      ChoiceSequence base = best.sequence();
      List<Choice> baseKnobs = new ArrayList<>();
      for (int i : knobs) {
        if (i >= base.size() || base.get(i).knob() == null) {
          return; // the structure moved under the knobs; leave it to the climber
        }
        baseKnobs.add(base.get(i));
      }
      double[] start = new double[k];
      for (int j = 0; j < k; j++) {
        start[j] = restart == 0 ? toUnit(baseKnobs.get(j)) : rng.nextDouble();
      }
      long[] baseRaws = base.raws();
      ObjectiveFunction f = new ObjectiveFunction(u -> {
        long[] raws = baseRaws.clone();
        for (int j = 0; j < k; j++) {
          raws[knobs.get(j)] = Double.doubleToRawLongBits(fromUnit(baseKnobs.get(j), u[j]));
        }
        TryResult<T> r = eval(raws, totalBudget);
        return r.hasScore() ? r.score() : Double.NEGATIVE_INFINITY;
      });
      double[] lower = new double[k];
      double[] upper = new double[k];
      double[] sigma = new double[k];
      java.util.Arrays.fill(upper, 1.0);
      java.util.Arrays.fill(sigma, 0.3);
      int remaining = cmaBudget - used;
      if (remaining < 2 * population) {
        return;
      }
      CMAESOptimizer opt = new CMAESOptimizer(remaining, 0, true, 0, 0,
          new Well19937c(seed + 7919L * restart), false, null);
      try {
        opt.optimize(new MaxEval(remaining), f, GoalType.MAXIMIZE, new InitialGuess(start),
            new SimpleBounds(lower, upper), new CMAESOptimizer.Sigma(sigma),
            new CMAESOptimizer.PopulationSize(population));
      } catch (MathIllegalStateException e) {
        // max evaluations reached: the restart is over
      }
      restart++;
      population *= 2;
    }
  }

  /** Mutation hill climbing from the best case; accepts equal scores so plateaus are crossed. */
  private void climb(int budget) {
    double[] scales = {0.1, 0.01, 1e-3, 1e-4, 1e-5};
    while (true) {
      ChoiceSequence base = best.sequence();
      if (base.size() == 0) {
        eval(new long[0], budget);
        continue;
      }
      long[] raws = base.raws();
      int mutations = 1 + (rng.nextInt(4) == 0 ? rng.nextInt(3) : 0);
      for (int m = 0; m < mutations; m++) {
        int i = rng.nextInt(base.size());
        Choice c = base.get(i);
        if (c.kind() == Choice.Kind.INT) {
          long v = c.raw();
          long nv = rng.nextInt(3) == 0
              ? (long) (c.min() + rng.nextDouble() * (c.max() - c.min() + 1))
              : v + (rng.nextBoolean() ? 1 : -1);
          raws[i] = (long) Math.max(c.min(), Math.min(c.max(), nv));
        } else {
          double v = c.doubleValue();
          if (!Double.isFinite(v)) {
            continue;
          }
          double u = toUnit(c) + gaussian() * scales[rng.nextInt(scales.length)];
          raws[i] = Double.doubleToRawLongBits(fromUnit(c, u));
        }
      }
      eval(raws, budget);
    }
  }

  private double gaussian() {
    // Box-Muller on the seeded stream; StrictMath keeps replays bit-identical across machines.
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }
}
