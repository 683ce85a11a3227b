package io.optcheck.oracle;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/**
 * Records what an oracle answered, in call order, and plays the same answers back to a second
 * method: "open loop" comparison. Two implementations of one update rule fed the SAME gradient
 * sequence differ only by the rounding of their own arithmetic; compared in closed loop (each on
 * its own iterates) a last-bit difference is fed back through the objective and can be amplified
 * without bound where the update is ill-conditioned (e.g. RMSProp at |g| near eps).
 *
 * <p>{@link #recorder()} wraps the live oracle and records every gradient it returns;
 * {@link #player()} answers each gradient call with the next recorded gradient, whatever point it
 * is asked at. Values are not recorded: the player answers them from the live oracle (no update
 * rule of a declared kind uses them, and a method may evaluate f for its own logging). Asking the
 * player for more gradients than were recorded throws {@link IllegalStateException} naming the
 * call: the two methods did not make the same calls. Not thread-safe.
 */
public final class GradientTape {

    private final GradientOracle live;
    private final ArrayDeque<double[]> answers = new ArrayDeque<>();
    private long played;

    public GradientTape(GradientOracle live) {
        this.live = Objects.requireNonNull(live, "live");
    }

    /** The live oracle, recording every answer. */
    public GradientOracle recorder() {
        return new Side() {
            @Override
            void answer(double[] x, double[] out) {
                live.gradient(x, out);
                answers.add(out.clone());
            }
        };
    }

    /** An oracle answering with the recorded answers, in order. */
    public GradientOracle player() {
        return new Side() {
            @Override
            void answer(double[] x, double[] out) {
                double[] g = next();
                if (g.length != out.length) {
                    throw new IllegalArgumentException(
                            "out has length " + out.length + ", recorded gradient " + g.length);
                }
                System.arraycopy(g, 0, out, 0, g.length);
            }
        };
    }

    /**
     * One side of the tape: the live oracle's dimension and values, its own call counters, and a
     * gradient that {@link #answer} gives (each counter raised before the call it counts runs).
     */
    private abstract class Side implements GradientOracle {
        private long values;
        private long gradients;

        abstract void answer(double[] x, double[] out);

        @Override
        public int dimension() {
            return live.dimension();
        }

        @Override
        public double value(double[] x) {
            values++;
            return live.value(x);
        }

        @Override
        public void gradient(double[] x, double[] out) {
            gradients++;
            answer(x, out);
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

    /** The number of recorded gradients not yet played back. */
    public int pending() {
        return answers.size();
    }

    private double[] next() {
        played++;
        double[] a = answers.poll();
        if (a == null) {
            throw new IllegalStateException(
                    "gradient call " + played + " of the replaying method has no recorded answer: "
                            + "the recorded method made only " + (played - 1) + " gradient calls so far");
        }
        return Arrays.copyOf(a, a.length);
    }
}
