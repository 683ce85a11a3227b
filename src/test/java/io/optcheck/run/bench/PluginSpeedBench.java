package io.optcheck.run.bench;

import io.optcheck.api.MethodKind;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.method.MethodProviders;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.result.Result;
import io.optcheck.run.Plugins;
import io.optcheck.run.WorkerSupervisor;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (a main, not a test): the catalog theorems of GD, heavy ball and Adam on the built-in
 * reference method, in this JVM, beside the same theorems on a plug-in adapter that wraps that
 * method ({@link BuiltInAdapters}), run as the command line runs a plug-in (a forked worker JVM,
 * supervised per try; one worker for the three adapters), with the same seed and tries, regime by
 * regime alternating, in one run. Prints, per kind, the wall time of both sides, the ratio and
 * whether every outcome agrees, then the worker's start-up (counted apart) and the ratio with it.
 * Argument: "ci" (default, each spec's CI tries) or "quick".
 */
public final class PluginSpeedBench {

    private PluginSpeedBench() {}

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("quick");
        RunSettings settings = quick ? new RunSettings(RunSettings.Depth.QUICK, 0, 42, true) : RunSettings.ci();
        Catalog catalog = Catalog.builtIn();
        List<Class<? extends PluggableOptimizer>> adapters =
                List.of(BuiltInAdapters.Gd.class, BuiltInAdapters.HeavyBall.class, BuiltInAdapters.Adam.class);
        // One worker for the three adapters, as the command line runs three --method-class plug-ins.
        Plugins.Spec spec = new Plugins.Spec(
                adapters.stream().map(Class::getName).toList(), List.of(), null, List.of(), settings.seed());
        System.out.printf(
                Locale.ROOT,
                "%-11s %8s %8s %12s %12s %8s%n",
                "kind",
                "theorems",
                "regimes",
                "built-in s",
                "plug-in s",
                "ratio");
        long builtInTotal = 0;
        long pluginTotal = 0;
        long startNs = -1;
        long wall0 = System.nanoTime();
        try (WorkerSupervisor w = new WorkerSupervisor(
                new WorkerSupervisor.Options(spec, List.of(), WorkerSupervisor.DEFAULT_TRY_TIMEOUT, System.err))) {
            for (Class<? extends PluggableOptimizer> c : adapters) {
                PluggableOptimizer adapter;
                try {
                    adapter = c.getConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                MethodKind kind = adapter.kind();
                List<Theorem<?>> builtIn = catalog.applicableTo(MethodProviders.reference(kind));
                List<Theorem<?>> plugin = catalog.applicableTo(PluginProvider.of(adapter));
                int regimes = builtIn.stream().mapToInt(t -> t.regimes().size()).sum();
                RunSettings s = settings.withStatisticalRegimeRuns((int) builtIn.stream()
                        .flatMap(t -> t.regimes().stream().filter(r -> TheoremRunner.isStatistical(t, r)))
                        .count());
                StringBuilder builtInOutcomes = new StringBuilder();
                StringBuilder pluginOutcomes = new StringBuilder();
                long builtInNs = 0;
                long pluginNs = 0;
                // Alternating, theorem by theorem: built-in in this JVM, then the adapter in the worker.
                for (int i = 0; i < builtIn.size(); i++) {
                    Theorem<?> tb = builtIn.get(i);
                    Theorem<?> tp = plugin.get(i);
                    int[] tries = tries(tb);
                    for (int k = 0; k < tb.regimes().size(); k++) {
                        Regime rb = tb.regimes().get(k);
                        Regime rp = tp.regimes().get(k);
                        long t0 = System.nanoTime();
                        builtInOutcomes
                                .append(TheoremRunner.run(tb, rb, s.triesFor(rb, tries[0], tries[1]), s)
                                        .outcome()
                                        .json())
                                .append(' ');
                        long t1 = System.nanoTime();
                        Result res = w.run(tp, rp, s.triesFor(rp, tries[0], tries[1]), s);
                        long t2 = System.nanoTime();
                        pluginOutcomes.append(res.outcome().json()).append(' ');
                        builtInNs += t1 - t0;
                        if (startNs < 0) { // the first regime: JVM start and catalog load, counted apart
                            startNs = t2 - t1 - res.durationMs() * 1_000_000L;
                            pluginNs += res.durationMs() * 1_000_000L;
                        } else {
                            pluginNs += t2 - t1;
                        }
                    }
                }
                builtInTotal += builtInNs;
                pluginTotal += pluginNs;
                System.out.printf(
                        Locale.ROOT,
                        "%-11s %8d %8d %12.1f %12.1f %7.2fx  outcomes %s%n",
                        kind.id(),
                        builtIn.size(),
                        regimes,
                        builtInNs / 1e9,
                        pluginNs / 1e9,
                        (double) pluginNs / builtInNs,
                        builtInOutcomes.toString().equals(pluginOutcomes.toString())
                                ? "identical"
                                : "DIFFER: built-in " + builtInOutcomes + "/ plug-in " + pluginOutcomes);
            }
        }
        long wall = System.nanoTime() - wall0;
        System.out.printf(
                Locale.ROOT,
                "%-11s %8s %8s %12.1f %12.1f %7.2fx  (checks only)%n",
                "all",
                "",
                "",
                builtInTotal / 1e9,
                pluginTotal / 1e9,
                (double) pluginTotal / builtInTotal);
        System.out.printf(
                Locale.ROOT,
                "worker start-up (JVM and catalog load, once per run): %.1f s; with it the plug-in"
                        + " side took %.2fx the built-in side; whole bench %.1f s%n",
                startNs / 1e9,
                (double) (pluginTotal + startNs) / builtInTotal,
                wall / 1e9);
    }

    private static int[] tries(Theorem<?> t) {
        var spec = Specs.load(t.id());
        return new int[] {spec.ciTries(), spec.fullTries()};
    }
}
