package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.report.JsonReport;
import io.optcheck.theory.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input: exit 2, one message naming the thing, no stack trace. */
class BadInputTest {

    @TempDir
    Path tmp;

    private String out() {
        return tmp.resolve("out").toString();
    }

    @Test
    void unknownTheorem() {
        Cli.run("run", "--theorem", "gd.nope", "--out", out())
                .assertBadInput("'gd.nope'", "gd.descent-lemma", "optcheck list");
    }

    @Test
    void unknownTheoremInExplain() {
        Cli.run("explain", "gd.nope").assertBadInput("'gd.nope'", "Known theorems");
    }

    @Test
    void unknownMethod() {
        // "adam" became a real method id with the adaptive theorems; an id no theorem uses stays unknown
        Cli.run("run", "--method", "no-such-method", "--out", out())
                .assertBadInput("'no-such-method'", "Known methods: ", " gd,");
    }

    @Test
    void unknownRegimeInAReplayToken() {
        Cli.run("run", "--replay", "gd.descent-lemma/eta-huge/oc1-AAAAAAAAAAAAAAAAAAAA")
                .assertBadInput("'eta-huge'", "eta-gt-2-over-l");
    }

    @Test
    void unknownTheoremInAReplayToken() {
        Cli.run("run", "--replay", "gd.nope/holds/oc1-AAAA").assertBadInput("'gd.nope'");
    }

    @Test
    void replayTokenWithoutItsParts() {
        Cli.run("run", "--replay", "oc1-AAAA")
                .assertBadInput("bad replay token 'oc1-AAAA'", "<theoremId>/<regimeId>/<token>");
    }

    @Test
    void replayTokenThatIsNotAToken() {
        Cli.run("run", "--replay", "gd.descent-lemma/holds/hello").assertBadInput("'hello'", "oc1-");
    }

    @Test
    void damagedReplayToken() {
        Cli.run("run", "--replay", "gd.descent-lemma/holds/oc1-@@@").assertBadInput("oc1-@@@", "damaged");
    }

    @Test
    void replayTokenOfAnotherRegime() throws IOException {
        Path run = tmp.resolve("run");
        Cli.run("run", "--theorem", "gd.descent-lemma", "--quick", "--out", run.toString());
        String cmd = JsonReport.read(run.resolve("results.json"))
                .result("gd.descent-lemma/monotone/gd/eta-gt-2-over-l")
                .counterexample()
                .replay();
        String token = cmd.substring(cmd.lastIndexOf('/') + 1);
        // Same generator shape in another theorem's regime: the fingerprint no longer matches.
        Cli.run("run", "--replay", "gd.quadratic-stability/sign-flips/" + token).assertBadInput("replay token");
    }

    @Test
    void specWithoutFrontMatter() {
        Cli.run(Catalog.of(List.of(new TestTheorems.WithSpec("test.bad-spec"))), "run", "--quick", "--out", out())
                .assertBadInput("specs/test/bad-spec.md", "missing front matter");
    }

    @Test
    void specWithAMissingField() {
        Cli.run(Catalog.of(List.of(new TestTheorems.WithSpec("test.missing-field"))), "list")
                .assertBadInput("specs/test/missing-field.md", "'tries'");
    }

    @Test
    void specThatDoesNotExist() {
        Cli.run(Catalog.of(List.of(new TestTheorems.WithSpec("test.no-such-spec"))), "explain", "test.no-such-spec")
                .assertBadInput("specs/test/no-such-spec.md");
    }

    @Test
    void outDirectoryUnderARegularFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        Cli r = Cli.run(
                "run",
                "--theorem",
                "gd.descent-lemma",
                "--quick",
                "--out",
                file.resolve("sub").toString());
        r.assertBadInput("plain-file", "is a file, not a directory", "--out");
        // It is checked before the run, not after it.
        assertThat(r.err()).doesNotContain("[1/");
    }

    @Test
    void outThatIsARegularFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        Cli.run("run", "--quick", "--out", file.toString()).assertBadInput("plain-file", "--out");
    }

    @Test
    void malformedWaiverFile() throws IOException {
        Path w = Files.writeString(
                tmp.resolve("waivers.yaml"),
                "- id: gd.descent-lemma/eta-half-form/gd/holds\n  reason: r\n  expires: someday\n");
        Cli.run("run", "--theorem", "gd.descent-lemma", "--quick", "--waivers", w.toString(), "--out", out())
                .assertBadInput("waivers.yaml entry 1", "'expires' must be an ISO date");
    }

    @Test
    void missingWaiverFile() {
        Cli.run("run", "--quick", "--waivers", tmp.resolve("none.yaml").toString(), "--out", out())
                .assertBadInput("none.yaml", "cannot read");
    }

    @Test
    void badOptionValuesGetPicocliMessageAndAUsageHint() {
        Cli.run("run", "--tries", "many").assertBadInput("'many'", "--tries", "optcheck run --help");
        Cli.run("run", "--seed", "x1").assertBadInput("'x1'", "--seed");
        Cli.run("run", "--bogus").assertBadInput("--bogus", "optcheck run --help");
        Cli.run("explain").assertBadInput("ID", "optcheck explain --help");
        Cli.run("frobnicate").assertBadInput("frobnicate");
    }

    @Test
    void badNumbersThatParse() {
        Cli.run("run", "--tries", "0", "--out", out()).assertBadInput("--tries", "at least 1");
        Cli.run("run", "--width", "10", "--out", out()).assertBadInput("--width", "at least 40");
        Cli.run("run", "--quick", "--ci", "--out", out()).assertBadInput("--quick", "--ci");
    }

    @Test
    void unexpectedExceptionsAreInternalErrorsWithExitThreeAndATraceOnlyWithDebug() {
        Catalog broken = Catalog.of(List.of(new TestTheorems.BrokenRegimes()));
        Cli r = Cli.run(broken, "run", "--quick", "--out", out());
        assertThat(r.exit()).isEqualTo(Main.INTERNAL);
        assertThat(r.err()).contains("internal error", "regimes exploded", "report");
        r.assertNoStackTrace();

        Cli debug = Cli.run(broken, "run", "--quick", "--out", out(), "--debug");
        assertThat(debug.exit()).isEqualTo(Main.INTERNAL);
        assertThat(debug.err()).contains("at io.optcheck");
    }

    @Test
    void debugShowsTheTraceOfBadInputToo() {
        Cli r = Cli.run("run", "--theorem", "gd.nope", "--debug");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'gd.nope'", "at io.optcheck");
    }
}
