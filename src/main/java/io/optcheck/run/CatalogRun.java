package io.optcheck.run;

import io.optcheck.report.Observation;
import io.optcheck.report.Result;
import io.optcheck.report.TerminalText;
import io.optcheck.theory.ObservationSpec;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One catalog run: every regime of the selected theorems, one after the other, then the
 * observations. Built-in theorems run in this process; a plug-in's theorems run in a supervised
 * worker process ({@link WorkerSupervisor}), so that a plug-in that exits, hangs or exhausts the
 * heap costs only its own regime. Prints a progress line per result. {@link #stop} (from a signal
 * handler's thread) ends the run after the regime in progress is abandoned; {@link #finished}
 * gives what was done so far.
 */
public final class CatalogRun {

    /**
     * One regime to run.
     *
     * @param theorem the theorem
     * @param regime  one of its regimes
     * @param tries   the tries for it
     * @param plugin  true when the theorem is a plug-in's (it runs in the worker)
     */
    public record Job(Theorem<?> theorem, Regime regime, int tries, boolean plugin) {
    }

    private final List<Job> jobs;
    private final List<ObservationSpec> observations;
    private final RunSettings settings;
    private final WorkerSupervisor workers;
    private final Function<Result, Result> finishResult;
    private final PrintStream err;
    private final boolean debug;
    private final List<Result> results = Collections.synchronizedList(new ArrayList<>());
    private final List<Observation> measured = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopped;

    /**
     * @param workers      the supervisor for plug-in jobs; may be null when no job is a plug-in's
     * @param finishResult applied to every result before it is kept (the CLI adds the plug-in's replay line)
     * @param err          where the progress lines go
     * @param debug        print the stack trace of a check that threw
     */
    public CatalogRun(List<Job> jobs, List<ObservationSpec> observations, RunSettings settings, WorkerSupervisor workers,
                      Function<Result, Result> finishResult, PrintStream err, boolean debug) {
        this.jobs = List.copyOf(jobs);
        this.observations = List.copyOf(observations);
        this.settings = settings;
        this.workers = workers;
        this.finishResult = finishResult;
        this.err = err;
        this.debug = debug;
        if (workers == null && this.jobs.stream().anyMatch(Job::plugin)) {
            throw new IllegalArgumentException("plug-in jobs need a WorkerSupervisor");
        }
    }

    /** Runs every job and observation (until {@link #stop}); returns the results. */
    public List<Result> run() {
        int n = 0;
        for (Job j : jobs) {
            if (stopped) {
                break;
            }
            n++;
            Result res = runOne(j);
            if (res == null || stopped) { // abandoned: the run is stopping
                break;
            }
            res = finishResult.apply(res);
            results.add(res);
            err.println(Results.progress(n, jobs.size(), res));
        }
        for (ObservationSpec o : observations) {
            if (stopped) {
                break;
            }
            long t0 = System.nanoTime();
            try {
                Observation m = o.measure(settings.seed());
                if (stopped) {
                    break;
                }
                measured.add(m);
                err.println(String.format(Locale.ROOT, "[observation] %s: measured in %.1f s", o.id(),
                    (System.nanoTime() - t0) / 1e9));
            } catch (OutOfMemoryError e) {
                throw e;
            } catch (Throwable e) { // an observation has no verdict; a failed one is reported and skipped
                err.println("[observation] " + o.id() + ": not measured (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + TerminalText.oneLine(e.getMessage())) + ")");
            }
        }
        return finished();
    }

    private Result runOne(Job j) {
        Theorem<?> t = j.theorem();
        Regime r = j.regime();
        java.util.Optional<String> na = t.notApplicable(r);
        if (na.isPresent()) { // decided from the declaration: no worker needed
            return TheoremRunner.notApplicable(t, r, na.get(), settings.seed());
        }
        if (j.plugin()) {
            return workers.run(t, r, j.tries(), settings);
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

    /** Stops the run: the regime in progress is abandoned (a worker is killed). Any thread. */
    public void stop() {
        stopped = true;
        if (workers != null) {
            workers.stop();
        }
    }

    /** True after {@link #stop}. */
    public boolean stopped() {
        return stopped;
    }

    /** The results finished so far (a copy). */
    public List<Result> finished() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    /** The observations measured so far (a copy). */
    public List<Observation> observations() {
        synchronized (measured) {
            return List.copyOf(measured);
        }
    }
}
