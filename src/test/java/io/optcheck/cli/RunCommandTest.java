package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.optcheck.report.JsonReport;
import io.optcheck.result.Expected;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.Verdict;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Regime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path tmp;

    @Test
    void quickRunOfOneTheoremWritesBothReportsAndPrintsTheTable() throws IOException {
        Path out = tmp.resolve("new/reports");
        Cli r = Cli.run("run", "--theorem", "gd.descent-lemma", "--quick", "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(out.resolve("results.json")).isRegularFile();
        assertThat(out.resolve("summary.md")).isRegularFile();
        assertThat(out.resolve("index.html")).isRegularFile();
        assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8))
                .contains("Descent lemma")
                .contains("data-result=\"gd.descent-lemma/eta-half-form/gd/holds\"");
        // Strictly valid JSON (no bare NaN), then the project's reader.
        JsonNode tree =
                new ObjectMapper().readTree(Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8));
        assertThat(tree.get("tool").asText()).isEqualTo("optcheck");
        assertThat(tree.get("seed").asLong()).isEqualTo(42);
        assertThat(tree.get("version").asText()).isNotBlank().doesNotContain("${");
        assertThat(tree.get("tolerance").has("formula")).isTrue();
        RunReport report = JsonReport.read(out.resolve("results.json"));
        Set<String> expected = Catalog.builtIn().get("gd.descent-lemma").regimes().stream()
                .map(Regime::id)
                .collect(Collectors.toSet());
        assertThat(report.results()).extracting(Result::regime).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.results()).allSatisfy(res -> {
            assertThat(res.theorem()).isEqualTo("gd.descent-lemma");
            assertThat(res.verdict()).as(res.id()).isEqualTo(Verdict.PASS);
            // --quick: a holds regime runs at most 50 tries; a breaking one keeps its CI budget (1000) and
            // stops at its first counterexample (the stagnation regimes find theirs after the 100 edge cases)
            assertThat(res.tries()).isBetween(1, res.expected() == Expected.HOLDS ? 50 : 1000);
        });
        assertThat(Files.readString(out.resolve("summary.md")))
                .contains("gd.descent-lemma")
                .contains("eta-gt-2-over-l");
        assertThat(r.out())
                .contains(
                        "theorem",
                        "regime",
                        "worst ratio",
                        expected.size() + " results: " + expected.size() + " pass, 0 fail",
                        "results.json",
                        "summary.md",
                        "index.html");
        // One progress line per result on stderr, naming theorem, regime and outcome.
        assertThat(r.err()
                        .lines()
                        .filter(l -> l.matches("\\[ *\\d+/" + expected.size()
                                + "\\] gd\\.descent-lemma / .+: (held|broken) \\(pass\\) in .+ s")))
                .hasSize(expected.size());
    }

    @Test
    void failOnViolationExitsOneForAnUnwaivedFailure() throws IOException {
        Path out = tmp.resolve("r");
        Cli without = Cli.run(TestTheorems.failing(), "run", "--quick", "--out", out.toString());
        assertThat(without.exit()).as(without.err()).isEqualTo(0);
        assertThat(without.out()).contains("gate: would fail");

        Cli with = Cli.run(TestTheorems.failing(), "run", "--quick", "--fail-on-violation", "--out", out.toString());
        assertThat(with.exit()).isEqualTo(1);
        assertThat(with.out()).contains("gate: FAILED");
        Result wrong = JsonReport.read(out.resolve("results.json")).result("test.wrong-check/wrong-factor/gd/holds");
        assertThat(wrong.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(wrong.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(wrong.waiver()).isNull();
        assertThat(wrong.counterexample()).isNotNull();
    }

    @Test
    void validWaiversMakeTheGatePassAndTheWaivedFailureStillShows() throws IOException {
        Path waivers = tmp.resolve("waivers.yaml");
        Files.writeString(
                waivers,
                ""
                        + "- id: test.wrong-check/wrong-factor/gd/holds\n"
                        + "  reason: the check is deliberately wrong\n"
                        + "  expires: 2099-12-31\n"
                        + "- id: test.nan-objective/eta-half-form/gd/holds\n"
                        + "  reason: the objective is NaN on purpose\n"
                        + "  expires: 2099-12-31\n"
                        + "- id: test.throws/eta-half-form/gd/holds\n"
                        + "  reason: the generator throws on purpose\n"
                        + "  expires: 2099-12-31\n");
        Path out = tmp.resolve("r");
        Cli r = Cli.run(
                TestTheorems.failing(),
                "run",
                "--quick",
                "--fail-on-violation",
                "--waivers",
                waivers.toString(),
                "--out",
                out.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
        RunReport report = JsonReport.read(out.resolve("results.json"));
        Result wrong = report.result("test.wrong-check/wrong-factor/gd/holds");
        assertThat(wrong.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(wrong.waiver()).isNotNull();
        assertThat(wrong.waiver().reason()).isEqualTo("the check is deliberately wrong");
        assertThat(report.waivers().applied()).hasSize(3);
        assertThat(Files.readString(out.resolve("summary.md"))).contains("FAIL (waived until 2099-12-31)");
        assertThat(r.out()).contains("FAIL (waived)").contains("3 fail (3 waived)");
    }

    @Test
    void anExpiredWaiverExcusesNothing() throws IOException {
        Path waivers = tmp.resolve("waivers.yaml");
        Files.writeString(
                waivers,
                "- id: test.wrong-check/wrong-factor/gd/holds\n"
                        + "  reason: expired long ago\n  expires: 2000-01-01\n");
        Cli r = Cli.run(
                Catalog.of(List.of(new TestTheorems.WrongCheck())),
                "run",
                "--quick",
                "--fail-on-violation",
                "--waivers",
                waivers.toString(),
                "--out",
                tmp.resolve("r").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(JsonReport.read(tmp.resolve("r/results.json")).waivers().expired())
                .hasSize(1);
    }

    @Test
    void aNanObjectiveAndAThrowingTheoremBecomeErrorsAndTheOtherResultsAreStillWritten() throws IOException {
        Path out = tmp.resolve("r");
        Cli r = Cli.run(TestTheorems.failing(), "run", "--quick", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(0);
        r.assertNoStackTrace();

        RunReport report = JsonReport.read(out.resolve("results.json"));
        assertThat(report.results())
                .extracting(Result::id)
                .containsExactly(
                        "test.nan-objective/eta-half-form/gd/holds",
                        "test.throws/eta-half-form/gd/holds",
                        "test.wrong-check/eta-half-form/gd/right-factor",
                        "test.wrong-check/wrong-factor/gd/holds");

        Result nan = report.result("test.nan-objective/eta-half-form/gd/holds");
        assertThat(nan.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(nan.verdict()).isEqualTo(Verdict.FAIL);
        // x_t = x0 / 2^t and the objective is NaN below x0/10: the gradient at x_4 is NaN, in step 5.
        assertThat(nan.error().step()).isEqualTo(5);
        assertThat(nan.error().message()).contains("NaN");

        Result thrown = report.result("test.throws/eta-half-form/gd/holds");
        assertThat(thrown.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(thrown.error().message())
                .contains("test.throws/holds", "IllegalStateException", "generator exploded");

        assertThat(report.result("test.wrong-check/eta-half-form/gd/right-factor")
                        .verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(report.result("test.wrong-check/wrong-factor/gd/holds").outcome())
                .isEqualTo(Outcome.BROKEN);
        assertThat(r.err())
                .contains("test.throws / holds on gd: error (fail)", "test.nan-objective / holds on gd: error (fail)");
        assertThat(r.out()).contains("4 results: 1 pass, 3 fail");
    }

    @Test
    void methodFilterSelectsTheoremsOnThatMethod() throws IOException {
        Cli r = Cli.run(
                TestTheorems.failing(),
                "run",
                "--quick",
                "--method",
                "gd",
                "--theorem",
                "test.wrong-check",
                "--out",
                tmp.toString());
        assertThat(r.exit()).isEqualTo(0);
        assertThat(JsonReport.read(tmp.resolve("results.json")).results()).hasSize(2);
    }

    @Test
    void triesAndSeedAreApplied() throws IOException {
        Cli r = Cli.run(
                TestTheorems.failing(),
                "run",
                "--theorem",
                "test.wrong-check",
                "--tries",
                "7",
                "--seed",
                "9",
                "--no-edge-cases",
                "--out",
                tmp.toString());
        assertThat(r.exit()).isEqualTo(0);
        RunReport report = JsonReport.read(tmp.resolve("results.json"));
        assertThat(report.seed()).isEqualTo(9);
        Result passing = report.result("test.wrong-check/eta-half-form/gd/right-factor");
        assertThat(passing.tries()).isEqualTo(7);
        assertThat(passing.seed()).isEqualTo(9);
        // Without edge cases the break is found by random search.
        assertThat(report.result("test.wrong-check/wrong-factor/gd/holds")
                        .foundBy()
                        .json())
                .isEqualTo("random");
    }

    @Test
    void withoutArgumentsOrWithOptionsOnlyTheCommandIsRun() {
        assertThat(Main.defaultToRun(new String[0])).containsExactly("run");
        assertThat(Main.defaultToRun(new String[] {"--quick"})).containsExactly("run", "--quick");
        assertThat(Main.defaultToRun(new String[] {"--help"})).containsExactly("--help");
        assertThat(Main.defaultToRun(new String[] {"list"})).containsExactly("list");
    }
}
