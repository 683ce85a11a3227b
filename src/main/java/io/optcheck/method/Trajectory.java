package io.optcheck.method;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The record of one run: iterates x_0..x_T (x_0 is the start, x_t the iterate after t steps),
 * the step sizes the method reported, oracle call counts, and how the run ended. It holds no
 * values or gradients computed by the method: checkers recompute f and grad f themselves.
 *
 * <p>Indices are local to the run: x(0) is the state the run started from, even when it was
 * resumed from a state with {@code t() > 0} (see {@link #startT()}). Immutable; accessors copy.
 */
public final class Trajectory {

    /** How a run ended. */
    public enum Status {
        COMPLETED,
        STOPPED,
        REFUSED,
        ERROR
    }

    /** How a run ended, with details. */
    public sealed interface Ending permits Completed, Stopped, Refused, Failed {
        /** The status of this ending. */
        Status status();
    }

    /** All requested steps were taken. */
    public record Completed() implements Ending {
        @Override
        public Status status() {
            return Status.COMPLETED;
        }
    }

    /** The stop condition returned true after {@code step} steps; x_step is recorded. */
    public record Stopped(int step) implements Ending {
        @Override
        public Status status() {
            return Status.STOPPED;
        }
    }

    /**
     * The method threw {@link MethodRefusal} while attempting step {@code step} (which would have
     * produced x_step); x_0..x_{step-1} are recorded.
     */
    public record Refused(String reason, int step) implements Ending {
        @Override
        public Status status() {
            return Status.REFUSED;
        }
    }

    /**
     * Step {@code step} failed: a non-finite oracle result or iterate, or an exception from the
     * method. x_0..x_{step-1} are recorded; the message names the step and the quantity, or the
     * exception type and message.
     */
    public record Failed(String message, int step) implements Ending {
        @Override
        public Status status() {
            return Status.ERROR;
        }
    }

    private final String methodId;
    private final double[][] iterates;
    private final double[] stepSizes;
    private final long valueCalls;
    private final long gradientCalls;
    private final int requestedSteps;
    private final int startT;
    private final Ending ending;
    private final MethodState finalState;
    /** Steps run; for a streamed run (only x_0 and the last iterate kept) not iterates.length - 1. */
    private final int steps;

    private final boolean streamed;

    Trajectory(
            String methodId,
            List<double[]> iterates,
            double[] stepSizes,
            long valueCalls,
            long gradientCalls,
            int requestedSteps,
            int startT,
            Ending ending,
            MethodState finalState) {
        this(
                methodId,
                iterates,
                stepSizes,
                valueCalls,
                gradientCalls,
                requestedSteps,
                startT,
                ending,
                finalState,
                iterates.size() - 1,
                false);
    }

    /**
     * A streamed run ({@link Runner#stream}) keeps x_0 and x_steps only ({@code iterates} holds
     * those two, or one for a run of 0 steps) and the last step size.
     */
    Trajectory(
            String methodId,
            List<double[]> iterates,
            double[] stepSizes,
            long valueCalls,
            long gradientCalls,
            int requestedSteps,
            int startT,
            Ending ending,
            MethodState finalState,
            int steps,
            boolean streamed) {
        this.steps = steps;
        this.streamed = streamed;
        this.methodId = methodId;
        this.iterates = iterates.toArray(new double[0][]);
        this.stepSizes = stepSizes;
        this.valueCalls = valueCalls;
        this.gradientCalls = gradientCalls;
        this.requestedSteps = requestedSteps;
        this.startT = startT;
        this.ending = Objects.requireNonNull(ending);
        this.finalState = finalState;
    }

    /** The method's id. */
    public String methodId() {
        return methodId;
    }

    /** The number of steps recorded, T: iterates x_0..x_T exist. */
    public int steps() {
        return steps;
    }

    /** True for a streamed run: only x_0 and the last iterate (and the last step size) were kept. */
    public boolean streamed() {
        return streamed;
    }

    private int index(int t) {
        if (!streamed) {
            return t;
        }
        if (t == 0) {
            return 0;
        }
        if (t == steps) {
            return iterates.length - 1;
        }
        throw new IllegalStateException("a streamed run keeps x_0 and x_" + steps + " only, not x_" + t
                + "; check per step in the run's StopCondition, or record with Runner.run");
    }

    /** The number of steps that were requested. */
    public int requestedSteps() {
        return requestedSteps;
    }

    /** The dimension of the iterates. */
    public int dimension() {
        return iterates[0].length;
    }

    /** {@code t()} of the state the run started from (0 for a run from init). */
    public int startT() {
        return startT;
    }

    /**
     * A copy of x_t.
     *
     * @throws IndexOutOfBoundsException unless 0 &lt;= t &lt;= steps()
     */
    public double[] x(int t) {
        if (t < 0 || t > steps) {
            throw new IndexOutOfBoundsException("iterate " + t + " not in [0, " + steps + "]");
        }
        return iterates[index(t)].clone();
    }

    /** A deep copy of all iterates x_0..x_T; not for a streamed run. */
    public double[][] iterates() {
        if (streamed) {
            throw new IllegalStateException(
                    "a streamed run keeps x_0 and x_" + steps + " only; record with Runner.run");
        }
        double[][] c = new double[iterates.length][];
        for (int i = 0; i < iterates.length; i++) {
            c[i] = iterates[i].clone();
        }
        return c;
    }

    /**
     * The step size the method reported for step t (from x_{t-1} to x_t), if any.
     *
     * @throws IndexOutOfBoundsException unless 1 &lt;= t &lt;= steps()
     */
    public OptionalDouble stepSize(int t) {
        if (t < 1 || t > steps()) {
            throw new IndexOutOfBoundsException("step " + t + " not in [1, " + steps() + "]");
        }
        double s = streamed ? (t == steps ? stepSizes[0] : Double.NaN) : stepSizes[t - 1];
        if (streamed && t != steps) {
            index(t);
        }
        return Double.isNaN(s) ? OptionalDouble.empty() : OptionalDouble.of(s);
    }

    /** Oracle value calls made during this run. */
    public long valueCalls() {
        return valueCalls;
    }

    /** Oracle gradient calls made during this run. */
    public long gradientCalls() {
        return gradientCalls;
    }

    /** How the run ended. */
    public Ending ending() {
        return ending;
    }

    /** Shorthand for {@code ending().status()}. */
    public Status status() {
        return ending.status();
    }

    /**
     * The last good state (the one whose iterate is x_T); can be passed to
     * {@link Runner#resume} to continue the run.
     */
    public MethodState finalState() {
        return finalState;
    }

    @Override
    public String toString() {
        return "trajectory of " + methodId + ": " + steps() + "/" + requestedSteps + " steps, " + ending;
    }
}
