package io.optcheck.run;

import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Spec;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a catalog run will do, decided once for the command line and the JUnit entry points alike:
 * the selected theorems' specs loaded (a malformed one stops the run before any work), the
 * false-alarm budget split over the statistical regimes actually run, and each regime's tries from
 * its spec at the run's depth. Immutable.
 */
public final class RunPlan {

    private final RunSettings settings;
    private final List<CatalogRun.Job> jobs;

    private RunPlan(RunSettings settings, List<CatalogRun.Job> jobs) {
        this.settings = settings;
        this.jobs = List.copyOf(jobs);
    }

    /**
     * The plan of running every regime of {@code theorems} under {@code settings}; a theorem for
     * which {@code inWorker} holds runs in a supervised plug-in worker.
     *
     * @throws Specs.SpecException when a theorem's spec is missing or malformed
     */
    public static RunPlan of(List<Theorem<?>> theorems, RunSettings settings, Predicate<Theorem<?>> inWorker) {
        return of(theorems, settings, inWorker, t -> null);
    }

    /**
     * The same, with a depth of its own for some theorems ({@code depthOf} gives it, or null for the
     * run's depth): the launcher's default run checks ND4J's updaters at CI depth beside a full run.
     */
    public static RunPlan of(
            List<Theorem<?>> theorems,
            RunSettings settings,
            Predicate<Theorem<?>> inWorker,
            Function<Theorem<?>, RunSettings.Depth> depthOf) {
        List<Spec> specs = new ArrayList<>();
        for (Theorem<?> t : theorems) {
            specs.add(Specs.load(t.id()));
        }
        RunSettings budgeted = settings.withStatisticalRegimeRuns((int) theorems.stream()
                .flatMap(t -> t.regimes().stream().filter(r -> TheoremRunner.isStatistical(t, r)))
                .count());
        List<CatalogRun.Job> jobs = new ArrayList<>();
        for (int i = 0; i < theorems.size(); i++) {
            Theorem<?> t = theorems.get(i);
            Spec spec = specs.get(i);
            RunSettings.Depth own = depthOf.apply(t);
            RunSettings at = own == null ? budgeted : budgeted.withDepth(own);
            for (Regime r : t.regimes()) {
                jobs.add(new CatalogRun.Job(t, r, at.triesFor(r, spec.ciTries(), spec.fullTries()), inWorker.test(t)));
            }
        }
        return new RunPlan(budgeted, jobs);
    }

    /** The run's settings, with the false-alarm budget of this plan. */
    public RunSettings settings() {
        return settings;
    }

    /** One job per theorem and regime, in the order of the theorems and their regimes. */
    public List<CatalogRun.Job> jobs() {
        return jobs;
    }

    /**
     * The tries of a regime of the plan.
     *
     * @throws IllegalArgumentException for a regime the plan does not run
     */
    public int tries(Theorem<?> theorem, Regime regime) {
        return jobs.stream()
                .filter(j -> j.theorem() == theorem && j.regime().equals(regime))
                .mapToInt(CatalogRun.Job::tries)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        theorem.id() + "/" + regime.id() + " on " + theorem.methodId() + " is not in this run plan"));
    }
}
