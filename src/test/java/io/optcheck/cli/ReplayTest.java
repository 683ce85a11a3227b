package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.report.JsonReport;
import io.optcheck.result.Expected;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

    private static final String PREFIX = "./optcheck run --replay ";

    @TempDir
    Path tmp;

    @Test
    void replayingEachBreakingRegimesTokenReproducesItsCounterexample() throws IOException {
        Path run = tmp.resolve("run");
        assertThat(Cli.run("run", "--theorem", "gd.descent-lemma", "--quick", "--out", run.toString())
                        .exit())
                .isZero();
        List<Result> breaking = JsonReport.read(run.resolve("results.json")).results().stream()
                .filter(r -> r.expected() == Expected.BREAKS)
                .toList();
        assertThat(breaking)
                .hasSize(5)
                .allSatisfy(r -> assertThat(r.counterexample()).isNotNull());

        for (Result original : breaking) {
            String command = original.counterexample().replay();
            assertThat(command).startsWith(PREFIX + "gd.descent-lemma/" + original.regime() + "/oc1-");
            String token = command.substring(PREFIX.length());

            Cli replay = Cli.run("run", "--replay", token);
            assertThat(replay.exit()).as(replay.err()).isZero();
            assertThat(replay.out()).contains("  outcome:         broken", "  verdict:         pass");
            Map<String, String> printed = labelledLines(replay.out());
            original.counterexample()
                    .fields()
                    .forEach((k, v) -> assertThat(printed)
                            .as(original.regime() + " field " + k)
                            .containsEntry(k, Replays.value(v)));

            // With --out, the replayed result is written and its fields equal the original's exactly.
            Path out = tmp.resolve("replay-" + original.regime().replace(':', '_'));
            assertThat(Cli.run("run", "--replay", token, "--out", out.toString())
                            .exit())
                    .isZero();
            RunReport again = JsonReport.read(out.resolve("results.json"));
            assertThat(again.results()).hasSize(1);
            assertThat(again.results().get(0).counterexample().fields())
                    .isEqualTo(original.counterexample().fields());
        }
    }

    @Test
    void replayWritesNothingWithoutOut() throws IOException {
        Path run = tmp.resolve("run");
        Cli.run("run", "--theorem", "gd.descent-lemma", "--quick", "--out", run.toString());
        Result r = JsonReport.read(run.resolve("results.json")).result("gd.descent-lemma/monotone/gd/eta-gt-2-over-l");
        String token = r.counterexample().replay().substring(PREFIX.length());
        Files.delete(run.resolve("results.json"));
        // The whole printed command is accepted too.
        Cli replay = Cli.run("run", "--replay", r.counterexample().replay());
        assertThat(replay.exit()).isZero();
        assertThat(replay.out()).contains(token).doesNotContain("wrote ");
        assertThat(run.resolve("results.json")).doesNotExist();
    }

    @Test
    void replayOfABreakWithFailOnViolationKeepsExitZeroBecauseTheBreakIsExpected() throws IOException {
        Path run = tmp.resolve("run");
        Cli.run(TestTheorems.failing(), "run", "--theorem", "test.wrong-check", "--quick", "--out", run.toString());
        Result wrong = JsonReport.read(run.resolve("results.json")).result("test.wrong-check/wrong-factor/gd/holds");
        String token = wrong.counterexample().replay().substring(PREFIX.length());
        // This case violates a check that expects to hold: a failure, so exit 1 under --fail-on-violation.
        Cli replay = Cli.run(TestTheorems.failing(), "run", "--replay", token, "--fail-on-violation");
        assertThat(replay.exit()).isEqualTo(1);
        assertThat(replay.out()).contains("  outcome:         broken", "  verdict:         fail");
    }

    static Map<String, String> labelledLines(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        text.lines().filter(l -> l.startsWith("  ") && l.contains(": ")).forEach(l -> {
            int i = l.indexOf(": ");
            m.putIfAbsent(
                    l.substring(2, i), l.substring(i + 2).stripLeading()); // values start after the padded label column
        });
        return m;
    }
}
