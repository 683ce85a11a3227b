package io.optcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.result.Counterexample;
import io.optcheck.result.Expected;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.Series;
import io.optcheck.result.WaiverMark;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultModelTest {

    @Test
    void idJoinsTheFourParts() {
        Result r = Result.builder("gd.descent-lemma", "eta-half-form", "gd", "drop:l-smooth")
                .expected(Expected.BREAKS)
                .outcome(Outcome.BROKEN)
                .build();
        assertThat(r.id()).isEqualTo("gd.descent-lemma/eta-half-form/gd/drop:l-smooth");
    }

    @Test
    void idPartsMustNotContainTheSeparator() {
        assertThatThrownBy(() -> Result.builder("a/b", "c", "m", "holds")
                        .expected(Expected.HOLDS)
                        .outcome(Outcome.HELD)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("theorem");
    }

    @Test
    void resultsAreSortedByTheoremConclusionMethodRegime() {
        Result a = Result.builder("b.thm", "c1", "gd", "holds")
                .expected(Expected.HOLDS)
                .outcome(Outcome.HELD)
                .build();
        Result b = Result.builder("a.thm", "c2", "gd", "holds")
                .expected(Expected.HOLDS)
                .outcome(Outcome.HELD)
                .build();
        Result c = Result.builder("a.thm", "c1", "nesterov", "holds")
                .expected(Expected.HOLDS)
                .outcome(Outcome.HELD)
                .build();
        Result d = Result.builder("a.thm", "c1", "gd", "holds")
                .expected(Expected.HOLDS)
                .outcome(Outcome.HELD)
                .build();
        Result e = Result.builder("a.thm", "c1", "gd", "drop:l-smooth")
                .expected(Expected.BREAKS)
                .outcome(Outcome.BROKEN)
                .build();
        RunReport r = Fixtures.report(List.of(a, b, c, d, e));
        assertThat(r.results()).containsExactly(e, d, c, b, a);
    }

    @Test
    void duplicateIdsAreRejected() {
        assertThatThrownBy(() -> Fixtures.report(List.of(Fixtures.held("t.x", "holds"), Fixtures.held("t.x", "holds"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t.x/main/gd/holds");
    }

    @Test
    void collectionsAreCopiedAndUnmodifiable() {
        List<String> assumptions = new ArrayList<>(List.of("l-smooth"));
        double[] curve = {1.0, 2.0};
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("observed", curve);
        Result r = Result.builder("t.x", "c", "gd", "holds")
                .assumptions(assumptions)
                .expected(Expected.HOLDS)
                .outcome(Outcome.HELD)
                .series(new Series(curves))
                .build();
        assumptions.add("changed");
        curve[0] = 99;
        assertThat(r.assumptions()).containsExactly("l-smooth");
        assertThat(r.series().curve("observed")).containsExactly(1.0, 2.0);
        r.series().curves().get("observed")[0] = 99;
        assertThat(r.series().curve("observed")).containsExactly(1.0, 2.0);
        assertThatThrownBy(() -> r.assumptions().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void freeMapsAreNormalizedToWhatJsonGivesBack() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("long", 3L);
        extra.put("big", 1L << 40);
        extra.put("float", 0.5f);
        extra.put("array", new double[] {1.5});
        extra.put("nested", Map.of("k", (short) 2));
        Result r = Result.builder("t.x", "c", "gd", "holds")
                .expected(Expected.HOLDS)
                .outcome(Outcome.HELD)
                .extra(extra)
                .build();
        assertThat(r.extra())
                .containsExactly(
                        Map.entry("long", 3),
                        Map.entry("big", 1L << 40),
                        Map.entry("float", 0.5),
                        Map.entry("array", List.of(1.5)),
                        Map.entry("nested", Map.of("k", 2)));
    }

    @Test
    void unsupportedFreeValuesAreRejected() {
        assertThatThrownBy(() -> Result.builder("t.x", "c", "gd", "holds")
                        .expected(Expected.HOLDS)
                        .outcome(Outcome.HELD)
                        .extra(Map.of("when", new Object()))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extra.when");
    }

    @Test
    void counterexampleSummaryMustBeOneLine() {
        assertThatThrownBy(() -> new Counterexample(Map.of(), "a\nb", "tok", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyFailuresCarryWaivers() {
        Result pass = Fixtures.held("t.x", "holds");
        assertThatThrownBy(() -> pass.withWaiver(new WaiverMark("r", LocalDate.of(2030, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gateIgnoresInfoAndPass() {
        RunReport ok = Fixtures.report(List.of(
                Fixtures.held("a.x", "holds"), Fixtures.info("a.x", "other"), Fixtures.broken("a.x", "drop:l-smooth")));
        assertThat(ok.gatePasses()).isTrue();
        RunReport bad = Fixtures.report(List.of(Fixtures.held("a.x", "holds"), Fixtures.failing("b.x", "holds")));
        assertThat(bad.gatePasses()).isFalse();
    }

    @Test
    void seriesEqualityComparesContents() {
        assertThat(new Series(Map.of("a", new double[] {Double.NaN})))
                .isEqualTo(new Series(Map.of("a", new double[] {Double.NaN})))
                .isNotEqualTo(new Series(Map.of("a", new double[] {1.0})));
    }
}
