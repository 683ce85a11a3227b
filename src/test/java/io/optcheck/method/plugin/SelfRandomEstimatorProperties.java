package io.optcheck.method.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.SelfRandomEstimator;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import io.optcheck.theory.sgd.EstimatorTheorems;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Estimators with their own randomness are checked statistically, and the result says so: a
 * correct one holds, a biased one (the off-by-one, with a seeded SplittableRandom) is caught and
 * shrunk, with its sample bias in the counterexample.
 */
class SelfRandomEstimatorProperties {

    @Test
    void aCorrectSelfRandomSamplerPassesTheStatisticalCheckAndTheResultSaysHow() {
        SelfRandomEstimator e = new UserEstimators.SelfRandomUniform();
        List<Theorem<?>> ts = EstimatorTheorems.of(e);
        assertThat(ts).hasSize(2);
        // 300 tries (600000 calls) rather than the spec's 1000: the power and calibration figures are
        // measured separately (SelfRandomPowerTest); this shows the result and its statistics
        Result r = TheoremRunner.run(ts.get(0), ts.get(0).regimes().get(0), 300, RunSettings.ci());
        assertThat(r.outcome()).isEqualTo(Outcome.HELD);
        assertThat(r.tries()).isEqualTo(300);
        assertThat(r.method()).isEqualTo(e.id());
        assertThat(r.conventions()).containsEntry("check", "statistical");
        assertThat(r.statistics()).isNotNull();
        assertThat(r.statistics().test()).contains("hoeffding").contains("empirical-bernstein");
        assertThat(r.statistics().runs()).isEqualTo(2000);
        // the runner's share of the 1e-6 family-wise budget: one of 200 regime slots, split over
        // (tries + 16) evaluations of 12 tests
        assertThat(r.statistics().alpha()).isEqualTo(1e-6 / 200 / ((r.tries() + 16) * 12.0));
        assertThat(EstimatorTheorems.notApplicable(ts))
                .hasSize(3)
                .allSatisfy(na -> assertThat(na.reason()).contains("own randomness"));
    }

    @Test
    void aBiasedSelfRandomSamplerIsCaughtAndShrunk() {
        SelfRandomEstimator e = new UserEstimators.SelfRandomOffByOne();
        Theorem<?> t = EstimatorTheorems.of(e).get(0);
        Result r = EstimatorTheoremsProperties.run(t, t.regimes().get(0));
        assertThat(r.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(r.statistics()).isNotNull();
        var f = r.counterexample().fields();
        assertThat(f.get("n")).isEqualTo(2);
        assertThat(f.get("d")).isEqualTo(1);
        assertThat(String.valueOf(f.get("sample bias (mean - grad f(x))"))).isNotBlank();
        assertThat(String.valueOf(f.get("quantity"))).contains("bound on E[estimate]_0");
    }
}
