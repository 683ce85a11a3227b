package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.optcheck.prop.ObservationSchema;
import io.optcheck.prop.Observations;
import io.optcheck.report.JsonReport;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --observations FILE}: one valid line per try and phase of every regime the run checked. */
class ObservationsOptionTest {

    @TempDir
    Path tmp;

    private final String before = System.getProperty(Observations.PROPERTY);

    /** The option sets a JVM-wide property (for worker JVMs); put it back for the other tests. */
    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Observations.PROPERTY);
        } else {
            System.setProperty(Observations.PROPERTY, before);
        }
    }

    @Test
    void everyRegimeOfTheRunIsObservedWithItsInstanceFields() throws IOException {
        Path file = tmp.resolve("obs/run.jsonl");
        Path out = tmp.resolve("r");
        Cli r = Cli.run(
                "run",
                "--theorem",
                "gd.descent-lemma",
                "--tries",
                "20",
                "--observations",
                file.toString(),
                "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(System.getProperty(Observations.PROPERTY))
                .isEqualTo(file.toAbsolutePath().toString());

        RunReport report = JsonReport.read(out.resolve("results.json"));
        Map<String, Integer> cases = new TreeMap<>();
        Map<String, Integer> infos = new TreeMap<>();
        for (JsonNode n : ObservationSchema.read(file)) {
            String property = n.get("property").asText();
            if (n.get("type").asText().equals("test_case")) {
                cases.merge(property, 1, Integer::sum);
                // the instance's fields, as its counterexample shows them (a discarded try may have no instance)
                if (!n.get("status").asText().equals("gave_up")) {
                    assertThat(n.get("arguments").has("dimension"))
                            .as(n.toString())
                            .isTrue();
                }
            } else {
                infos.merge(property, 1, Integer::sum);
            }
        }
        List<String> expected = report.results().stream()
                .map(res -> res.theorem() + "/" + res.regime() + " on " + res.method())
                .sorted()
                .toList();
        assertThat(cases.keySet()).containsExactlyElementsOf(expected);
        assertThat(infos.keySet()).containsExactlyElementsOf(expected);
        for (Result res : report.results()) {
            assertThat(cases.get(res.theorem() + "/" + res.regime() + " on " + res.method()))
                    .as(res.id())
                    .isGreaterThanOrEqualTo(res.tries());
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsBadInput() throws IOException {
        Path plain = Files.writeString(tmp.resolve("plain"), "x");
        Cli.run(
                        "run",
                        "--theorem",
                        "gd.descent-lemma",
                        "--quick",
                        "--observations",
                        plain.resolve("o.jsonl").toString(),
                        "--out",
                        tmp.resolve("r").toString())
                .assertBadInput("--observations", "plain", "a directory you can write to");
    }
}
