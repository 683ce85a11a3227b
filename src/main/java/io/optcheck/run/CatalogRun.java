package io.optcheck.run;

import io.optcheck.report.TerminalText;
import io.optcheck.result.Observation;
import io.optcheck.result.Result;
import io.optcheck.theory.ObservationSpec;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One catalog run: every regime of the selected theorems, then the observations, on a pool of
 * {@code threads} threads. Built-in theorems run in this process; a plug-in's theorems run in a
 * supervised worker process ({@link WorkerSupervisor}), at most one worker per thread, so that a
 * plug-in that exits, hangs or exhausts the heap costs only its own regime. Prints a progress line
 * per result.
 *
 * <p>The thread count changes only the wall time. A regime's result depends on the run seed, the
 * theorem, the regime and the method alone (the property engine keeps no state between runs, and
 * each statistical regime gets a fresh theorem object through {@code withAlpha}); results are
 * kept by job index, so {@link #finished} lists them in job order whatever order they finished
 * in, and every report sorts them again. The jobs start longest first by {@link CostTable}, so
 * that the longest regime does not start last.
 *
 * <p>{@link #stop} (from a signal handler's thread) ends the run: regimes in progress are
 * abandoned (a worker is killed; a built-in regime's thread is a daemon and is left to the JVM's
 * exit); {@link #finished} gives what was done so far.
 */
public final class CatalogRun implements AutoCloseable {

    /**
     * One regime to run.
     *
     * @param theorem the theorem
     * @param regime  one of its regimes
     * @param tries   the tries for it
     * @param plugin  true when the theorem is a plug-in's (it runs in the worker)
     */
    public record Job(Theorem<?> theorem, Regime regime, int tries, boolean plugin) {

        /** "theorem/regime on method": the key of this job in the cost table and the shard plan. */
        public String key() {
            return CostTable.key(theorem.id(), regime.id(), theorem.methodId());
        }
    }

    private final List<Job> jobs;
    private final List<ObservationSpec> observations;
    private final RunSettings settings;
    private final int threads;
    private final BlockingQueue<WorkerSupervisor> workers;
    private final List<WorkerSupervisor> allWorkers = new ArrayList<>();
    private final Function<Result, Result> finishResult;
    private final PrintStream err;
    private final boolean debug;
    private final Result[] results;
    private final Observation[] measured;
    private final CostTable costs;
    private volatile boolean stopped;

    /**
     * A run on one thread with one worker; see {@link #CatalogRun(List, List, RunSettings, int, Supplier, CostTable,
     * Function, PrintStream, boolean)}.
     */
    public CatalogRun(
            List<Job> jobs,
            List<ObservationSpec> observations,
            RunSettings settings,
            WorkerSupervisor workers,
            Function<Result, Result> finishResult,
            PrintStream err,
            boolean debug) {
        this(
                jobs,
                observations,
                settings,
                1,
                workers == null ? null : () -> workers,
                CostTable.empty(),
                finishResult,
                err,
                debug);
    }

    /**
     * @param threads      how many regimes run at once (&gt;= 1)
     * @param workers      makes the supervisor for plug-in jobs, called at most {@code threads} times (a worker JVM
     *                     starts only when a plug-in job needs it); may be null when no job is a plug-in's
     * @param costs        the measured costs that order the jobs (longest first); the order changes no result
     * @param finishResult applied to every result before it is kept (the CLI adds the plug-in's replay line)
     * @param err          where the progress lines go
     * @param debug        print the stack trace of a check that threw
     */
    public CatalogRun(
            List<Job> jobs,
            List<ObservationSpec> observations,
            RunSettings settings,
            int threads,
            Supplier<WorkerSupervisor> workers,
            CostTable costs,
            Function<Result, Result> finishResult,
            PrintStream err,
            boolean debug) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.jobs = List.copyOf(jobs);
        this.observations = List.copyOf(observations);
        this.settings = settings;
        this.threads = threads;
        this.finishResult = finishResult;
        this.err = err;
        this.debug = debug;
        this.costs = costs;
        this.results = new Result[this.jobs.size()];
        this.measured = new Observation[this.observations.size()];
        boolean plugins = this.jobs.stream().anyMatch(Job::plugin);
        if (workers == null && plugins) {
            throw new IllegalArgumentException("plug-in jobs need a WorkerSupervisor");
        }
        this.workers = new ArrayBlockingQueue<>(threads);
        if (plugins) {
            for (int i = 0; i < threads; i++) {
                WorkerSupervisor w = workers.get();
                if (!allWorkers.contains(w)) {
                    allWorkers.add(w);
                }
                this.workers.add(w);
            }
        }
    }

    /** Runs every job and observation (until {@link #stop}); returns the results in job order. */
    public List<Result> run() {
        List<Runnable> tasks = new ArrayList<>();
        List<Double> taskCost = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < jobs.size(); i++) {
            int index = i;
            Job j = jobs.get(i);
            tasks.add(() -> {
                Result res = runOne(j);
                if (res == null || stopped) { // abandoned: the run is stopping
                    return;
                }
                res = finishResult.apply(res);
                synchronized (results) {
                    results[index] = res;
                }
                err.println(Results.progress(done.incrementAndGet(), jobs.size(), res));
            });
            taskCost.add(costs.cost(j.key(), j.tries()));
        }
        for (int i = 0; i < observations.size(); i++) {
            int index = i;
            ObservationSpec o = observations.get(i);
            tasks.add(() -> measure(index, o));
            taskCost.add(costs.cost(CostTable.observationKey(o.id(), o.methodId()), 0));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            order.add(i);
        }
        // Longest first, ties in job order: a deterministic start order (it affects only the wall time).
        order.sort(Comparator.comparingDouble((Integer i) -> -taskCost.get(i)).thenComparingInt(i -> i));
        if (threads == 1) {
            for (int i : order) {
                if (stopped) {
                    break;
                }
                tasks.get(i).run();
            }
            return finished();
        }
        CountDownLatch left = new CountDownLatch(tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "optcheck-regime");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i : order) {
                Runnable task = tasks.get(i);
                pool.execute(() -> {
                    try {
                        if (!stopped) {
                            task.run();
                        }
                    } catch (OutOfMemoryError e) {
                        err.println("out of memory while running the catalog on " + threads + " threads; "
                                + "run with fewer --threads or a larger -Xmx");
                        stop();
                    } finally {
                        left.countDown();
                    }
                });
            }
            while (!stopped) {
                if (left.await(200, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        } finally {
            pool.shutdownNow();
        }
        return finished();
    }

    private void measure(int index, ObservationSpec o) {
        long t0 = System.nanoTime();
        try {
            Observation m = o.measure(settings.seed());
            if (stopped) {
                return;
            }
            synchronized (results) {
                measured[index] = m;
            }
            err.println(String.format(
                    Locale.ROOT, "[observation] %s: measured in %.1f s", o.id(), (System.nanoTime() - t0) / 1e9));
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable e) { // an observation has no verdict; a failed one is reported and skipped
            err.println("[observation] " + o.id() + ": not measured ("
                    + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + TerminalText.oneLine(e.getMessage())) + ")");
        }
    }

    private Result runOne(Job j) {
        Theorem<?> t = j.theorem();
        Regime r = j.regime();
        Optional<String> na = t.notApplicable(r);
        if (na.isPresent()) { // decided from the declaration: no worker needed
            return TheoremRunner.notApplicable(t, r, na.get(), settings.seed());
        }
        if (j.plugin()) {
            WorkerSupervisor w;
            try {
                w = workers.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            try {
                return w.run(t, r, j.tries(), settings);
            } finally {
                workers.add(w);
            }
        }
        long start = System.nanoTime();
        try {
            return TheoremRunner.run(t, r, j.tries(), settings);
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable e) { // one broken theorem must not stop the catalog
            if (debug) {
                e.printStackTrace(err);
            }
            return Results.error(t, r, settings.seed(), e, (System.nanoTime() - start) / 1_000_000L);
        }
    }

    /** Stops the run: the regimes in progress are abandoned (their workers are killed). Any thread. */
    public void stop() {
        stopped = true;
        for (WorkerSupervisor w : allWorkers) {
            w.stop();
        }
    }

    /** True after {@link #stop}. */
    public boolean stopped() {
        return stopped;
    }

    /** The results finished so far, in job order (a copy). */
    public List<Result> finished() {
        synchronized (results) {
            List<Result> out = new ArrayList<>();
            for (Result r : results) {
                if (r != null) {
                    out.add(r);
                }
            }
            return List.copyOf(out);
        }
    }

    /** The observations measured so far, in the given order (a copy). */
    public List<Observation> observations() {
        synchronized (results) {
            List<Observation> out = new ArrayList<>();
            for (Observation o : measured) {
                if (o != null) {
                    out.add(o);
                }
            }
            return List.copyOf(out);
        }
    }

    /** Ends the worker JVMs this run started. */
    @Override
    public void close() {
        for (WorkerSupervisor w : allWorkers) {
            w.close();
        }
    }
}
