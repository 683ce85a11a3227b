package io.optcheck.theory.sgd.schedules;

import io.optcheck.api.Hyperparameters;
import io.optcheck.method.Method;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.MethodState;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.NoisyOracle;
import io.optcheck.problem.Objective;
import io.optcheck.theory.DeclaredRanges;
import io.optcheck.theory.stat.ExpectationCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.hipparchus.random.Well512a;

/**
 * Helpers for the schedule theorems: one SGD run through the framework's {@link Runner} (the
 * seeds of the R runs of an expectation come from {@link io.optcheck.theory.stat.Seeds}), the
 * hyperparameters of a schedule, and the checkpoints 1, 2, 4, ... The checker reads only the
 * iterates x_t and recomputes everything from the objective.
 */
final class SgdRuns {

    private SgdRuns() {}

    /** The hyperparameters of SGD eta_t = a/(t + b)^p. */
    static Hyperparameters schedule(double a, double b, double p) {
        return Hyperparameters.of("a", a).with("b", b).with("p", p);
    }

    /**
     * The samples X(x_t) at {@code checkpoints[from..to)} from R seeded runs of
     * {@code checkpoints[to - 1]} steps each: samples[k - from][r]. Run r uses the seed
     * {@link ExpectationCheck#sample} gives it, so a later stage (a longer run with the same key and
     * salt) repeats the same runs and extends them: the checkpoints of all stages are samples of
     * the same R runs, as if each run had been made once to the end. Checking in stages lets an
     * evaluation stop after 1 step when the first checkpoint already decides (a violation found
     * by the search, the teeth and power tests), instead of paying for every step of every run.
     * A run that ends early (non-finite iterate) gives +Infinity from there on. Each run draws its
     * noise from a Well512a seeded with its seed (seeding Well19937c costs more than a short run).
     */
    static double[][] sample(
            ExpectationCheck ec,
            long key,
            long salt,
            MethodProvider provider,
            Hyperparameters hp,
            Objective f,
            NoisyOracle.Noise noise,
            double[] x0,
            int[] checkpoints,
            int from,
            int to,
            ToDoubleFunction<double[]> measure) {
        int steps = checkpoints[to - 1];
        return ec.sample(key, salt, to - from, (seed, out) -> {
            Trajectory tr = runOnce(
                    DeclaredRanges.create(provider, hp), new NoisyOracle(f, noise, new Well512a(seed)), x0, steps);
            for (int k = from; k < to; k++) {
                out[k - from] = checkpoints[k] <= tr.steps()
                        ? measure.applyAsDouble(tr.x(checkpoints[k]))
                        : Double.POSITIVE_INFINITY;
            }
        });
    }

    /** The stage boundaries (indices into the checkpoints 1, 2, 4, ..., 64): {1}, {2, 4, 8}, {16, 32, 64}. */
    static int[] stageEnds(int[] checkpoints) {
        List<Integer> ends = new ArrayList<>();
        for (int k = 0; k < checkpoints.length; k++) {
            if (checkpoints[k] == 1 || checkpoints[k] == 8 || k == checkpoints.length - 1) {
                ends.add(k + 1);
            }
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    /** One run of {@code steps} steps (the trajectory keeps every iterate). */
    static Trajectory runOnce(Method<?> method, NoisyOracle oracle, double[] x0, int steps) {
        return runTyped(method, oracle, x0, steps);
    }

    private static <S extends MethodState> Trajectory runTyped(
            Method<S> method, NoisyOracle oracle, double[] x0, int steps) {
        return Runner.run(method, oracle, x0, steps);
    }

    /** 1, 2, 4, ..., up to and including {@code last} (added when not a power of 2). */
    static int[] doublingCheckpoints(int last) {
        List<Integer> l = new ArrayList<>();
        for (int t = 1; t < last; t *= 2) {
            l.add(t);
        }
        l.add(last);
        return l.stream().mapToInt(Integer::intValue).toArray();
    }
}
