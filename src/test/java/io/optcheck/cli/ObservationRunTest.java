package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.optcheck.report.JsonReport;
import io.optcheck.result.Observation;
import io.optcheck.result.RunReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command measures the catalog's observations and writes them into both reports. */
class ObservationRunTest {

    @TempDir
    Path tmp;

    @Test
    void sharpeningAppearsInResultsJsonAndSummaryWithItsNumbers() throws IOException {
        Path out = tmp.resolve("r");
        Cli r = Cli.run("run", "--theorem", "land.sharpening", "--quick", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.err()).contains("[observation] land.sharpening: measured");
        assertThat(r.out()).contains("observation land.sharpening (gd, no verdict)");

        JsonNode tree =
                new ObjectMapper().readTree(Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8));
        JsonNode obs = tree.get("observations");
        assertThat(obs.size()).isEqualTo(1);
        JsonNode o = obs.get(0);
        assertThat(o.get("id").asText()).isEqualTo("land.sharpening");
        assertThat(o.get("method").asText()).isEqualTo("gd");
        JsonNode summary = o.get("summary");
        assertThat(summary.get("eta").asDouble()).isEqualTo(0.1);
        assertThat(summary.get("2/eta").asDouble()).isEqualTo(20.0);
        assertThat(summary.get("lambdaMaxStart").isNumber()).isTrue();
        assertThat(summary.get("lambdaMaxPeak").asDouble())
                .isGreaterThanOrEqualTo(summary.get("lambdaMaxStart").asDouble());
        assertThat(summary.has("firstStepWithin10PercentOf2OverEta")).isTrue();
        assertThat(summary.get("stepsWithin10PercentOf2OverEta").isInt()).isTrue();

        RunReport report = JsonReport.read(out.resolve("results.json"));
        Observation read = report.observations().get(0);
        double[] curve = read.series().get("lambda_max");
        assertThat(curve).hasSize(summary.get("steps").asInt() + 1);
        assertThat(curve[0]).isEqualTo(summary.get("lambdaMaxStart").asDouble());
        assertThat(read.series().get("loss")).hasSize(curve.length);

        String md = Files.readString(out.resolve("summary.md"), StandardCharsets.UTF_8);
        assertThat(md)
                .contains("## Observations")
                .contains("land.sharpening")
                .contains("lambdaMaxPeak")
                .contains("lambda\\_max (" + curve.length + " points)");
    }

    @Test
    void aTheoremFilterOfAnotherFamilyLeavesTheObservationOut() throws IOException {
        Path out = tmp.resolve("g");
        Cli r = Cli.run("run", "--theorem", "gd.descent-lemma", "--quick", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(JsonReport.read(out.resolve("results.json")).observations()).isEmpty();
    }
}
