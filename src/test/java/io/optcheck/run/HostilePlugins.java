package io.optcheck.run;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import io.optcheck.api.PluggableOptimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plug-ins that attack the process that checks them, each a gradient descent whose step does one
 * hostile thing: end the JVM with exit code 0 or 3, hang in a busy loop, allocate without end,
 * throw, or return NaN. Used by the command-line tests (each beside a well-behaved plug-in) and
 * for the figures in the README.
 */
public final class HostilePlugins {

    private HostilePlugins() {}

    /** GD with a step that misbehaves; subclasses say how. */
    abstract static class HostileGd implements PluggableOptimizer {
        private final String id;

        HostileGd(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public MethodKind kind() {
            return MethodKind.GD;
        }

        /** The hostile act; returns the position to return (for NaN) or does not return. */
        abstract double[] misbehave(double[] x);

        @Override
        public Optimizer<?> create(Hyperparameters h) {
            double lr = h.get("lr");
            return new Optimizer<double[]>() {
                @Override
                public double[] init(double[] x0) {
                    return x0.clone();
                }

                @Override
                public double[] step(double[] x, Oracle o) {
                    double[] g = o.gradient(x);
                    double[] n = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        n[i] = x[i] - lr * g[i];
                    }
                    return misbehave(n);
                }

                @Override
                public double[] position(double[] x) {
                    return x.clone();
                }
            };
        }
    }

    /** Calls System.exit(0) in its first step: without isolation the gate "passed" with no report. */
    public static final class ExitsZero extends HostileGd {
        public ExitsZero() {
            super("hostile.exit0");
        }

        @Override
        double[] misbehave(double[] x) {
            System.exit(0);
            return x;
        }
    }

    /** Calls System.exit(3) in its first step. */
    public static final class ExitsThree extends HostileGd {
        public ExitsThree() {
            super("hostile.exit3");
        }

        @Override
        double[] misbehave(double[] x) {
            System.exit(3);
            return x;
        }
    }

    /** Spins forever in its first step, ignoring interrupts. */
    public static final class Hangs extends HostileGd {
        static volatile long spins;

        public Hangs() {
            super("hostile.hang");
        }

        @Override
        double[] misbehave(double[] x) {
            for (; ; ) {
                spins++;
            }
        }
    }

    /** Keeps every array it allocates, until the heap is exhausted. */
    public static final class ExhaustsMemory extends HostileGd {
        static final List<long[]> KEPT = new ArrayList<>();

        public ExhaustsMemory() {
            super("hostile.oom");
        }

        @Override
        double[] misbehave(double[] x) {
            for (; ; ) {
                KEPT.add(new long[1 << 20]);
            }
        }
    }

    /** Throws an IllegalStateException in every step. */
    public static final class Throws extends HostileGd {
        public Throws() {
            super("hostile.throw");
        }

        @Override
        double[] misbehave(double[] x) {
            throw new IllegalStateException("hostile plug-in: thrown on purpose");
        }
    }

    /** Returns NaN in every component from every step. */
    public static final class ReturnsNaN extends HostileGd {
        public ReturnsNaN() {
            super("hostile.nan");
        }

        @Override
        double[] misbehave(double[] x) {
            double[] n = x.clone();
            Arrays.fill(n, Double.NaN);
            return n;
        }
    }

    /** A well-behaved GD whose id carries control characters (ESC, CR, LF): the terminal must not see them raw. */
    public static final class ControlCharacterId extends HostileGd {
        public ControlCharacterId() {
            super("evil\u001b[2K\rgate: passed\nid");
        }

        @Override
        double[] misbehave(double[] x) {
            return x;
        }
    }

    /** A well-behaved GD that claims the id of SamplePlugins.Gd ("sample-gd"). */
    public static final class SampleGdId extends HostileGd {
        public SampleGdId() {
            super("sample-gd");
        }

        @Override
        double[] misbehave(double[] x) {
            return x;
        }
    }

    /** A well-behaved GD that claims the built-in method id "gd". */
    public static final class BuiltInGdId extends HostileGd {
        public BuiltInGdId() {
            super("gd");
        }

        @Override
        double[] misbehave(double[] x) {
            return x;
        }
    }
    /**
     * Cannot even be built: create() fails as a library whose class initializer failed does (an
     * ND4J updater whose native backend is missing throws ExceptionInInitializerError from Nd4j's
     * class initializer). An Error, not an exception: the command line calls create() in its own
     * process to list what applies, and must not end there.
     */
    public static final class CannotBeBuilt implements PluggableOptimizer {
        @Override
        public String id() {
            return "hostile.cannot-be-built";
        }

        @Override
        public MethodKind kind() {
            return MethodKind.GD;
        }

        @Override
        public Optimizer<?> create(Hyperparameters h) {
            throw new ExceptionInInitializerError(new IllegalStateException("hostile plug-in: no native backend"));
        }
    }

    /** Built, but its init() fails as {@link CannotBeBuilt}'s create() does. */
    public static final class InitFails extends HostileGd {
        public InitFails() {
            super("hostile.init-fails");
        }

        @Override
        public Optimizer<?> create(Hyperparameters h) {
            return new Optimizer<Object>() {
                @Override
                public Object init(double[] x0) {
                    throw new ExceptionInInitializerError(
                            new IllegalStateException("hostile plug-in: no native backend"));
                }

                @Override
                public Object step(Object state, Oracle oracle) {
                    throw new AssertionError("never reached");
                }

                @Override
                public double[] position(Object state) {
                    throw new AssertionError("never reached");
                }
            };
        }

        @Override
        double[] misbehave(double[] x) {
            return x;
        }
    }
}
