package io.optcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.result.ErrorInfo;
import io.optcheck.result.Expected;
import io.optcheck.result.Observation;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.Waiver;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("formatting")
@ExtendWith(TurkishDefaultLocale.class)
class MarkdownSummaryTest {

    private static RunReport sample() {
        Map<String, Object> tolerance = new LinkedHashMap<>();
        tolerance.put("model", "c * ulp scale");
        tolerance.put("cPerDimension", 16);
        tolerance.put("relative", 0.5);
        Map<String, Object> obsSummary = new LinkedHashMap<>();
        obsSummary.put("finalSharpness", 1.999);
        obsSummary.put("steps", 300);
        obsSummary.put("limit", Double.POSITIVE_INFINITY);
        Observation obs =
                new Observation("land.sharpening", "gd", Map.of("sharpness", new double[] {1, 2, 3}), obsSummary);
        RunReport r = RunReport.of(
                "0.1.0",
                42,
                Fixtures.STARTED,
                12345,
                tolerance,
                List.of(
                        Fixtures.held("gd.descent-lemma", "holds"),
                        Fixtures.failing("gd.rate", "holds"),
                        Fixtures.broken("gd.descent-lemma", "drop:step-le-2-over-l"),
                        Fixtures.info("gd.rate", "weird"),
                        Fixtures.failing("gd.other", "holds")),
                List.of(obs));
        return Waivers.of(List.of(new Waiver("gd.rate/main/gd/holds", "bug | #12", LocalDate.of(2030, 1, 31))))
                .apply(r, LocalDate.of(2025, 1, 1));
    }

    @Test
    void headerStatesTheRun() {
        String md = MarkdownSummary.render(sample());
        assertThat(md)
                .startsWith("# optcheck summary\n\n"
                        + "- **Version:** 0.1.0\n"
                        + "- **Seed:** 42\n"
                        + "- **Tries:** 100 to 1000 (per result below)\n"
                        + "- **Started:** 2025-01-31T12:00:00Z\n"
                        + "- **Wall time:** 12.345 s\n"
                        + "- **Verdicts:** 5 results: 2 pass, 2 fail (1 waived), 1 info\n"
                        + "- **Gate:** fails (1 unwaived failure)\n"
                        + "- **Tolerance model:**\n"
                        + "  - model: c \\* ulp scale\n"
                        + "  - cPerDimension: 16\n"
                        + "  - relative: 0.5\n");
    }

    @Test
    void tableRowsMatchHandWrittenLines() {
        String md = MarkdownSummary.render(sample());
        assertThat(md)
                .contains(
                        "\n| theorem | regime | conclusion | method | expected | outcome | verdict | tries | worst ratio | found by | counterexample |\n"
                                + "|---|---|---|---|---|---|---|---:|---:|---|---|\n"
                                + "| gd.descent-lemma | drop:step-le-2-over-l | main | gd | breaks | broken | pass | 200 | ∞ | targeted | dim 1, eta L = 2.0004, x0 = \\[1\\] |\n"
                                + "| gd.descent-lemma | holds | main | gd | holds | held | pass | 1000 | 0.5 | — | — |\n"
                                + "| gd.other | holds | main | gd | holds | broken | **FAIL** | 1000 | 1.0005 | random | dim 2 \\| eta = 1/L, x\\*y |\n"
                                + "| gd.rate | holds | main | gd | holds | broken | FAIL (waived until 2030-01-31) | 1000 | 1.0005 | random | dim 2 \\| eta = 1/L, x\\*y |\n"
                                + "| gd.rate | weird | main | gd | none | broken | info | 100 | 3 | edge | — |\n");
    }

    @Test
    void detailsWaiversAndObservations() {
        String md = MarkdownSummary.render(sample());
        assertThat(md)
                .contains("- **Threshold:** eta L = 2.0004 found, 2 in theory\n")
                .contains("  - x0: \\[1, NaN\\]\n")
                .contains("  - replay: `r1:abc`\n")
                .contains("- **tol/|rhs|:** 1.5e-13\n")
                .contains("- **Waived:** bug \\| #12 (until 2030-01-31)\n")
                .contains("## Waivers\n\n- **Applied:**\n  - gd.rate/main/gd/holds, until 2030-01-31: bug \\| #12\n")
                .contains("## Observations\n\n### land.sharpening (gd)\n\n"
                        + "- **finalSharpness:** 1.999\n"
                        + "- **steps:** 300\n"
                        + "- **limit:** ∞\n"
                        + "- **Series:** sharpness (3 points)\n")
                .endsWith("\n")
                .doesNotContain("\r");
    }

    @Test
    void multiLineErrorsStayOnOneTableLine() {
        Result err = Result.builder("gd.armijo", "c", "armijo", "holds")
                .expected(Expected.HOLDS)
                .outcome(Outcome.ERROR)
                .error(new ErrorInfo("line one\nline | two", 17))
                .build();
        String md = MarkdownSummary.render(Fixtures.report(List.of(err)));
        assertThat(md)
                .contains(
                        "| gd.armijo | holds | c | armijo | holds | error | **FAIL** | 0 | — | — | error at step 17: line one\\\\nline \\| two |\n");
    }

    @Test
    void aRunWithoutResultsStillRenders() {
        String md =
                MarkdownSummary.render(RunReport.of("0.1.0", 1, Fixtures.STARTED, 0, Map.of(), List.of(), List.of()));
        assertThat(md)
                .contains("- **Tries:** -\n")
                .contains("- **Tolerance model:** —\n")
                .contains("No results.")
                .contains("No observations.")
                .contains("- **Gate:** passes\n");
    }
}
