package io.optcheck.theory.conf;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.PluggableOptimizer;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.method.plugin.SamplePlugins;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.TheoremRunner;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * conf.determinism compares whole runs. It used to compare only the prefix before a crash, so a
 * plug-in that threw or returned NaN at step 5 passed (both runs agreed on steps 1..4).
 */
class DeterminismWholeRunTest {

    private static Result determinism(PluggableOptimizer p) {
        Determinism d = new Determinism(PluginProvider.of(p));
        return TheoremRunner.run(d, d.regime("holds"), 20, RunSettings.ci());
    }

    @Test
    void aPluginThatReturnsNanAtStep5Fails() {
        Result r = determinism(SamplePlugins.gdWith("nan-at-5", 5, (s, o, lr) ->
                new double[][] {Arrays.stream(s[0]).map(v -> Double.NaN).toArray(), {5}}));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.error().step()).isEqualTo(5);
        assertThat(r.error().message()).contains("step 5", "NaN");
    }

    @Test
    void aPluginThatThrowsAtStep3Fails() {
        Result r = determinism(SamplePlugins.gdWith("throws-at-3", 3, (s, o, lr) -> {
            throw new IllegalStateException("planted crash");
        }));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.error().step()).isEqualTo(3);
        assertThat(r.error().message()).contains("planted crash");
    }

    @Test
    void aCorrectPluginStillPasses() {
        Result r = determinism(new SamplePlugins.Gd());
        assertThat(r.outcome()).isEqualTo(Outcome.HELD);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    }
}
