package io.optcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import java.util.List;

/**
 * A regime run exactly as {@code ./optcheck run --quick --seed S} runs it, with the settings and
 * tries {@link io.optcheck.theory.bench.SeedSweepBench} uses: for regression tests of the seed
 * sweep's false alarms.
 */
public final class QuickRuns {

    private QuickRuns() {}

    /** The regime {@code regime} of {@code theorem} at {@code seed}, quick depth. */
    public static Result run(Theorem<?> theorem, String regime, long seed) {
        List<Theorem<?>> all = Catalog.builtIn().theorems();
        RunSettings settings = new RunSettings(RunSettings.Depth.QUICK, 0, seed, true).withStatisticalRegimeRuns((int)
                all.stream()
                        .flatMap(t -> t.regimes().stream().filter(r -> TheoremRunner.isStatistical(t, r)))
                        .count());
        Spec spec = Specs.load(theorem.id());
        Regime r = theorem.regime(regime);
        return TheoremRunner.run(theorem, r, settings.triesFor(r, spec.ciTries(), spec.fullTries()), settings);
    }

    /** Asserts that a regime expected to hold held and passed, naming the counterexample or error otherwise. */
    public static void assertPasses(Result r) {
        assertThat(r.outcome()).as("%s %s", r.counterexample(), r.error()).isEqualTo(Outcome.HELD);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    }
}
