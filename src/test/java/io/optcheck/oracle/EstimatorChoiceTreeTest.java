package io.optcheck.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.optcheck.api.ExampleGradients;
import io.optcheck.api.GradientEstimator;
import io.optcheck.api.Randomness;
import io.optcheck.api.Sampling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The choice-tree walk lists an estimator's distribution exactly: leaves and probabilities for
 * nextInt, nextIndex and the permutation helpers agree with counts done by hand, and a tree that
 * is too large is refused with a message naming n and B.
 */
class EstimatorChoiceTreeTest {

    interface Body {
        double[] estimate(ExampleGradients g, Randomness rnd);
    }

    static GradientEstimator est(Sampling s, int b, Body body) {
        return new GradientEstimator() {
            public String id() {
                return "test-estimator";
            }

            public Sampling sampling() {
                return s;
            }

            public int batchSize() {
                return b;
            }

            public double[] estimate(ExampleGradients g, Randomness rnd) {
                return body.estimate(g, rnd);
            }
        };
    }

    static Map<String, Double> distribution(GradientEstimator e, ExampleGradients g) {
        Map<String, Double> m = new HashMap<>();
        new EstimatorChoiceTree(e).enumerate(g, (p, v) -> m.merge(Arrays.toString(v), p, Double::sum));
        return m;
    }

    static final ExampleGradients THREE = ExampleGradients.of(new double[][] {{1}, {2}, {4}});

    @Test
    void nextIntListsEveryAnswerWithProbabilityOneOverBound() {
        // two i.i.d. draws from 3: 9 sequences; the sum of the two values has the distribution below
        Map<String, Double> d = distribution(
                est(Sampling.WITH_REPLACEMENT, 2, (g, r) ->
                        new double[] {g.get(r.nextInt(3), 0) + g.get(r.nextInt(3), 0)}),
                THREE);
        assertThat(d).hasSize(6);
        assertThat(d.get("[2.0]")).isCloseTo(1.0 / 9, within(1e-16));
        assertThat(d.get("[3.0]")).isCloseTo(2.0 / 9, within(1e-16));
        assertThat(d.get("[6.0]")).isCloseTo(2.0 / 9, within(1e-16));
        assertThat(d.get("[8.0]")).isCloseTo(1.0 / 9, within(1e-16));
    }

    @Test
    void nextIndexUsesTheWeightsAndSkipsZeroWeights() {
        List<Double> probs = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        new EstimatorChoiceTree(est(Sampling.IMPORTANCE, 1, (g, r) -> g.row(r.nextIndex(new double[] {1, 0, 3}))))
                .enumerate(THREE, (p, v) -> {
                    probs.add(p);
                    values.add(v[0]);
                });
        assertThat(values).containsExactly(1.0, 4.0);
        assertThat(probs).containsExactly(0.25, 0.75);
    }

    @Test
    void sampleWithoutReplacementHasNFallingBLeavesAndUniformSubsets() {
        List<Double> probs = new ArrayList<>();
        Map<String, Double> subsets = new HashMap<>();
        new EstimatorChoiceTree(est(Sampling.WITHOUT_REPLACEMENT, 2, (g, r) -> {
                    int[] s = r.sample(4, 2);
                    Arrays.sort(s);
                    return new double[] {s[0] * 10 + s[1]};
                }))
                .enumerate(THREE, (p, v) -> {
                    probs.add(p);
                    subsets.merge(String.valueOf(v[0]), p, Double::sum);
                });
        assertThat(probs).hasSize(12); // 4 * 3 ordered draws
        assertThat(subsets).hasSize(6); // C(4, 2) subsets, each 1/6
        subsets.values().forEach(p -> assertThat(p).isCloseTo(1.0 / 6, within(1e-15)));
    }

    @Test
    void aTreeAboveTheLeafLimitIsRefusedNamingNAndB() {
        // a full shuffle of 10 slots per call: 10! = 3628800 leaves > 2e6
        GradientEstimator e = est(Sampling.WITH_REPLACEMENT, 1, (g, r) -> g.row(r.permutation(10)[0] % g.n()));
        assertThat(10L * 9 * 8 * 7 * 6 * 5 * 4 * 3 * 2).isGreaterThan(Enumeration.MAX_OUTCOMES);
        assertThatThrownBy(() -> new EstimatorChoiceTree(e).enumerate(THREE, (p, v) -> {}))
                .isInstanceOf(EstimatorChoiceTree.EstimatorFailure.class)
                .hasMessageContaining("estimator test-estimator")
                .hasMessageContaining("more than " + Enumeration.MAX_OUTCOMES + " leaves at n = 3, B = 1");
    }

    @Test
    void badArgumentsToRandomnessAreTheEstimatorsError() {
        GradientEstimator e = est(Sampling.WITH_REPLACEMENT, 1, (g, r) -> g.row(r.nextInt(0)));
        assertThatThrownBy(() -> new EstimatorChoiceTree(e).enumerate(THREE, (p, v) -> {}))
                .isInstanceOf(EstimatorChoiceTree.EstimatorFailure.class)
                .hasMessageContaining("call 1")
                .hasMessageContaining("nextInt bound must be >= 1, got 0");
        GradientEstimator w = est(Sampling.IMPORTANCE, 1, (g, r) -> g.row(r.nextIndex(new double[] {0, 0, 0})));
        assertThatThrownBy(() -> new EstimatorChoiceTree(w).enumerate(THREE, (p, v) -> {}))
                .hasMessageContaining("nextIndex weights are all 0");
    }
}
