package io.optcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fail verdicts of the built-in catalog that the seed sweep (the catalog at --quick depth over
 * seeds 1..102, io.optcheck.theory.bench.SeedSweepBench) found, each replayed here at its seed
 * with the sweep's settings. Every one was optcheck's defect, not the method's; the cause is in
 * the last column.
 */
class SeedSweepRegressionTest {

    @ParameterizedTest(name = "{0}/{1} at quick seed {2}: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "adapt.signsgd-rate|holds|1|tolerance: the telescoped bound is an equality and each step's rounding enters divided by delta",
                "adapt.signsgd-rate|holds|51|same",
                "gd.heavy-ball-quadratic|holds|19|instance: a stored eigenvalue above the certified L breaks a Jordan-tight bound",
                "gd.heavy-ball-quadratic|holds|58|same",
                "gd.contraction|holds|25|generator: lr underflowed to 0 (error)",
                "gd.convex-rate|holds|21|generator: lr underflowed to 0 (error)",
                "gd.edge-of-stability|holds|17|generator: lr underflowed to 0 (error)",
                "gd.quadratic-stability|holds|17|generator: lr underflowed to 0 (error)",
                "gd.gradient-direction|holds|64|generator: eta underflowed to 0 (error)",
                "gd.nonconvex-stationarity|exact-worst-case|17|generator: lr underflowed to 0 (error)",
                "sgd.expected-smoothness|holds|62|generator: the schedule's a underflowed to 0 (error)",
                "gd.nonconvex-stationarity|holds|3|coverage: non-convex required on 20% of tries, the generator's rate is 16-20%",
                "gd.nonconvex-stationarity|h-in-stationarity-range|3|same",
                "gd.nonconvex-stationarity|general-step|58|same",
                "sgd.expected-smoothness|drop:components-convex|61|power: missed break at 300 CI tries; 1000 now"
            })
    void theSweepsFailVerdictIsGone(String theoremId, String regimeId, long seed, String cause) {
        Theorem<?> theorem = Catalog.builtIn().theorems().stream()
                .filter(t -> t.id().equals(theoremId))
                .findFirst()
                .orElseThrow();
        Result r = QuickRuns.run(theorem, regimeId, seed);
        assertThat(r.verdict())
                .as(
                        "%s/%s at seed %d (%s): %s",
                        theoremId,
                        regimeId,
                        seed,
                        cause,
                        r.counterexample() != null
                                ? r.counterexample().summary()
                                : r.error() != null ? r.error().message() : "")
                .isNotEqualTo(Verdict.FAIL);
    }
}
