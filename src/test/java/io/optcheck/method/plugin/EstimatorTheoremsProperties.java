package io.optcheck.method.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.GradientEstimator;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import io.optcheck.theory.sgd.EstimatorTheorems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Users' gradient estimators checked exactly against sgd.unbiased-minibatch and
 * sgd.minibatch-variance at CI depth: correct samplers hold (and break with a wrong constant),
 * each biased sampler of issue 6 is found and shrunk to a minimal instance whose counterexample
 * states the bias, and contract breakers give error results naming the estimator and the call.
 */
class EstimatorTheoremsProperties {

    static Result run(Theorem<?> t, Regime r) {
        return run(t, r, RunSettings.ci());
    }

    static Result run(Theorem<?> t, Regime r, RunSettings s) {
        long t0 = System.nanoTime();
        Result res = TheoremRunner.run(t, r, Specs.load(t.id()).ciTries(), s);
        System.out.printf(
                Locale.ROOT,
                "%s [%s] -> %s worst=%s foundBy=%s tries=%d %d ms%n   %s%s%n",
                res.id(),
                res.method(),
                res.outcome(),
                res.worstRatio(),
                res.foundBy(),
                res.tries(),
                (System.nanoTime() - t0) / 1_000_000,
                res.counterexample() == null ? "-" : res.counterexample().summary(),
                res.error() == null ? "" : "\n   ERROR " + res.error().message());
        return res;
    }

    static List<Result> runAll(GradientEstimator e) {
        List<Result> out = new ArrayList<>();
        for (Theorem<?> t : EstimatorTheorems.of(e)) {
            for (Regime r : t.regimes()) {
                out.add(run(t, r));
            }
        }
        return out;
    }

    static Result unbiased(GradientEstimator e) {
        Theorem<?> t = EstimatorTheorems.of(e).get(0);
        assertThat(t.id()).isEqualTo("sgd.unbiased-minibatch");
        return run(t, t.regimes().get(0));
    }

    @Test
    void correctSamplersHoldExactlyUnderTheirOwnId() {
        for (GradientEstimator e : List.of(
                new UserEstimators.UniformWithReplacement(),
                new UserEstimators.UniformWithoutReplacement(),
                new UserEstimators.ImportanceReweighted())) {
            List<Result> rs = runAll(e);
            assertThat(rs).hasSize(4); // unbiased/holds and the three regimes of minibatch-variance
            for (Result r : rs) {
                assertThat(r.outcome()).as(r.id() + " " + r.method()).isIn(Outcome.HELD, Outcome.NOT_APPLICABLE);
                assertThat(r.method()).isEqualTo(e.id());
                assertThat(r.statistics()).as("exact, not statistical").isNull();
                assertThat(r.conventions())
                        .containsEntry("sampling", e.sampling().name())
                        .containsEntry("check", "exact enumeration");
                if (r.outcome() == Outcome.NOT_APPLICABLE) {
                    assertThat(String.valueOf(r.extra().get("notApplicable"))).contains("declared " + e.sampling());
                }
            }
            // with replacement: Cov and trace regimes; without: the finite-population regime; importance: none
            assertThat(rs.stream().filter(r -> r.outcome() == Outcome.HELD).count())
                    .isEqualTo(
                            switch (e.sampling()) {
                                case WITH_REPLACEMENT -> 3;
                                case WITHOUT_REPLACEMENT -> 2;
                                case IMPORTANCE -> 1;
                            });
        }
    }

    @Test
    void aWrongConstantIsCaughtOnCorrectSamplers() {
        for (GradientEstimator e : List.of(
                new UserEstimators.UniformWithReplacement(),
                new UserEstimators.UniformWithoutReplacement(),
                new UserEstimators.ImportanceReweighted())) {
            for (Theorem<?> t : EstimatorTheorems.of(e)) {
                for (Regime r : t.regimes()) {
                    if (t.notApplicable(r).isPresent()) {
                        continue;
                    }
                    Result res = run(t.withTightenedBounds(1e-3), r);
                    assertThat(res.outcome())
                            .as(res.id() + " tightened by 1e-3 on " + e.id())
                            .isEqualTo(Outcome.BROKEN);
                }
            }
        }
    }

    static void assertBiasFound(Result r, int n) {
        assertThat(r.outcome()).as(r.id() + " " + r.method()).isEqualTo(Outcome.BROKEN);
        assertThat(r.counterexample()).isNotNull();
        var f = r.counterexample().fields();
        assertThat(f.get("n")).as("shrunk n").isEqualTo(n);
        assertThat(f.get("d")).as("shrunk d").isEqualTo(1);
        assertThat(String.valueOf(f.get("bias E[estimate] - grad f(x)")))
                .as("bias reported")
                .isNotBlank()
                .isNotEqualTo("[0]");
        assertThat(r.counterexample().replay()).contains("sgd.unbiased-minibatch/holds/");
    }

    @Test
    void importanceSamplingWithoutReweightingIsBiased() {
        assertBiasFound(unbiased(new UserEstimators.ImportanceUnweighted()), 2);
    }

    @Test
    void droppingTheLastPartialBatchIsBiased() {
        // B = 2: n = 2 has no partial batch; n = 3 is the smallest that drops an example
        assertBiasFound(unbiased(new UserEstimators.DropLastLoader()), 3);
    }

    @Test
    void anOffByOneThatNeverPicksTheLastExampleIsBiased() {
        assertBiasFound(unbiased(new UserEstimators.OffByOne()), 2);
    }

    @Test
    void perMicroBatchNormalisationOfASortedBatchIsBiased() {
        // B = 3 = n: the whole data set, sorted, weighted 1/4, 1/4, 1/2
        assertBiasFound(unbiased(new UserEstimators.MicroBatchNormalised(true)), 3);
    }

    @Test
    void perMicroBatchNormalisationOfAShuffledBatchIsUnbiasedButHasTheWrongCovariance() {
        List<Result> rs = runAll(new UserEstimators.MicroBatchNormalised(false));
        assertThat(rs.get(0).id()).startsWith("sgd.unbiased-minibatch");
        assertThat(rs.get(0).outcome()).isEqualTo(Outcome.HELD);
        Result cov = rs.stream()
                .filter(r -> r.regime().equals("without-replacement"))
                .findFirst()
                .orElseThrow();
        assertThat(cov.id()).startsWith("sgd.minibatch-variance");
        assertThat(cov.outcome()).isEqualTo(Outcome.BROKEN);
        // at n = B = 3 a uniform batch is the whole data set (Cov 0); unequal weights in random order are not
        assertThat(cov.counterexample().fields().get("n")).isEqualTo(3);
    }
}
