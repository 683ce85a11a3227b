package io.optcheck.method.plugin;

import io.optcheck.api.FiniteSumOracle;
import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import io.optcheck.method.IterateState;
import io.optcheck.method.Method;
import io.optcheck.method.MethodFailure;
import io.optcheck.method.MethodRefusal;
import io.optcheck.oracle.GradientOracle;
import io.optcheck.oracle.IndexOracle;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * A user's {@link Optimizer} as an optcheck {@link Method}, with guards. Every call into the
 * optimizer is a direct call on the caller's thread: no hand-off, so a step costs what the
 * optimizer costs plus the checks below. Time is not limited here: the command line runs a
 * plug-in in a supervised worker process that holds every try to a deadline, and the JUnit entry
 * points time-box each try (see {@code io.optcheck.run}). Each broken contract ends the run with an
 * error (a {@link MethodFailure}) whose message names the method id, the step, what went wrong
 * and how to fix it:
 * <ul>
 *   <li>the optimizer throws (the message names the exception type and message);
 *       {@link MethodRefusal} passes through as a refusal;</li>
 *   <li>it returns a null state, or a position that is null, of the wrong length, or has a NaN
 *       or infinite component;</li>
 *   <li>it modifies its input: x0 in {@code init} (it gets a copy, compared with the original
 *       afterwards), keeps a reference to x0's array, or changes the state passed to
 *       {@code step} (its position is compared before and after the step, bit for bit).</li>
 * </ul>
 * An exception thrown by optcheck's own oracle during a step (for example the runner's NaN
 * guard) is passed through unchanged.
 *
 * @param <U> the user's state type
 */
public final class PluginMethod<U> implements Method<PluginMethod.State<U>> {

    /** Marks messages about non-finite positions, so that the robustness property can read them. */
    public static final String NON_FINITE = "returned a non-finite position";

    /** The state: the user's state, a copy of its position, and the step count. */
    public static final class State<U> extends IterateState {
        private final U user;

        State(U user, double[] x, int t) {
            super(x, t);
            this.user = user;
        }

        /** The user's own state object. */
        public U user() {
            return user;
        }
    }

    private final String id;
    private final Optimizer<U> optimizer;

    PluginMethod(String id, Optimizer<U> optimizer) {
        this.id = id;
        this.optimizer = optimizer;
    }

    /** Wraps an optimizer (the unchecked cast is confined here). */
    @SuppressWarnings("unchecked")
    static PluginMethod<?> of(String id, Optimizer<?> optimizer) {
        return new PluginMethod<>(id, (Optimizer<Object>) optimizer);
    }

    @Override
    public String id() {
        return id;
    }

    /** The wrapped optimizer. */
    public Optimizer<U> optimizer() {
        return optimizer;
    }

    @Override
    public State<U> init(double[] x0) {
        if (x0 == null || x0.length == 0) {
            throw new IllegalArgumentException("x0 must be a non-empty array");
        }
        double[] original = x0.clone();
        double[] handed = x0.clone();
        Object[] out = guarded(0, "init", () -> {
            U s = optimizer.init(handed);
            double[] p = s == null ? null : optimizer.position(s);
            return new Object[] {s, p};
        });
        @SuppressWarnings("unchecked")
        U s = (U) out[0];
        if (s == null) {
            throw fail(0, "init returned null", "return the state at x0 from init");
        }
        if (!bitEqual(handed, original)) {
            throw fail(
                    0,
                    "init modified the x0 array it was given (" + firstDifference(handed, original) + ")",
                    "copy x0 before changing it (x0.clone())");
        }
        double[] p = checkPosition(0, "init", (double[]) out[1], original.length);
        // A state that keeps x0's array would change with it: scribble on the copy and look again.
        Arrays.fill(handed, Double.NaN);
        double[] again = guarded(0, "position", () -> optimizer.position(s));
        if (again == null || !bitEqual(again, p)) {
            throw fail(
                    0,
                    "the state from init keeps a reference to the x0 array (its position changed when that array was"
                            + " overwritten after init)",
                    "store x0.clone() in the state, not x0");
        }
        return new State<>(s, p, 0);
    }

