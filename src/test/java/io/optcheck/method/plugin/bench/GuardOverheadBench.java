package io.optcheck.method.plugin.bench;

import com.sun.management.OperatingSystemMXBean;
import io.optcheck.api.Hyperparameters;
import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import io.optcheck.method.Method;
import io.optcheck.method.MethodState;
import io.optcheck.method.Runner;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.method.plugin.SamplePlugins;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Quadratic;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Benchmark (a main, not a test): the same GD plug-in run (a) directly, calling its step function
 * in a loop on the same oracle, (b) through the guarded adapter and the Runner, as the checks run
 * it now (direct calls, inside the worker process or the JUnit time box), and (c) the old path:
 * the same guard with every step handed to another thread and time-boxed ({@link LegacyHandOff}),
 * side by side in one JVM, alternating, for dimensions 2 and 100. Prints ns per step and the
 * ratios to the direct loop.
 */
public final class GuardOverheadBench {

    public static void main(String[] args) {
        int steps = 2000;
        for (int d : new int[] {2, 100}) {
            double[] lambda = new double[d];
            for (int i = 0; i < d; i++) {
                lambda[i] = 1.0 / (i + 1);
            }
            Quadratic q = Quadratic.diagonal(lambda);
            double[] x0 = new double[d];
            Arrays.fill(x0, 1);
            Hyperparameters h = Hyperparameters.of("lr", 0.5);
            SamplePlugins.Gd plugin = new SamplePlugins.Gd();
            PluginProvider provider = PluginProvider.of(plugin);
            long direct = 0;
            long guarded = 0;
            long old = 0;
            long directCpu = 0;
            long guardedCpu = 0;
            long oldCpu = 0;
            double sink = 0;
            for (int rep = 0; rep < 60; rep++) {
                long c0 = cpu();
                long t0 = System.nanoTime();
                sink += direct(plugin.create(h), q, x0, steps);
                long t1 = System.nanoTime();
                long c1 = cpu();
                sink += guarded(provider.create(h), q, x0, steps);
                long t2 = System.nanoTime();
                long c2 = cpu();
                sink += guarded(handedOff(provider.create(h)), q, x0, steps);
                long t3 = System.nanoTime();
                long c3 = cpu();
                if (rep >= 10) { // warm-up excluded
                    direct += t1 - t0;
                    guarded += t2 - t1;
                    old += t3 - t2;
                    directCpu += c1 - c0;
                    guardedCpu += c2 - c1;
                    oldCpu += c3 - c2;
                }
            }
            double n = 50.0 * steps;
            System.out.printf(
                    Locale.ROOT,
                    "d = %3d: wall ns/step: direct %.0f, guarded now %.0f (%.1fx), old hand-off"
                            + " path %.0f (%.1fx); process CPU ns/step: direct %.0f, guarded now %.0f (%.1fx), old %.0f (%.1fx)"
                            + " (sink %s)%n",
                    d,
                    direct / n,
                    guarded / n,
                    (double) guarded / direct,
                    old / n,
                    (double) old / direct,
                    directCpu / n,
                    guardedCpu / n,
                    (double) guardedCpu / directCpu,
                    oldCpu / n,
                    (double) oldCpu / directCpu,
                    sink != 0);
        }
    }

    /** CPU time of the whole process (all threads, so the worker's share counts too). */
    private static long cpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @SuppressWarnings("unchecked")
    private static double direct(Optimizer<?> o, Quadratic q, double[] x0, int steps) {
        Optimizer<Object> opt = (Optimizer<Object>) o;
        ExactOracle exact = new ExactOracle(q);
        Oracle oracle = new Oracle() {
            @Override
            public int dimension() {
                return q.dimension();
            }

            @Override
            public double value(double[] x) {
                return exact.value(x);
            }

            @Override
            public double[] gradient(double[] x) {
                double[] g = new double[x.length];
                exact.gradient(x, g);
                return g;
            }
        };
        Object s = opt.init(x0.clone());
        for (int k = 0; k < steps; k++) {
            s = opt.step(s, oracle);
        }
        return opt.position(s)[0];
    }

    /** The old path: every call into the guarded method handed to a worker thread with a 10 s deadline. */
    private static <S extends MethodState> Method<S> handedOff(Method<S> m) {
        return new Method<S>() {
            @Override
            public String id() {
                return m.id();
            }

            @Override
            public S init(double[] x0) {
                return call(() -> m.init(x0));
            }

            @Override
            public S step(S state, GradientOracle oracle) {
                return call(() -> m.step(state, oracle));
            }

            @SuppressWarnings("unchecked")
            private S call(Callable<S> body) {
                LegacyHandOff.Outcome o = LegacyHandOff.call(body, 10_000_000_000L);
                if (o.error instanceof RuntimeException e) {
                    throw e;
                }
                if (o.error != null || o.timedOut) {
                    throw new IllegalStateException("hand-off failed", o.error);
                }
                return (S) o.value;
            }
        };
    }

    private static <S extends MethodState> double guarded(Method<S> m, Quadratic q, double[] x0, int steps) {
        return Runner.run(m, new ExactOracle(q), x0, steps).x(steps)[0];
    }
}
