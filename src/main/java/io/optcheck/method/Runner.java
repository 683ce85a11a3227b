package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.oracle.IndexOracle;
import io.optcheck.problem.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Runs a {@link Method} for a number of steps and records a {@link Trajectory}.
 *
 * <p>A run ends early, keeping everything recorded before the failing step, when:
 * <ul>
 *   <li>the method throws {@link MethodRefusal}: status REFUSED with its reason;</li>
 *   <li>during step k an oracle value or gradient component is NaN or infinite (the step is
 *       aborted at that call), the new iterate has a non-finite component, the method reports a
 *       non-finite step size, the state's t is not the previous t + 1, or the method throws any
 *       other {@link RuntimeException}: status ERROR with a message naming step k and the
 *       quantity, or the exception's type and message;</li>
 *   <li>the {@link StopCondition} returns true after step k: status STOPPED, x_k kept.</li>
 * </ul>
 * Oracle call counts in the trajectory are those made during the run.
 */
public final class Runner {
    private Runner() {}

    /** The iterate after one step of {@code method} from {@code x}, with no trajectory recorded. */
    public static <S extends MethodState> double[] oneStep(Method<S> method, double[] x, GradientOracle oracle) {
        return method.step(method.init(x), oracle).x();
    }

    /** Runs {@code steps} steps from {@code x0} without a stop condition. */
    public static <S extends MethodState> Trajectory run(
            Method<S> method, GradientOracle oracle, double[] x0, int steps) {
        return run(method, oracle, x0, steps, StopCondition.NEVER);
    }

    /**
     * Runs up to {@code steps} steps from {@code method.init(x0)}.
     *
     * @throws IllegalArgumentException if x0 has the wrong length or a non-finite component, or
     *     steps &lt; 0 (caller errors, not run outcomes)
     */
    public static <S extends MethodState> Trajectory run(
            Method<S> method, GradientOracle oracle, double[] x0, int steps, StopCondition stop) {
        return start(method, oracle, x0, steps, stop, false);
    }

    /**
     * {@link #run(Method, GradientOracle, double[], int, StopCondition)} in memory independent of
     * the number of steps: every step is handed to {@code stop} as it is produced (check there),
     * and the trajectory keeps only x_0, the last iterate and the last step size
     * ({@link Trajectory#streamed()}). Same iterates, same ending.
     */
    public static <S extends MethodState> Trajectory stream(
            Method<S> method, GradientOracle oracle, double[] x0, int steps, StopCondition stop) {
        return start(method, oracle, x0, steps, stop, true);
    }

    private static <S extends MethodState> Trajectory start(
            Method<S> method, GradientOracle oracle, double[] x0, int steps, StopCondition stop, boolean streamed) {
        Objects.requireNonNull(oracle, "oracle");
        Vectors.requireLength(x0, oracle.dimension(), "x0");
        S start;
        try {
            start = method.init(x0);
        } catch (MethodFailure e) {
            // A method that fails to start (a plug-in that modified x0) ends the run at step 0.
            return new Trajectory(
                    method.id(),
                    List.of(x0.clone()),
                    new double[0],
                    0,
                    0,
                    steps,
                    0,
                    new Trajectory.Failed(e.getMessage(), 0),
                    null);
        }
        return resume(method, oracle, start, steps, stop, streamed);
    }

    /**
     * Runs up to {@code steps} steps starting from an existing state (x(0) of the trajectory is
     * {@code start.x()}). Running T1 steps and then resuming from the final state for T2 steps
     * gives the same iterates as one run of T1 + T2 steps, for a deterministic oracle.
     *
     * @throws IllegalArgumentException if the start iterate has the wrong length or a
     *     non-finite component, or steps &lt; 0
     */
    public static <S extends MethodState> Trajectory resume(
            Method<S> method, GradientOracle oracle, S start, int steps, StopCondition stop) {
        return resume(method, oracle, start, steps, stop, false);
    }

