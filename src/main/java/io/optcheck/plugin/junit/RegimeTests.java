package io.optcheck.plugin.junit;

import io.optcheck.report.Result;
import io.optcheck.report.Verdict;
import io.optcheck.run.TimeBox;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit tree shared by {@link OptimizerCheck} and {@link EstimatorCheck}: a first test that
 * lists what applies (and fails when nothing does), then one container per theorem with one
 * test per regime. A regime that does not apply is aborted with its reason; a failed regime
 * throws the labelled message of {@link OptimizerCheck#message}; the system property
 * {@value OptimizerCheck#REPLAY_PROPERTY} = THEOREM/REGIME/TOKEN reruns exactly one shrunk case.
 */
final class RegimeTests {

    private RegimeTests() {
    }

    /**
     * @param problem why nothing applies (the first test fails with it), or null
     * @param tries tries per regime, or null for each spec's CI tries
     * @param tryTimeout the limit per try, or null for {@link TimeBox#defaultTimeout()}
     * @param option the CLI option that loads such a plug-in, for the replay line
     * @param pluginClass the plug-in's class name, for the replay line
     */
    static Stream<DynamicNode> tree(List<Theorem<?>> theorems, String problem, List<String> listing, long seed,
                                    Integer tries, Duration tryTimeout, String option, String pluginClass) {
        List<DynamicNode> nodes = new ArrayList<>();
        // Set when a try timed out: its thread still runs, so this plug-in's later regimes are not started.
        AtomicReference<String> hung = new AtomicReference<>();
        nodes.add(DynamicTest.dynamicTest("applicable theorems", () -> {
            if (problem != null) {
                throw new AssertionFailedError(problem);
            }
            listing.forEach(System.out::println);
        }));
        RunSettings settings = RunSettings.ci().withSeed(seed)
            .withStatisticalRegimeRuns((int) theorems.stream()
                .flatMap(t -> t.regimes().stream().filter(r -> TheoremRunner.isStatistical(t, r))).count());
        for (Theorem<?> t : theorems) {
            List<DynamicNode> regimes = new ArrayList<>();
            for (Regime r : t.regimes()) {
                regimes.add(DynamicTest.dynamicTest(t.id() + " / " + r.id() + " (expected " + r.expected().json() + ")",
                    () -> run(t, r, settings, tries, tryTimeout, hung, option, pluginClass)));
            }
            nodes.add(DynamicContainer.dynamicContainer(t.id() + " on " + t.methodId(), regimes.stream()));
        }
        return nodes.stream();
    }

    private static void run(Theorem<?> t, Regime r, RunSettings settings, Integer tries, Duration tryTimeout,
                            AtomicReference<String> hung, String option, String pluginClass) {
        java.util.Optional<String> na = t.notApplicable(r);
        if (na.isPresent()) {
            throw new TestAbortedException("not applicable: " + na.get());
        }
        if (hung.get() != null) {
            throw new AssertionFailedError("not run: a try of " + hung.get() + " on method " + t.methodId()
                + " timed out, and its thread cannot be stopped inside this JVM. Fix that hang first.");
        }
        int n = tries != null ? tries : Specs.load(t.id()).ciTries();
        String replay = System.getProperty(OptimizerCheck.REPLAY_PROPERTY);
        Result res;
        if (replay != null && !replay.isBlank()) {
            String prefix = t.id() + "/" + r.id() + "/";
            if (!replay.startsWith(prefix)) {
                throw new TestAbortedException("replay run for " + replay.substring(0, Math.max(0, replay.lastIndexOf('/'))));
            }
            res = TheoremRunner.replay(TheoremRunner.withBudget(t, r, n, settings), r,
                replay.substring(prefix.length()), settings.seed());
        } else {
            TimeBox.Outcome o = TimeBox.run(t, r, n, settings, tryTimeout == null ? TimeBox.defaultTimeout() : tryTimeout);
            if (o.timedOut()) { // no rerun for the failure message: it would hang again
                hung.set(t.id() + "/" + r.id());
                throw new AssertionFailedError("Theorem '" + t.id() + "' regime '" + r.id() + "' FAILED on method "
                    + t.methodId() + ": " + o.result().error().message());
            }
            res = o.result();
        }
        if (res.statistics() != null) {
            System.out.println(t.id() + " / " + r.id() + " on " + t.methodId() + ": checked statistically ("
                + res.statistics().test() + ", alpha " + res.statistics().alpha() + ", R = " + res.statistics().runs()
                + " per instance, seed " + res.statistics().seed() + ")");
        }
        if (res.outcome() == io.optcheck.report.Outcome.NOT_APPLICABLE) {
            throw new TestAbortedException("not applicable: " + res.extra().get("notApplicable"));
        }
        if (res.outcome() == io.optcheck.report.Outcome.INCONCLUSIVE) {
            throw new TestAbortedException(String.valueOf(res.extra().get("inconclusive")));
        }
        if (res.verdict() == Verdict.FAIL) {
            throw new AssertionFailedError(OptimizerCheck.message(t, r, res, n, settings, option, pluginClass));
        }
    }
}