    @Override
    public State<U> step(State<U> state, GradientOracle oracle) {
        int k = state.t() + 1;
        GuardedOracle o = oracle instanceof IndexOracle io ? new GuardedIndexOracle(io) : new GuardedOracle(oracle);
        Object[] out = guarded(k, "step", () -> {
            try {
                U next = optimizer.step(state.user, o);
                double[] before = optimizer.position(state.user);
                double[] after = next == null ? null : optimizer.position(next);
                return new Object[] {next, before, after};
            } catch (RuntimeException e) {
                if (o.passedThrough != null) {
                    throw new OracleFailure(o.passedThrough);
                }
                throw e;
            }
        });
        if (o.passedThrough != null) {
            throw o.passedThrough;
        }
        @SuppressWarnings("unchecked")
        U next = (U) out[0];
        if (next == null) {
            throw fail(k, "step returned null", "return the new state from step");
        }
        double[] before = (double[]) out[1];
        if (before == null || !bitEqual(before, state.x())) {
            throw fail(
                    k,
                    "step modified the state it was given (position(state) before the step was "
                            + Arrays.toString(state.x()) + ", after it " + Arrays.toString(before) + ")",
                    "return a new state object from step and leave the old one unchanged (copy arrays before updating them)");
        }
        double[] x = checkPosition(k, "step", (double[]) out[2], state.x().length);
        return new State<>(next, x, k);
    }

    /**
     * An independent copy of a state, through {@link Optimizer#copy}; its position must equal the
     * original's.
     *
     * @throws MethodFailure when the copy fails, hangs or has another position
     */
    public State<U> copy(State<U> state) {
        Object[] out = guarded(state.t(), "copy", () -> {
            U c = optimizer.copy(state.user);
            return new Object[] {c, c == null ? null : optimizer.position(c)};
        });
        @SuppressWarnings("unchecked")
        U c = (U) out[0];
        if (c == null) {
            throw fail(state.t(), "copy returned null", "return an independent copy of the state");
        }
        double[] p = (double[]) out[1];
        if (p == null || !bitEqual(p, state.x())) {
            throw fail(
                    state.t(),
                    "copy(state) has position " + Arrays.toString(p) + ", the state has " + Arrays.toString(state.x()),
                    "copy every field of the state");
        }
        return new State<>(c, p, state.t());
    }

