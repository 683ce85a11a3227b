package io.optcheck.junit;

import io.optcheck.result.Replay;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import io.optcheck.run.PluginSelection;
import io.optcheck.run.RunPlan;
import io.optcheck.run.TimeBox;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What a plug-in check runs and how one regime of it is run, without JUnit: the selection made
 * by {@link OptimizerCheck} or {@link EstimatorCheck} (the applicable theorems, or why none
 * applies, and the listing), the settings, and {@link #run}. The JUnit tree ({@link RegimeTests})
 * and the AssertJ assertions ({@link OptimizerAssertions}) both go through it, so they run the
 * same checks and fail with the same message ({@link OptimizerCheck#message}).
 */
final class CheckPlan {

    /** How one regime ended. */
    enum Kind {
        /** the regime does not apply to the plug-in; {@code text} is the reason */
        NOT_APPLICABLE,
        /** a replay run ({@value OptimizerCheck#REPLAY_PROPERTY}) names another regime; {@code text} says which */
        NOT_REPLAYED,
        /** nothing failed, but too few tries to decide a coverage rule; {@code text} is the reason */
        INCONCLUSIVE,
        /** the verdict is pass or info */
        PASSED,
        /** the verdict is fail; {@code text} is the labelled message */
        FAILED
    }

    /** How one regime ended: the kind, its text (reason or message; null when it passed), the result. */
    record Outcome(Theorem<?> theorem, Regime regime, Kind kind, String text, Result result) {}

    private final List<Theorem<?>> theorems;
    private final String problem;
    private final List<String> listing;
    private final RunSettings settings;
    private final RunPlan plan;
    private final Duration tryTimeout;
    /** Set when a try timed out: its thread still runs, so this plug-in's later regimes are not started. */
    private final AtomicReference<String> hung = new AtomicReference<>();

    private final String option;
    private final String pluginClass;

    /**
     * @param problem why nothing applies, or null
     * @param check the seed, the tries per regime (null: each spec's CI tries) and the limit per try
     *     (null: {@link TimeBox#defaultTimeout()}); its filters have already selected {@code theorems}
     * @param option the CLI option that loads such a plug-in, for the replay line
     * @param pluginClass the plug-in's class name, for the replay line
     */
    CheckPlan(
            List<Theorem<?>> theorems,
            String problem,
            List<String> listing,
            CheckSettings check,
            String option,
            String pluginClass) {
        this.theorems = List.copyOf(theorems);
        this.problem = problem;
        this.listing = List.copyOf(listing);
        RunSettings ci = RunSettings.ci().withSeed(check.seed());
        this.plan = RunPlan.of(theorems, check.tries() == null ? ci : ci.withTries(check.tries()), t -> false);
        this.settings = plan.settings();
        this.tryTimeout = check.tryTimeout() == null ? TimeBox.defaultTimeout() : check.tryTimeout();
        this.option = option;
        this.pluginClass = pluginClass;
    }

    /**
     * The plan of one plug-in: {@code select} builds its selection after the filters (an unusable
     * declaration, or filters that leave nothing, throw IllegalArgumentException, which becomes
     * the plan's {@link #problem}).
     */
    static CheckPlan of(Supplier<PluginSelection> select, CheckSettings check, String option, String pluginClass) {
        PluginSelection s;
        try {
            s = select.get();
        } catch (IllegalArgumentException e) {
            return new CheckPlan(List.of(), e.getMessage(), List.of(), check, option, pluginClass);
        }
        return new CheckPlan(s.theorems(), null, s.listing(), check, option, pluginClass);
    }

    List<Theorem<?>> theorems() {
        return theorems;
    }

    /** Why no theorem applies (the declaration is unusable, or the filters left nothing), or null. */
    String problem() {
        return problem;
    }

    /** The lines that list what applies and what does not, with the reasons. */
    List<String> listing() {
        return listing;
    }

    /**
     * Runs one regime at the plan's tries (each spec's CI tries by default), or replays the one
     * case named by {@value OptimizerCheck#REPLAY_PROPERTY}; a statistically checked regime prints
     * its test, alpha, R and seed. Each try is held to the plan's time box; after a try timed
     * out (its thread cannot be stopped inside this JVM) the plug-in's later regimes fail unrun.
     */
    Outcome run(Theorem<?> t, Regime r) {
        Optional<String> na = t.notApplicable(r);
        if (na.isPresent()) {
            return new Outcome(t, r, Kind.NOT_APPLICABLE, na.get(), null);
        }
        if (hung.get() != null) {
            return new Outcome(
                    t,
                    r,
                    Kind.FAILED,
                    "not run: a try of " + hung.get() + " on method " + t.methodId()
                            + " timed out, and its thread cannot be stopped inside this JVM. Fix that hang first.",
                    null);
        }
        int n = plan.tries(t, r);
        String replay = System.getProperty(OptimizerCheck.REPLAY_PROPERTY);
        Result res;
        if (replay != null && !replay.isBlank()) {
            Replay target;
            try {
                target = Replay.parse(replay);
            } catch (IllegalArgumentException e) {
                return new Outcome(
                        t, r, Kind.FAILED, "-D" + OptimizerCheck.REPLAY_PROPERTY + ": " + e.getMessage(), null);
            }
            if (!target.theorem().equals(t.id()) || !target.regime().equals(r.id())) {
                return new Outcome(
                        t, r, Kind.NOT_REPLAYED, "replay run for " + target.theorem() + "/" + target.regime(), null);
            }
            res = TheoremRunner.replay(TheoremRunner.withBudget(t, r, n, settings), r, target.token(), settings.seed());
        } else {
            TimeBox.Outcome o = TimeBox.run(t, r, n, settings, tryTimeout);
            if (o.timedOut()) { // no rerun for the failure message: it would hang again
                hung.set(t.id() + "/" + r.id());
                return new Outcome(
                        t,
                        r,
                        Kind.FAILED,
                        "Theorem '" + t.id() + "' regime '" + r.id() + "' FAILED on method " + t.methodId() + ": "
                                + o.result().error().message(),
                        o.result());
            }
            res = o.result();
        }
        if (res.statistics() != null) {
            System.out.println(t.id() + " / " + r.id() + " on " + t.methodId() + ": checked statistically ("
                    + res.statistics().test() + ", alpha " + res.statistics().alpha() + ", R = "
                    + res.statistics().runs()
                    + " per instance, seed " + res.statistics().seed() + ")");
        }
        if (res.outcome() == io.optcheck.result.Outcome.NOT_APPLICABLE) {
            return new Outcome(
                    t, r, Kind.NOT_APPLICABLE, String.valueOf(res.extra().get("notApplicable")), res);
        }
        if (res.outcome() == io.optcheck.result.Outcome.INCONCLUSIVE) {
            return new Outcome(
                    t, r, Kind.INCONCLUSIVE, String.valueOf(res.extra().get("inconclusive")), res);
        }
        if (res.verdict() == Verdict.FAIL) {
            return new Outcome(
                    t, r, Kind.FAILED, OptimizerCheck.message(t, r, res, n, settings, option, pluginClass), res);
        }
        return new Outcome(t, r, Kind.PASSED, null, res);
    }
}
