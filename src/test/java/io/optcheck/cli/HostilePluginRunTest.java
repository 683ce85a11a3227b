package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile plug-in (exit 0, exit 3, a busy-loop hang, heap exhaustion, a throw, NaN, an init() or
 * a create() that throws ExceptionInInitializerError as a library without its native code does) checked
 * beside a well-behaved one through the command line, each plug-in regime in a real forked worker
 * JVM: the well-behaved plug-in's results are all written, the hostile plug-in's regime is an
 * error naming the cause, and --fail-on-violation fails the gate with exit code 1.
 */
class HostilePluginRunTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of(
                        "ExitsZero",
                        "hostile.exit0",
                        "worker exited with code 0 during try 1 of conf.zero-gradient/holds"),
                Arguments.of(
                        "ExitsThree",
                        "hostile.exit3",
                        "worker exited with code 3 during try 1 of conf.zero-gradient/holds"),
                Arguments.of(
                        "Hangs",
                        "hostile.hang",
                        "timeout: no progress for 10 s during try 1 of conf.zero-gradient/holds"),
                Arguments.of(
                        "ExhaustsMemory",
                        "hostile.oom",
                        "heap exhausted (OutOfMemoryError) during try 1 of conf.zero-gradient/holds with -Xmx48m"),
                Arguments.of(
                        "Throws",
                        "hostile.throw",
                        "step threw java.lang.IllegalStateException: hostile plug-in: thrown on purpose"),
                Arguments.of("ReturnsNaN", "hostile.nan", "step returned a non-finite position"),
                Arguments.of(
                        "InitFails",
                        "hostile.init-fails",
                        "init threw java.lang.ExceptionInInitializerError (caused by "
                                + "java.lang.IllegalStateException: hostile plug-in: no native backend)"),
                Arguments.of(
                        "CannotBeBuilt",
                        "hostile.cannot-be-built",
                        "threw java.lang.ExceptionInInitializerError (caused by "
                                + "java.lang.IllegalStateException: hostile plug-in: no native backend)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void theHostileRegimeIsAnErrorNamingTheCauseAndNothingElseIsLost(String fixture, String id, String cause)
            throws IOException {
        Path out = dir.resolve(fixture);
        Cli c = Cli.run(
                "run",
                "--method-class",
                "io.optcheck.method.plugin.SamplePlugins$Gd",
                "--method-class",
                "io.optcheck.run.HostilePlugins$" + fixture,
                "--theorem",
                "conf.zero-gradient",
                "--theorem",
                "conf.reference-equivalence",
                "--tries",
                "5",
                "--try-timeout",
                "10",
                "--worker-jvm-args",
                "-Xmx48m",
                "--fail-on-violation",
                "--out",
                out.toString());
        assertThat(c.exit()).as(c.out() + c.err()).isEqualTo(Main.VIOLATION);
        assertThat(c.out()).contains("gate: FAILED");
        JsonNode results = new ObjectMapper()
                .readTree(out.resolve("results.json").toFile())
                .get("results");
        Map<String, JsonNode> byKey = new HashMap<>();
        results.forEach(
                r -> byKey.put(r.get("method").asText() + " " + r.get("theorem").asText(), r));
        assertThat(byKey).hasSize(4);
        for (String theorem : new String[] {"conf.zero-gradient", "conf.reference-equivalence"}) {
            JsonNode good = byKey.get("sample-gd " + theorem);
            assertThat(good.get("outcome").asText()).as(good.toString()).isEqualTo("held");
            assertThat(good.get("tries").asInt()).isEqualTo(5);
            JsonNode bad = byKey.get(id + " " + theorem);
            assertThat(bad.get("outcome").asText()).isEqualTo("error");
            assertThat(bad.get("verdict").asText()).isEqualTo("fail");
        }
        assertThat(byKey.get(id + " conf.zero-gradient")
                        .get("error")
                        .get("message")
                        .asText())
                .contains(cause);
        assertThat(Files.readString(out.resolve("summary.md"), StandardCharsets.UTF_8))
                .contains(id, "sample-gd");
    }
    /**
     * conf.checkpoint-resume asks the plug-in's optimizer whether it copies its state while the
     * command line lists what applies, in the command line's own process: a create() that throws an
     * Error there (ExceptionInInitializerError, as an ND4J updater without its native backend throws
     * it) used to end the run with exit 3 ("internal error"). It is an error result naming it.
     */
    @Test
    void aPluginThatCannotBeBuiltIsAnErrorResultNotTheEndOfTheRun() throws IOException {
        Path out = dir.resolve("cannot-be-built-checkpoint");
        Cli c = Cli.run(
                "run",
                "--method-class",
                "io.optcheck.method.plugin.SamplePlugins$Gd",
                "--method-class",
                "io.optcheck.run.HostilePlugins$CannotBeBuilt",
                "--theorem",
                "conf.checkpoint-resume",
                "--tries",
                "3",
                "--out",
                out.toString());
        assertThat(c.exit()).as(c.out() + c.err()).isEqualTo(0);
        JsonNode results = new ObjectMapper()
                .readTree(out.resolve("results.json").toFile())
                .get("results");
        Map<String, JsonNode> byMethod = new HashMap<>();
        results.forEach(r -> byMethod.put(r.get("method").asText(), r));
        assertThat(byMethod.get("sample-gd").get("outcome").asText()).isEqualTo("held");
        JsonNode bad = byMethod.get("hostile.cannot-be-built");
        assertThat(bad.get("outcome").asText()).isEqualTo("error");
        assertThat(bad.get("error").get("message").asText())
                .contains("method hostile.cannot-be-built cannot be built: create(")
                .contains("threw java.lang.ExceptionInInitializerError (caused by java.lang.IllegalStateException: "
                        + "hostile plug-in: no native backend)");
    }
}
