package io.optcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.optcheck.prop.Phase;
import io.optcheck.result.Counterexample;
import io.optcheck.result.ErrorInfo;
import io.optcheck.result.Expected;
import io.optcheck.result.Observation;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.Series;
import io.optcheck.result.StatisticalTest;
import io.optcheck.result.Verdict;
import io.optcheck.result.Waiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@Tag("formatting")
@ExtendWith(TurkishDefaultLocale.class)
class JsonReportTest {

    /** A strict parser: non-numeric numbers (bare NaN, Infinity) are not accepted. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static RunReport rich() {
        Map<String, Object> tolerance = new LinkedHashMap<>();
        tolerance.put("model", "c * ulp scale");
        tolerance.put("c", 16);
        tolerance.put("cMaxPerDim", 16.0);
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("observed", new double[] {1.0, Double.POSITIVE_INFINITY, Double.NaN});
        curves.put("bound", new double[] {0.1 + 0.2, Double.NEGATIVE_INFINITY});
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("randomWorstRatio", 0.93);
        extra.put("targetedWorstRatio", Double.NaN);
        extra.put("labels", List.of("dim 1", "eta at limit"));
        Result stats = Result.builder("sgd.rate", "expectation", "sgd", "holds")
                .assumptions(List.of("l-smooth", "bounded-variance"))
                .expected(Expected.HOLDS)
                .outcome(Outcome.HELD)
                .tries(400)
                .seed(-3)
                .worstRatio(0.81)
                .tightReference(1.0)
                .toleranceRatio(0.0)
                .statistics(new StatisticalTest("empirical-bernstein", 1e-9, 400, Long.MAX_VALUE))
                .conventions(Map.of("lr", "per-sample"))
                .extra(extra)
                .series(new Series(curves))
                .durationMs(99)
                .build();
        Result err = Result.builder("gd.armijo", "decrease", "armijo", "drop:descent-direction")
                .expected(Expected.BREAKS)
                .outcome(Outcome.REFUSED)
                .tries(3)
                .seed(1)
                .error(new ErrorInfo("no Armijo step", 17))
                .build();
        Result err2 = Result.builder("gd.armijo", "decrease", "armijo", "holds")
                .expected(Expected.HOLDS)
                .outcome(Outcome.ERROR)
                .error(new ErrorInfo("boom", null))
                .build();
        Map<String, Object> original = new LinkedHashMap<>();
        original.put("dim", 7);
        original.put("eta", Double.POSITIVE_INFINITY);
        Result ce = Fixtures.broken("gd.descent-lemma", "drop:step-le-2-over-l").toBuilder()
                .counterexample(new Counterexample(Map.of("dim", 1), "dim 1", "tok", 4, original))
                .build();
        Observation obs = new Observation(
                "land.sharpening",
                "gd",
                Map.of("sharpness", new double[] {1.0, Double.NaN}),
                Map.of("final", Double.NEGATIVE_INFINITY, "steps", 2));
        List<Result> results = List.of(
                Fixtures.held("gd.descent-lemma", "holds"),
                ce,
                stats,
                err,
                err2,
                Fixtures.failing("zz.last", "holds"),
                Fixtures.info("aa.first", "weird"));
        RunReport r = RunReport.of(
                "0.1.0", Long.MIN_VALUE, Fixtures.STARTED.plusNanos(123_000_000), 5, tolerance, results, List.of(obs));
        return Waivers.of(List.of(
                        new Waiver("zz.last/main/gd/holds", "known bug, #12", LocalDate.of(2030, 1, 31)),
                        new Waiver("no.such/main/gd/holds", "stale", LocalDate.of(2030, 1, 31)),
                        new Waiver("aa.first/main/gd/weird", "old", LocalDate.of(2020, 1, 31))))
                .apply(r, LocalDate.of(2025, 6, 1));
    }

    @Test
    void roundTripGivesAnEqualReport() {
        RunReport r = rich();
        RunReport back = JsonReport.fromJson(JsonReport.toJson(r));
        assertThat(back).isEqualTo(r);
        // Spot checks that equality is not vacuous.
        assertThat(back.result("sgd.rate/expectation/sgd/holds").series().curve("observed")[2])
                .isNaN();
        assertThat(back.result("zz.last/main/gd/holds").waiver().reason()).isEqualTo("known bug, #12");
        assertThat(back.waivers().unused()).extracting(Waiver::id).containsExactly("no.such/main/gd/holds");
    }

    @Test
    void roundTripThroughAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("results.json");
        RunReport r = rich();
        JsonReport.write(r, f);
        assertThat(JsonReport.read(f)).isEqualTo(r);
    }

    @Test
    void nonFiniteNumbersAreStringsAndTheFileIsStrictJson() throws Exception {
        String json = JsonReport.toJson(rich());
        JsonNode root = STRICT.readTree(json); // throws on a bare NaN or Infinity
        JsonNode sgd = root.get("results").get(5); // aa, gd.armijo x2, gd.descent-lemma x2, sgd
        assertThat(sgd.get("theorem").asText()).isEqualTo("sgd.rate");
        JsonNode observed = sgd.get("series").get("observed");
        assertThat(observed.get(0).isNumber()).isTrue();
        assertThat(observed.get(1).textValue()).isEqualTo("Infinity");
        assertThat(observed.get(2).textValue()).isEqualTo("NaN");
        assertThat(sgd.get("series").get("bound").get(1).textValue()).isEqualTo("-Infinity");
        assertThat(sgd.get("extra").get("targetedWorstRatio").textValue()).isEqualTo("NaN");
        assertThat(root.get("observations").get(0).get("summary").get("final").textValue())
                .isEqualTo("-Infinity");
        assertThat(json).doesNotContain(": NaN").doesNotContain(": Infinity").doesNotContain(": -Infinity");
    }

    @Test
    void numbersAreNotRounded() {
        String json = JsonReport.toJson(rich());
        assertThat(json)
                .contains("0.30000000000000004")
                .contains("\"seed\": -9223372036854775808")
                .contains("\"seed\": 9223372036854775807")
                .contains("\"alpha\": 1.0E-9");
    }

    @Test
    void resultsAreSortedWhateverTheInputOrder() {
        RunReport r = rich();
        List<Result> shuffled = new ArrayList<>(r.results());
        Collections.reverse(shuffled);
        RunReport again = r.with(shuffled, r.waivers());
        assertThat(JsonReport.toJson(again)).isEqualTo(JsonReport.toJson(r));
        assertThat(r.results())
                .extracting(Result::theorem)
                .containsExactly(
                        "aa.first",
                        "gd.armijo",
                        "gd.armijo",
                        "gd.descent-lemma",
                        "gd.descent-lemma",
                        "sgd.rate",
                        "zz.last");
    }

    @Test
    void twoWritesAreByteIdentical(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        JsonReport.write(rich(), a);
        JsonReport.write(rich(), b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        String text = Files.readString(a, StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n").doesNotContain("\r").doesNotEndWith("\n\n");
    }

    @Test
    void layoutFieldOrderAndLowerCaseEnumsMatchAHandWrittenFile() {
        Result r = Result.builder("gd.descent-lemma", "eta-half-form", "gd", "holds")
                .assumptions(List.of("l-smooth"))
                .expected(Expected.NONE)
                .outcome(Outcome.HELD)
                .tries(1000)
                .seed(42)
                .worstRatio(0.5)
                .toleranceRatio(Double.POSITIVE_INFINITY)
                .durationMs(7)
                .build();
        RunReport report = RunReport.of("0.1.0", 42, Fixtures.STARTED, 1500, Map.of("c", 16), List.of(r), List.of());
        String expected = String.join(
                "\n",
                "{",
                "  \"tool\": \"optcheck\",",
                "  \"schemaVersion\": 5,",
                "  \"version\": \"0.1.0\",",
                "  \"seed\": 42,",
                "  \"startedAt\": \"2025-01-31T12:00:00Z\",",
                "  \"wallMs\": 1500,",
                "  \"partial\": false,",
                "  \"tolerance\": {",
                "    \"c\": 16",
                "  },",
                "  \"waivers\": null,",
                "  \"results\": [",
                "    {",
                "      \"theorem\": \"gd.descent-lemma\",",
                "      \"conclusion\": \"eta-half-form\",",
                "      \"method\": \"gd\",",
                "      \"regime\": \"holds\",",
                "      \"assumptions\": [",
                "        \"l-smooth\"",
                "      ],",
                "      \"expected\": \"none\",",
                "      \"outcome\": \"held\",",
                "      \"verdict\": \"info\",",
                "      \"waiver\": null,",
                "      \"tries\": 1000,",
                "      \"seed\": 42,",
                "      \"foundBy\": null,",
                "      \"worstRatio\": 0.5,",
                "      \"tightReference\": null,",
                "      \"toleranceRatio\": \"Infinity\",",
                "      \"threshold\": null,",
                "      \"statistics\": null,",
                "      \"conventions\": {},",
                "      \"counterexample\": null,",
                "      \"error\": null,",
                "      \"durationMs\": 7,",
                "      \"extra\": {},",
                "      \"series\": {},",
                "      \"recheck\": null,",
                "      \"precision\": \"float64\"",
                "    }",
                "  ],",
                "  \"observations\": []",
                "}",
                "");
        assertThat(JsonReport.toJson(report)).isEqualTo(expected);
        assertThat(JsonReport.fromJson(expected)).isEqualTo(report);
        // a schemaVersion 4 file has no precision: its results computed in float64
        String v4 = expected.replace("\"schemaVersion\": 5", "\"schemaVersion\": 4")
                .replace("\"recheck\": null,\n      \"precision\": \"float64\"", "\"recheck\": null");
        assertThat(v4).doesNotContain("precision");
        assertThat(JsonReport.fromJson(v4).results()).isEqualTo(report.results());
    }

    @Test
    void enumSpellingsParseUnderTurkishLocale() {
        // "info".toUpperCase() is "İNFO" and "INFO".toLowerCase() is "ınfo" under tr.
        assertThat(Verdict.fromJson("info")).isEqualTo(Verdict.INFO);
        assertThat(Verdict.INFO.json()).isEqualTo("info");
        assertThat(Expected.fromJson("none")).isEqualTo(Expected.NONE);
        assertThat(Result.foundBy("edge")).isEqualTo(Phase.EDGE);
        assertThatThrownBy(() -> Verdict.fromJson("INFO"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"pass\", \"fail\", \"info\"");
    }

    @Test
    void readingABadFileNamesThePath() {
        String json = JsonReport.toJson(rich()).replace("\"verdict\": \"pass\"", "\"verdict\": \"passed\"");
        assertThatThrownBy(() -> JsonReport.fromJson(json))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("$.results[")
                .hasMessageContaining("].verdict")
                .hasMessageContaining("passed");
        assertThatThrownBy(() -> JsonReport.fromJson("{\"tool\": \"other\"}"))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("$.tool");
        assertThatThrownBy(() -> JsonReport.fromJson("{\"a\": NaN}"))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aVerdictThatContradictsTheTableIsRejectedOnRead() {
        String json = JsonReport.toJson(Fixtures.report(List.of(Fixtures.failing("a.x", "holds"))))
                .replace("\"verdict\": \"fail\"", "\"verdict\": \"pass\"");
        assertThatThrownBy(() -> JsonReport.fromJson(json))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("disagrees");
    }
}
