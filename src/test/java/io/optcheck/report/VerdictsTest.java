package io.optcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.result.Expected;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import io.optcheck.result.Verdicts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictsTest {

    /** Every cell of the verdict table, written out by hand from DESIGN "Outcomes". */
    @ParameterizedTest(name = "{0} x {1} -> {2}")
    @CsvSource({
        "HOLDS,  HELD,    PASS",
        "HOLDS,  BROKEN,  FAIL",
        "HOLDS,  REFUSED, FAIL", // refused counts as an error where no break is expected
        "HOLDS,  ERROR,   FAIL",
        "BREAKS, HELD,    FAIL",
        "BREAKS, BROKEN,  PASS",
        "BREAKS, REFUSED, PASS", // refused counts as broken where a break is expected
        "BREAKS, ERROR,   FAIL",
        "NONE,   HELD,    INFO",
        "NONE,   BROKEN,  INFO",
        "NONE,   REFUSED, INFO",
        "NONE,   ERROR,   INFO",
        "HOLDS,  NOT_APPLICABLE, INFO", // a regime that does not apply to the method (schema 2)
        "BREAKS, NOT_APPLICABLE, INFO",
        "NONE,   NOT_APPLICABLE, INFO",
        "HOLDS,  INCONCLUSIVE, INFO", // too few tries to decide a coverage rule (schema 3)
        "BREAKS, INCONCLUSIVE, INFO",
        "NONE,   INCONCLUSIVE, INFO",
    })
    void verdictTable(Expected expected, Outcome outcome, Verdict verdict) {
        assertThat(Verdicts.of(expected, outcome)).isEqualTo(verdict);
    }

    @Test
    void tableAboveCoversEveryCell() {
        assertThat(Expected.values().length * Outcome.values().length).isEqualTo(18);
    }

    @Test
    void nullsAreRejected() {
        assertThatThrownBy(() -> Verdicts.of(null, Outcome.HELD)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Verdicts.of(Expected.HOLDS, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void builderComputesTheVerdict() {
        Result r = Result.builder("t.x", "c", "gd", "drop:l-smooth")
                .expected(Expected.BREAKS)
                .outcome(Outcome.REFUSED)
                .build();
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void constructorRejectsAVerdictThatDisagreesWithTheTable() {
        Result ok = Fixtures.held("t.x", "holds");
        assertThatThrownBy(() -> new Result(
                        ok.theorem(),
                        ok.conclusion(),
                        ok.method(),
                        ok.regime(),
                        List.of(),
                        Expected.HOLDS,
                        Outcome.BROKEN,
                        Verdict.PASS,
                        null,
                        1,
                        1,
                        null,
                        null,
                        null,
                        0.0,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0,
                        null,
                        null,
                        null,
                        "float64"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verdict pass disagrees")
                .hasMessageContaining("gives fail");
    }
}
