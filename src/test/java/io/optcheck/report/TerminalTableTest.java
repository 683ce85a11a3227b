package io.optcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.result.Counterexample;
import io.optcheck.result.ErrorInfo;
import io.optcheck.result.Expected;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.Waiver;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("formatting")
@ExtendWith(TurkishDefaultLocale.class)
class TerminalTableTest {

    @Test
    void matchesAHandWrittenTable() {
        RunReport r = Fixtures.report(
                List.of(Fixtures.failing("gd.rate", "holds"), Fixtures.held("gd.descent-lemma", "holds")));
        String expected = String.join(
                "\n",
                "theorem           regime  method  expected  outcome  verdict  tries  worst ratio  found by",
                "----------------  ------  ------  --------  -------  -------  -----  -----------  --------",
                "gd.descent-lemma  holds   gd      holds     held     pass      1000          0.5  -",
                "gd.rate           holds   gd      holds     broken   FAIL      1000       1.0005  random",
                "2 results: 1 pass, 1 fail, 0 info",
                "what broke (shrunk; each has a replay line in summary.md):",
                "  gd.rate/holds: dim 2 | eta = 1/L, x*y",
                "");
        assertThat(TerminalTable.render(r)).isEqualTo(expected);
    }

    @Test
    void staysWithinTheWidthAndCutsTheCounterexample() {
        Result longOne = Fixtures.failing("gd.rate", "holds").toBuilder()
                .counterexample(new Counterexample(Map.of(), "x".repeat(300), "tok", 0))
                .build();
        RunReport r = Fixtures.report(List.of(longOne, Fixtures.broken("gd.descent-lemma", "drop:step-le-2-over-l")));
        for (int width : new int[] {110, 120, 200}) {
            String out = TerminalTable.render(r, width);
            assertThat(out.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(width));
            assertThat(out).contains("...");
        }
        assertThat(TerminalTable.render(r)).isEqualTo(TerminalTable.render(r, 120));
        // Below the minimum lines are as narrow as they can be: theorem and regime cut to 8, method
        // at its header width 6, the other columns at header width 8+7+7+5+11+8, 8 gaps of 2:
        // 8+8+6 + 46 + 16 = 84.
        assertThat(TerminalTable.render(r, 60).lines().skip(1).findFirst().orElseThrow())
                .hasSize(84);
    }

    @Test
    void showsWaivedFailuresInfinityAndErrors() {
        RunReport r = Fixtures.report(List.of(
                Fixtures.failing("gd.rate", "holds"),
                Fixtures.broken("gd.descent-lemma", "drop:x"),
                Result.builder("gd.armijo", "c", "armijo", "holds")
                        .expected(Expected.HOLDS)
                        .outcome(Outcome.ERROR)
                        .error(new ErrorInfo("line one\nline two", 17))
                        .build()));
        r = Waivers.of(List.of(new Waiver("gd.rate/main/gd/holds", "bug", LocalDate.of(2030, 1, 1))))
                .apply(r, LocalDate.of(2025, 1, 1));
        String out = TerminalTable.render(r, 200);
        assertThat(out)
                .contains("FAIL (waived)")
                .contains("  inf  ")
                .contains("error at step 17: line one\\nline two")
                .contains("3 results: 1 pass, 2 fail (1 waived), 0 info\nwhat broke")
                .contains("  gd.descent-lemma/drop:x: eta L = 2.0004 (theory 2); dim 1");
    }

    @Test
    void listsExpiredAndUnusedWaiversAfterTheTotal() {
        RunReport r = Waivers.of(List.of(
                        new Waiver("a.x/main/gd/holds", "old", LocalDate.of(2020, 1, 1)),
                        new Waiver("b.x/main/gd/holds", "stale", LocalDate.of(2030, 1, 1))))
                .apply(Fixtures.report(List.of(Fixtures.held("a.x", "holds"))), LocalDate.of(2025, 1, 1));
        assertThat(TerminalTable.render(r))
                .endsWith("1 result: 1 pass, 0 fail, 0 info\n"
                        + "waiver expired 2020-01-01: a.x/main/gd/holds\n"
                        + "waiver unused: b.x/main/gd/holds\n");
    }

    @Test
    void rejectsAnUnusableWidth() {
        assertThatThrownBy(() -> TerminalTable.render(Fixtures.report(List.of()), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
