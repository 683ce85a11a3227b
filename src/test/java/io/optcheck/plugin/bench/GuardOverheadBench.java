package io.optcheck.plugin.bench;

import io.optcheck.method.Hyperparameters;
import io.optcheck.method.Method;
import io.optcheck.method.MethodState;
import io.optcheck.method.Runner;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.plugin.Optimizer;
import io.optcheck.plugin.Oracle;
import io.optcheck.plugin.PluginProvider;
import io.optcheck.plugin.SamplePlugins;
import io.optcheck.problem.Quadratic;
import java.util.Locale;

/**
 * Benchmark (a main, not a test): the same GD plug-in run (a) directly, calling its step function
 * in a loop on the same oracle, and (b) through the guarded adapter and the Runner, side by side
 * in one JVM, alternating, for dimensions 2 and 100. Prints ns per step and the ratio.
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
            java.util.Arrays.fill(x0, 1);
            Hyperparameters h = Hyperparameters.of("lr", 0.5);
            SamplePlugins.Gd plugin = new SamplePlugins.Gd();
            PluginProvider provider = PluginProvider.of(plugin);
            long direct = 0;
            long guarded = 0;
            long directCpu = 0;
            long guardedCpu = 0;
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
                if (rep >= 10) { // warm-up excluded
                    direct += t1 - t0;
                    guarded += t2 - t1;
                    directCpu += c1 - c0;
                    guardedCpu += c2 - c1;
                }
            }
            double n = 50.0 * steps;
            System.out.printf(Locale.ROOT, "d = %3d: wall: direct %.0f ns/step, guarded %.0f ns/step, ratio %.1f; "
                + "process CPU: direct %.0f ns/step, guarded %.0f ns/step, ratio %.1f (sink %s)%n", d,
                direct / n, guarded / n, (double) guarded / direct, directCpu / n, guardedCpu / n,
                (double) guardedCpu / directCpu, sink != 0);
        }
    }

    /** CPU time of the whole process (all threads, so the worker's share counts too). */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
            .getOperatingSystemMXBean()).getProcessCpuTime();
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

    private static <S extends MethodState> double guarded(Method<S> m, Quadratic q, double[] x0, int steps) {
        return Runner.run(m, new ExactOracle(q), x0, steps).x(steps)[0];
    }
}