    private double[] checkPosition(int k, String call, double[] p, int d) {
        if (p == null) {
            throw fail(k, "position(state) returned null after " + call, "return x_t as a double[] of length " + d);
        }
        if (p.length != d) {
            throw fail(
                    k,
                    "position(state) returned an array of length " + p.length + " after " + call + ", the dimension is "
                            + d,
                    "return x_t as a double[] of length " + d);
        }
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(p[i])) {
                throw fail(
                        k,
                        call + " " + NON_FINITE + ": x[" + i + "] = " + p[i] + " from finite inputs",
                        "guard the update against 0/0 and overflow (for example eps > 0 in a denominator). optcheck runs an"
                                + " optimizer only inside the ranges of PluggableOptimizer.hyperparameterRanges() (its defaults, such"
                                + " as eps in [0, 1e-2], for names not declared there), so these hyperparameters are ones the"
                                + " optimizer declares it supports; if it does not support them, declare the range it does");
            }
        }
        return p.clone();
    }

    private MethodFailure fail(int k, String what, String fix) {
        return new MethodFailure("method " + id + ", step " + k + ": " + what + ". Fix: " + fix + ".");
    }

    /**
     * Calls into the plug-in directly and turns what it throws into a {@link MethodFailure} naming
     * the call. Errors of the virtual machine (OutOfMemoryError, InternalError) pass through: they
     * end the process or the test, and the supervisor names them; a StackOverflowError is the
     * plug-in's own.
     */
    private <T> T guarded(int k, String call, Callable<T> body) {
        Throwable c;
        try {
            return body.call();
        } catch (VirtualMachineError e) {
            if (!(e instanceof StackOverflowError)) {
                throw e;
            }
            c = e;
        } catch (Throwable e) {
            c = e;
        }
        if (c instanceof MethodRefusal r) {
            throw r;
        }
        if (c instanceof OracleFailure of) {
            throw of.original;
        }
        throw fail(
                k,
                call + " threw " + describe(c),
                "fix the exception; throw io.optcheck.method.MethodRefusal instead when the method cannot proceed by design");
    }

    /**
     * The class and message of what a plug-in threw, and its cause when the throwable has no message
     * of its own (ExceptionInInitializerError, as a library whose native code is missing throws it,
     * carries only its cause).
     */
    static String describe(Throwable c) {
        String s = c.getClass().getName() + ": " + c.getMessage();
        if (c.getMessage() == null && c.getCause() != null) {
            s = c.getClass().getName() + " (caused by "
                    + c.getCause().getClass().getName() + ": " + c.getCause().getMessage() + ")";
        }
        return s;
    }

    private static boolean bitEqual(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static String firstDifference(double[] now, double[] was) {
        for (int i = 0; i < was.length; i++) {
            if (Double.doubleToRawLongBits(now[i]) != Double.doubleToRawLongBits(was[i])) {
                return String.format(Locale.ROOT, "x0[%d] was %s, became %s", i, was[i], now[i]);
            }
        }
        return "";
    }

    /** Carries an exception of optcheck's own oracle through the user's code unchanged. */
    private static final class OracleFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient RuntimeException original;

        OracleFailure(RuntimeException original) {
            super(original.getMessage(), original, false, false);
            this.original = original;
        }
    }

    /**
     * The user's view of the oracle: fresh arrays, dimension checks. Over an {@link IndexOracle}
     * it is a {@link FiniteSumOracle} ({@link GuardedIndexOracle}), which a finite-sum method needs.
     */
    private static class GuardedOracle implements Oracle {
        private final GradientOracle inner;
        volatile RuntimeException passedThrough;

        GuardedOracle(GradientOracle inner) {
            this.inner = inner;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        void requireLength(double[] x) {
            if (x == null || x.length != inner.dimension()) {
                throw new IllegalArgumentException("x must have length " + inner.dimension() + ", got "
                        + (x == null ? "null" : Integer.toString(x.length)));
            }
        }

        @Override
        public double value(double[] x) {
            requireLength(x);
            try {
                return inner.value(x);
            } catch (RuntimeException e) {
                passedThrough = e;
                throw new OracleFailure(e);
            }
        }

        @Override
        public double[] gradient(double[] x) {
            requireLength(x);
            double[] out = new double[x.length];
            try {
                inner.gradient(x, out);
            } catch (RuntimeException e) {
                passedThrough = e;
                throw new OracleFailure(e);
            }
            return out;
        }
    }

    /** The finite-sum view: per-example gradients and indices of the index oracle, guarded the same way. */
    private static final class GuardedIndexOracle extends GuardedOracle implements FiniteSumOracle {
        private final IndexOracle index;

        GuardedIndexOracle(IndexOracle index) {
            super(index);
            this.index = index;
        }

        @Override
        public int n() {
            return index.n();
        }

        @Override
        public double[] exampleGradient(int i, double[] x) {
            requireLength(x);
            if (i < 0 || i >= index.n()) {
                throw new IllegalArgumentException("example index " + i + " outside [0, " + index.n() + ")");
            }
            double[] out = new double[x.length];
            try {
                index.exampleGradient(i, x, out);
            } catch (RuntimeException e) {
                passedThrough = e;
                throw new OracleFailure(e);
            }
            return out;
        }

        @Override
        public int nextIndex(int bound) {
            if (bound < 1) {
                throw new IllegalArgumentException("nextIndex bound must be >= 1, got " + bound);
            }
            try {
                return index.nextIndex(bound);
            } catch (RuntimeException e) {
                passedThrough = e;
                throw new OracleFailure(e);
            }
        }
    }
}
