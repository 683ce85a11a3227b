package io.optcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.result.Expected;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outcome inconclusive (schema 3) in every writer: JSON, terminal table, summary.md, index.html. */
class InconclusiveDisplayTest {

    static Result inconclusive() {
        return Result.builder("t.x", "main", "gd", "holds")
                .assumptions(List.of("l-smooth"))
                .expected(Expected.HOLDS)
                .outcome(Outcome.INCONCLUSIVE)
                .tries(3)
                .seed(42)
                .extra(Map.of("inconclusive", "inconclusive: too few tries to decide coverage"))
                .build();
    }

    @Test
    void isVerdictInfoAndShownByEveryWriter() {
        Result r = inconclusive();
        assertThat(r.verdict()).isEqualTo(Verdict.INFO);
        RunReport report = Fixtures.report(List.of(r, Fixtures.held("t.y", "holds")));
        String json = JsonReport.toJson(report);
        assertThat(json).contains("\"outcome\": \"inconclusive\"", "\"verdict\": \"info\"", "\"schemaVersion\": 5");
        assertThat(JsonReport.fromJson(json).results().get(0).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(TerminalTable.render(report)).contains("inconclusive");
        assertThat(MarkdownSummary.render(report)).contains("| inconclusive |");
        assertThat(HtmlReport.render(report, Map.of())).contains("data-outcome=\"inconclusive\"", "? inconclusive");
    }
}
