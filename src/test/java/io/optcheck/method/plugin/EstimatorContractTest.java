package io.optcheck.method.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.ExampleGradients;
import io.optcheck.api.GradientEstimator;
import io.optcheck.api.Randomness;
import io.optcheck.api.Sampling;
import io.optcheck.api.SelfRandomEstimator;
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
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Bad plug-ins: an estimator that throws, returns NaN or an array of the wrong length, hides its
 * own randomness behind optcheck's, or loops without end gets an error result naming the
 * estimator and the call; the results of the estimators checked after it are unaffected.
 */
class EstimatorContractTest {

    static List<Result> runAll(List<Theorem<?>> theorems) {
        List<Result> out = new ArrayList<>();
        for (Theorem<?> t : theorems) {
            for (Regime r : t.regimes()) {
                Result res = TheoremRunner.run(t, r, Specs.load(t.id()).ciTries(), RunSettings.ci());
                System.out.println(res.id() + " -> " + res.outcome() + " " + res.durationMs() + " ms"
                        + (res.error() == null
                                ? ""
                                : "\n   ERROR " + res.error().message() + " (call "
                                        + res.error().step() + ")"));
                out.add(res);
            }
        }
        return out;
    }

    @Test
    void contractBreakersGiveErrorsNamingEstimatorAndCallAndTheRestContinues() {
        List<GradientEstimator> bad = List.of(
                new UserEstimators.Throwing(),
                new UserEstimators.NaNReturning(),
                new UserEstimators.WrongLength(),
                new UserEstimators.HiddenRandomness());
        List<String> expected = List.of(
                "threw java.lang.IllegalStateException: index out of range in my loader",
                "returned NaN at coordinate 0",
                "returned an array of length 2, expected d = 1",
                "is not a function of optcheck's Randomness");
        List<Theorem<?>> all = new ArrayList<>();
        for (GradientEstimator e : bad) {
            all.add(EstimatorTheorems.of(e).get(0));
        }
        GradientEstimator good = new UserEstimators.UniformWithReplacement();
        all.addAll(EstimatorTheorems.of(good));
        List<Result> rs = runAll(all);
        for (int k = 0; k < bad.size(); k++) {
            Result r = rs.get(k);
            assertThat(r.method()).isEqualTo(bad.get(k).id());
            assertThat(r.outcome()).as(r.id()).isEqualTo(Outcome.ERROR);
            assertThat(r.error().message())
                    .as(r.id())
                    .contains("estimator " + bad.get(k).id())
                    .contains("call ")
                    .contains(expected.get(k));
            assertThat(r.error().step()).as("the call number").isNotNull().isPositive();
        }
        for (Result r : rs.subList(bad.size(), rs.size())) {
            assertThat(r.method()).isEqualTo(good.id());
            assertThat(r.outcome()).as(r.id()).isIn(Outcome.HELD, Outcome.NOT_APPLICABLE);
        }
        assertThat(rs.subList(bad.size(), rs.size()))
                .filteredOn(r -> r.outcome() == Outcome.HELD)
                .hasSize(3);
    }

    @Test
    void aRejectionLoopIsAnErrorNotAnEndlessWalk() {
        // evaluated on one instance: the walk needs 2 leaves per level to reach the question limit
        Theorem<?> t = EstimatorTheorems.of(new UserEstimators.RejectionLoop()).get(0);
        Result r = TheoremRunner.run(t, t.regimes().get(0), 1, RunSettings.ci().withEdgeCases(false));
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.error().message())
                .contains("estimator rejection-loop-sampler")
                .contains("asked more than 256 random questions in one call")
                .contains("more]");
    }

    @Test
    void aSelfRandomEstimatorThatThrowsIsAnErrorNamingTheCallAndSeed() {
        SelfRandomEstimator e = new SelfRandomEstimator() {
            public String id() {
                return "throwing-self-random";
            }

            public Sampling sampling() {
                return Sampling.WITH_REPLACEMENT;
            }

            public int batchSize() {
                return 1;
            }

            public double[] estimate(ExampleGradients g, long seed) {
                throw new UnsupportedOperationException("no loader configured");
            }
        };
        List<Result> rs = runAll(EstimatorTheorems.of(e));
        assertThat(rs).hasSize(4);
        assertThat(rs.subList(1, 4)).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.NOT_APPLICABLE));
        assertThat(rs.get(0).outcome()).isEqualTo(Outcome.ERROR);
        assertThat(rs.get(0).error().message())
                .contains("estimator throwing-self-random")
                .contains("call 1 (seed ")
                .contains("no loader configured");
    }

    @Test
    void unusableDeclarationsAreRejectedNamingTheEstimator() {
        GradientEstimator zero = new GradientEstimator() {
            @Override
            public int batchSize() {
                return 0;
            }

            @Override
            public String id() {
                return "zero-batch";
            }

            @Override
            public Sampling sampling() {
                return Sampling.WITH_REPLACEMENT;
            }

            @Override
            public double[] estimate(ExampleGradients g, Randomness rnd) {
                return g.row(rnd.nextInt(g.n()));
            }
        };
        Assertions.assertThatThrownBy(() -> EstimatorTheorems.of(zero))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero-batch")
                .hasMessageContaining("batch size 0");
        assertThat(EstimatorTheorems.notApplicable(EstimatorTheorems.of(new UserEstimators.ImportanceReweighted())))
                .hasSize(3)
                .allSatisfy(na -> {
                    assertThat(na.theoremId()).isEqualTo("sgd.minibatch-variance");
                    assertThat(na.reason()).contains("IMPORTANCE");
                });
    }
}
