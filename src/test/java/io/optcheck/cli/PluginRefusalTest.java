package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plug-in input refused before anything runs, and plug-in text that cannot forge terminal lines. */
class PluginRefusalTest {

    @TempDir
    Path dir;

    @Test
    void twoPluginsWithOneIdAreRefusedBeforeAnythingRuns() {
        Path out = dir.resolve("dup");
        Cli c = Cli.run(
                "run",
                "--method-class",
                "io.optcheck.method.plugin.SamplePlugins$Gd",
                "--method-class",
                "io.optcheck.run.HostilePlugins$SampleGdId",
                "--tries",
                "3",
                "--out",
                out.toString());
        c.assertBadInput(
                "two plug-ins declare the method id 'sample-gd'",
                "--method-class io.optcheck.method.plugin.SamplePlugins$Gd",
                "--method-class io.optcheck.run.HostilePlugins$SampleGdId",
                "Give each plug-in its own id");
        assertThat(c.err()).doesNotContain("[1/");
        assertThat(out.resolve("results.json")).doesNotExist();
    }

    @Test
    void aPluginWithABuiltInIdIsRefusedUnderWithCatalog() {
        Path out = dir.resolve("builtin");
        Cli c = Cli.run(
                "run",
                "--with-catalog",
                "--method-class",
                "io.optcheck.run.HostilePlugins$BuiltInGdId",
                "--quick",
                "--out",
                out.toString());
        c.assertBadInput(
                "--method-class io.optcheck.run.HostilePlugins$BuiltInGdId declares the method id 'gd'",
                "a built-in method's id",
                "drop --with-catalog");
        assertThat(c.err()).doesNotContain("[1/");
        assertThat(out.resolve("results.json")).doesNotExist();
    }

    @Test
    void controlCharactersInAPluginIdNeverReachTheTerminalRaw() throws IOException {
        Path out = dir.resolve("ctl");
        Cli c = Cli.run(
                "run",
                "--method-class",
                "io.optcheck.run.HostilePlugins$ControlCharacterId",
                "--theorem",
                "conf.zero-gradient",
                "--tries",
                "3",
                "--out",
                out.toString());
        assertThat(c.exit()).as(c.err()).isEqualTo(Main.OK);
        for (String printed : new String[] {c.out(), c.err()}) {
            assertThat(printed).doesNotContain("\u001b", "\r").doesNotContainPattern("(?m)^gate: passed");
        }
        // the id is shown, escaped: ESC as a space, CR and LF as a visible \n
        assertThat(c.err()).contains("method evil [2K\\ngate: passed\\nid (kind gd");
        assertThat(c.err()).contains("conf.zero-gradient / holds on evil [2K\\ngate: passed\\nid: held (pass)");
        assertThat(Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8))
                .contains("\"method\": \"evil\\u001B[2K\\rgate: passed\\nid\"");
    }
}
