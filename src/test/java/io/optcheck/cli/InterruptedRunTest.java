package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.optcheck.result.RunReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real command-line process, stopped midway by a real signal: the results finished so far are
 * written and marked partial in all three reports, the exit code is 128 + the signal, the old
 * report does not survive, and the plug-in's worker process dies with the parent.
 */
class InterruptedRunTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void theFinishedResultsAreWrittenMarkedPartial(String signal, int exitCode) throws Exception {
        Path out = dir.resolve("reports");
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.json"), "{\"an\": \"older report\"}");
        Files.writeString(out.resolve("keep.txt"), "not a report file");
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                "--method-class",
                "io.optcheck.method.plugin.SamplePlugins$Gd",
                "--theorem",
                "conf.gradient-scale-invariance",
                "--theorem",
                "conf.zero-gradient",
                "--tries",
                "2000000",
                "--out",
                out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch twoResults = new CountDownLatch(2);
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    if (line.matches("\\[\\d/\\d] .*")) {
                        twoResults.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.start();
        try {
            // Two regimes finish at once (GD's gradient-scale invariance: not applicable, and broken at
            // the first edge case); the third runs 2000000 tries: the signal arrives while a worker runs it.
            assertThat(twoResults.await(120, TimeUnit.SECONDS))
                    .as(String.join("\n", lines))
                    .isTrue();
            assertThat(Files.exists(out.resolve("results.json")))
                    .as("the older report is retired at the start")
                    .isFalse();
            List<ProcessHandle> workers = p.descendants().toList();
            assertThat(workers).as("the worker JVM").isNotEmpty();
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            assertThat(p.exitValue()).as(String.join("\n", lines)).isEqualTo(exitCode);
            for (ProcessHandle w : workers) {
                w.onExit().get(30, TimeUnit.SECONDS);
                assertThat(w.isAlive()).isFalse();
            }
        } finally {
            p.destroyForcibly();
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(json.get("partial").asBoolean()).isTrue();
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(RunReport.SCHEMA_VERSION);
        int written = json.get("results").size();
        assertThat(written).isEqualTo(2);
        assertThat(Files.readString(out.resolve("summary.md"), StandardCharsets.UTF_8))
                .contains("**PARTIAL:**");
        assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8))
                .contains("<strong>PARTIAL</strong>", "<title>PARTIAL optcheck report");
        assertThat(String.join("\n", lines))
                .contains(
                        "PARTIAL: the run was interrupted",
                        "interrupted: the " + written + " results finished so far are written");
        assertThat(out.resolve("keep.txt")).exists();
        try (var left = Files.list(dir)) {
            assertThat(left.map(f -> f.getFileName().toString()))
                    .as("no temporary directory is left")
                    .containsExactly("reports");
        }
    }
}
