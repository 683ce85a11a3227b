package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.optcheck.method.plugin.SamplePlugins;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Specs;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --ci-method-class: a plug-in checked at CI depth beside one at the run's depth, in one report. */
class CiMethodClassTest {

    /** The sample GD under another id, so that both can run in one report. */
    public static final class OtherGd extends SamplePlugins.Gd {
        public OtherGd() {
            super("sample-gd-ci", 1, 1);
        }
    }

    @TempDir
    Path dir;

    @Test
    void aCiMethodClassRunsItsSpecsCiTriesAndSaysSo() throws IOException {
        Path out = dir.resolve("r");
        Cli c = Cli.run(
                "run",
                "--quick",
                "--method-class",
                "io.optcheck.method.plugin.SamplePlugins$Gd",
                "--ci-method-class",
                "io.optcheck.cli.CiMethodClassTest$OtherGd",
                "--theorem",
                "conf.zero-gradient",
                "--out",
                out.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        JsonNode results = new ObjectMapper()
                .readTree(out.resolve("results.json").toFile())
                .get("results");
        int ci = Specs.load("conf.zero-gradient").ciTries();
        assertThat(ci).isGreaterThan(RunSettings.QUICK_TRIES);
        int seen = 0;
        for (JsonNode r : results) {
            if (r.get("method").asText().equals("sample-gd-ci")) {
                assertThat(r.get("tries").asInt()).isEqualTo(ci);
                assertThat(r.get("extra").get("depth").asText()).startsWith("ci");
                seen++;
            } else if (r.get("method").asText().equals("sample-gd")) {
                assertThat(r.get("tries").asInt()).isEqualTo(RunSettings.QUICK_TRIES);
                assertThat(r.get("extra").has("depth")).isFalse();
                seen++;
            }
        }
        assertThat(seen).isEqualTo(2);
    }
}