    private static <S extends MethodState> Trajectory resume(
            Method<S> method, GradientOracle oracle, S start, int steps, StopCondition stop, boolean streamed) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(oracle, "oracle");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stop, "stop");
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        double[] x0 = start.x();
        Vectors.requireLength(x0, oracle.dimension(), "start x");
        int bad = Vectors.firstNonFinite(x0);
        if (bad >= 0) {
            throw new IllegalArgumentException("start x[" + bad + "] is not finite: " + x0[bad]);
        }
        long v0 = oracle.valueCalls();
        long g0 = oracle.gradientCalls();
        // A finite-sum oracle stays one, so SVRG, SAGA and FedAvg run here like every other method.
        FiniteCheckingOracle checked =
                oracle instanceof IndexOracle io ? new FiniteCheckingIndexOracle(io) : new FiniteCheckingOracle(oracle);
        List<double[]> iterates = new ArrayList<>();
        iterates.add(x0);
        double[] stepSizes = new double[streamed ? 1 : steps];
        Arrays.fill(stepSizes, Double.NaN);
        int recorded = 0;
        S state = start;
        Trajectory.Ending ending = new Trajectory.Completed();
        for (int k = 1; k <= steps; k++) {
            checked.step = k;
            S next;
            try {
                next = method.step(state, checked);
            } catch (NonFinite e) {
                ending = new Trajectory.Failed(e.getMessage(), k);
                break;
            } catch (MethodRefusal r) {
                ending = new Trajectory.Refused(r.reason(), k);
                break;
            } catch (MethodFailure e) {
                ending = new Trajectory.Failed(e.getMessage(), k);
                break;
            } catch (RuntimeException e) {
                ending = new Trajectory.Failed(
                        "step " + k + ": method threw " + e.getClass().getName() + ": " + e.getMessage(), k);
                break;
            }
            if (next == null) {
                ending = new Trajectory.Failed("step " + k + ": method returned null state", k);
                break;
            }
            if (next.t() != state.t() + 1) {
                ending = new Trajectory.Failed(
                        "step " + k + ": method reported t = " + next.t() + ", expected " + (state.t() + 1), k);
                break;
            }
            double[] x = next.x();
            if (x == null || x.length != x0.length) {
                ending = new Trajectory.Failed("step " + k + ": iterate has wrong length", k);
                break;
            }
            int i = Vectors.firstNonFinite(x);
            if (i >= 0) {
                ending = new Trajectory.Failed("step " + k + ": iterate x_" + k + "[" + i + "] is " + x[i], k);
                break;
            }
            OptionalDouble s = next.stepSize();
            if (s.isPresent() && !Double.isFinite(s.getAsDouble())) {
                ending = new Trajectory.Failed("step " + k + ": reported step size is " + s.getAsDouble(), k);
                break;
            }
            stepSizes[streamed ? 0 : k - 1] = s.orElse(Double.NaN);
            double[] previous = iterates.get(iterates.size() - 1);
            if (streamed && iterates.size() == 2) {
                iterates.set(1, x);
            } else {
                iterates.add(x);
            }
            recorded = k;
            state = next;
            if (stop.stop(k, previous.clone(), x.clone())) {
                ending = new Trajectory.Stopped(k);
                break;
            }
        }
        if (streamed) {
            return new Trajectory(
                    method.id(),
                    iterates,
                    recorded == 0 ? new double[0] : stepSizes,
                    oracle.valueCalls() - v0,
                    oracle.gradientCalls() - g0,
                    steps,
                    start.t(),
                    ending,
                    state,
                    recorded,
                    true);
        }
        return new Trajectory(
                method.id(),
                iterates,
                Arrays.copyOf(stepSizes, recorded),
                oracle.valueCalls() - v0,
                oracle.gradientCalls() - g0,
                steps,
                start.t(),
                ending,
                state);
    }

    /** Aborts a step at the first non-finite oracle result. */
    private static final class NonFinite extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NonFinite(String message) {
            super(message, null, false, false);
        }
    }

    private static class FiniteCheckingOracle implements GradientOracle {
        private final GradientOracle inner;
        int step;

        FiniteCheckingOracle(GradientOracle inner) {
            this.inner = inner;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double value(double[] x) {
            double v = inner.value(x);
            if (!Double.isFinite(v)) {
                throw new NonFinite("step " + step + ": objective value is " + v);
            }
            return v;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            inner.gradient(x, out);
            requireFinite("gradient", out);
        }

        @Override
        public long valueCalls() {
            return inner.valueCalls();
        }

        @Override
        public long gradientCalls() {
            return inner.gradientCalls();
        }

        /** Aborts the step when {@code out} has a non-finite component. */
        void requireFinite(String what, double[] out) {
            int i = Vectors.firstNonFinite(out);
            if (i >= 0) {
                throw new NonFinite("step " + step + ": " + what + " component " + i + " is " + out[i]);
            }
        }
    }

    /** The same checks on a finite-sum oracle, whose per-example gradients and indices pass through. */
    private static final class FiniteCheckingIndexOracle extends FiniteCheckingOracle implements IndexOracle {
        private final IndexOracle inner;

        FiniteCheckingIndexOracle(IndexOracle inner) {
            super(inner);
            this.inner = inner;
        }

        @Override
        public int n() {
            return inner.n();
        }

        @Override
        public void exampleGradient(int i, double[] x, double[] out) {
            inner.exampleGradient(i, x, out);
            requireFinite("per-example gradient " + i, out);
        }

        @Override
        public int nextIndex(int bound) {
            return inner.nextIndex(bound);
        }
    }
}
