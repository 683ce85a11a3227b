package io.optcheck.run.bench;

import io.optcheck.method.GradientDescent;
import io.optcheck.method.Runner;
import io.optcheck.method.StopCondition;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.Logistic;
import io.optcheck.prop.Property;
import io.optcheck.result.Result;
import io.optcheck.run.CatalogRun;
import io.optcheck.run.CostTable;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Spec;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Speed and scale of a catalog run, printed side by side in one JVM (a benchmark, not a test;
 * the machine it runs on may be shared, so compare the ratios, not the seconds):
 * <ol>
 *   <li>the built-in catalog at a depth ({@code quick}, {@code ci} or {@code full}) on 1 and on 2
 *       threads: wall time, the speed-up, peak heap, and whether the results are equal;</li>
 *   <li>time against tries (x1, x2, x4) for a few regimes;</li>
 *   <li>heap held by a 2^14 .. 2^20-step GD run on a logistic objective (the run of
 *       gd.logistic-max-margin), recorded ({@link Runner#run}) against streamed
 *       ({@link Runner#stream}, what the checks use).</li>
 * </ol>
 * <pre>
 * mvn -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.optcheck.run.bench.RunScaleBench -Dexec.args="quick"
 * </pre>
 */
public final class RunScaleBench {

    private RunScaleBench() {}

    public static void main(String[] args) {
        String depth = args.length > 0 ? args[0] : "quick";
        PrintStream out = System.out;
        RunSettings base = switch (depth) {
            case "quick" -> new RunSettings(RunSettings.Depth.QUICK, 0, Property.DEFAULT_SEED, true);
            case "ci" -> RunSettings.ci();
            case "full" -> RunSettings.full();
            default -> throw new IllegalArgumentException("depth is quick, ci or full, got " + depth);
        };
        List<Theorem<?>> all = Catalog.builtIn().theorems();
        out.printf(
                Locale.ROOT,
                "cores %d, max heap %d MB, depth %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                depth);

        // 1. The built-in catalog at 1 and 2 threads.
        List<Result> one = null;
        double t1 = 0;
        for (int threads : new int[] {1, 2}) {
            resetPeaks();
            long t0 = System.nanoTime();
            List<Result> res = run(all, base, threads, 0);
            double s = (System.nanoTime() - t0) / 1e9;
            long peak = peakHeap();
            String same = "";
            if (one == null) {
                one = res;
                t1 = s;
            } else {
                same = String.format(
                        Locale.ROOT,
                        ", speed-up %.2fx, results equal to 1 thread (durations aside): %b",
                        t1 / s,
                        strip(res).equals(strip(one)));
            }
            out.printf(
                    Locale.ROOT,
                    "catalog (%d results) on %d thread(s): %.1f s, peak heap %d MB%s%n",
                    res.size(),
                    threads,
                    s,
                    peak >> 20,
                    same);
        }

        // 2. Time against tries.
        List<Theorem<?>> few = all.stream()
                .filter(t -> List.of("gd.descent-lemma", "gd.strongly-convex-rate", "gd.armijo")
                        .contains(t.id()))
                .toList();
        double first = 0;
        for (int mult : new int[] {1, 2, 4}) {
            long t0 = System.nanoTime();
            List<Result> res = run(few, base, 1, 100 * mult);
            double s = (System.nanoTime() - t0) / 1e9;
            first = mult == 1 ? s : first;
            out.printf(
                    Locale.ROOT,
                    "tries x%d (%d per regime, %d regimes, 1 thread): %.2f s (%.2fx of x1)%n",
                    mult,
                    100 * mult,
                    res.size(),
                    s,
                    s / first);
        }

        // 3. Heap held against steps, GD on a separable logistic problem with eta = 1.
        Logistic f = new Logistic(new double[][] {{1, 0.5}, {0.8, -0.2}, {0.3, 1.1}}, new double[] {1, 1, 1});
        for (int log = 14; log <= 20; log += 2) {
            int steps = 1 << log;
            long rec = held(() -> Runner.run(new GradientDescent(1.0), new ExactOracle(f), new double[] {0, 0}, steps));
            long str = held(() -> Runner.stream(
                    new GradientDescent(1.0), new ExactOracle(f), new double[] {0, 0}, steps, StopCondition.NEVER));
            out.printf(
                    Locale.ROOT,
                    "2^%d steps: recorded run holds %.1f MB, streamed run %.3f MB%n",
                    log,
                    rec / 1048576.0,
                    str / 1048576.0);
        }
    }

    private static List<Result> run(List<Theorem<?>> theorems, RunSettings base, int threads, int tries) {
        RunSettings settings = tries > 0 ? base.withTries(tries) : base;
        settings = settings.withStatisticalRegimeRuns((int) theorems.stream()
                .flatMap(t -> t.regimes().stream().filter(r -> TheoremRunner.isStatistical(t, r)))
                .count());
        List<CatalogRun.Job> jobs = new ArrayList<>();
        for (Theorem<?> t : theorems) {
            Spec spec = Specs.load(t.id());
            for (Regime r : t.regimes()) {
                jobs.add(new CatalogRun.Job(t, r, settings.triesFor(r, spec.ciTries(), spec.fullTries()), false));
            }
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (CatalogRun run =
                new CatalogRun(jobs, List.of(), settings, threads, null, CostTable.measured(), r -> r, quiet, false)) {
            return run.run();
        }
    }

    private static List<Result> strip(List<Result> rs) {
        return rs.stream().map(r -> r.toBuilder().durationMs(0).build()).toList();
    }

    private static long held(Supplier<Trajectory> run) {
        long before = used();
        Trajectory tr = run.get();
        long after = used();
        if (tr.steps() < 0) {
            throw new AssertionError();
        }
        return Math.max(0, after - before);
    }

    private static long used() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
