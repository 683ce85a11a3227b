package io.optcheck.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {

    @Test
    void aBuiltInReplayIsTheRunCommandWithItsTarget() {
        Replay r = Replay.of("gd.descent-lemma", "eta-gt-2-over-l", "oc1-AbC_9");
        assertThat(r.target()).isEqualTo("gd.descent-lemma/eta-gt-2-over-l/oc1-AbC_9");
        assertThat(r.commandLine()).isEqualTo("./optcheck run --replay gd.descent-lemma/eta-gt-2-over-l/oc1-AbC_9");
    }

    @Test
    void aPluginsOptionsGoBeforeTheReplayAndSurviveAParse() {
        Replay r = Replay.of("conf.determinism", "holds", "oc1-x")
                .withOptions("--method-class com.acme.Opt")
                .withOptions("--classpath", "build/classes");
        String line =
                "./optcheck run --method-class com.acme.Opt --classpath build/classes --replay conf.determinism/holds/oc1-x";
        assertThat(r.commandLine()).isEqualTo(line);
        Replay back = Replay.parse(line);
        assertThat(back.options()).containsExactly("--method-class", "com.acme.Opt", "--classpath", "build/classes");
        assertThat(back.commandLine()).isEqualTo(line);
        assertThat(Replay.parse("conf.determinism/holds/oc1-x"))
                .isEqualTo(new Replay(List.of(), "conf.determinism", "holds", "oc1-x"));
    }

    @Test
    void aDamagedTargetNamesTheExpectedForm() {
        for (String bad : List.of("", "gd.descent-lemma", "a/b", "a/b/c/d", "a//c", "./optcheck run --replay a/b")) {
            assertThatThrownBy(() -> Replay.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("<theoremId>/<regimeId>/<token>");
        }
    }
}
