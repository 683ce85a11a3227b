package io.optcheck.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.ExampleGradients;
import io.optcheck.api.Precision;
import io.optcheck.problem.FiniteSumLeastSquares;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Samplers: draws follow the enumerated distribution (one-hot gradients make each batch's
 * estimate identify its multiset, so frequencies can be compared with the enumerated
 * probabilities), the oracle replays from its seed and counts calls.
 */
class SamplersTest {

    /** g_i = e_i in R^n: a batch mean's components are its multiplicities / B. */
    static ExampleGradients oneHot(int n) {
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            g[i][i] = 1;
        }
        return ExampleGradients.of(g);
    }

    static void compare(BatchEstimator e, ExampleGradients g, int draws) {
        Map<String, Double> p = new HashMap<>();
        e.enumerate(g, (pr, v) -> p.merge(Arrays.toString(v), pr, Double::sum));
        Map<String, Integer> c = new HashMap<>();
        Well19937c rng = new Well19937c(5L);
        double[] out = new double[g.dimension()];
        for (int k = 0; k < draws; k++) {
            e.draw(g, rng, out);
            c.merge(Arrays.toString(out), 1, Integer::sum);
        }
        assertThat(p.keySet()).containsAll(c.keySet());
        for (Map.Entry<String, Double> en : p.entrySet()) {
            double freq = c.getOrDefault(en.getKey(), 0) / (double) draws;
            // 6 binomial standard deviations: a false alarm has probability below 1e-8 per outcome.
            double sd = Math.sqrt(en.getValue() * (1 - en.getValue()) / draws);
            assertThat(Math.abs(freq - en.getValue())).as(en.getKey()).isLessThanOrEqualTo(6 * sd + 1e-12);
        }
    }

    @Test
    void drawsFollowTheEnumeratedDistribution() {
        ExampleGradients g = oneHot(4);
        compare(new UniformMinibatch(3, true, 0, 4), g, 40_000);
        compare(new UniformMinibatch(2, false, 0, 4), g, 40_000);
        compare(new ImportanceMinibatchUnweighted(2, new double[] {0.1, 0.2, 0.3, 0.4}), g, 40_000);
        compare(
                ShardAverage.unweighted(
                        List.of(new UniformMinibatch(1, false, 0, 1), new UniformMinibatch(2, true, 1, 4))),
                g,
                40_000);
    }

    /**
     * A rounded batch mean depends on the order of the additions: 1 + b + c rounds to 1 in float32
     * summed from 1, and to 1 + 2^-23 summed from the small terms. The drawn batch is sorted before it
     * is summed, so its estimates are exactly the enumerated ones.
     */
    @Test
    void roundedDrawsSumInTheEnumeratedOrder() {
        double small = 0x1.8p-25;
        ExampleGradients g = ExampleGradients.of(new double[][] {{1}, {small}, {small}});
        for (RoundedMinibatch.Order o : RoundedMinibatch.Order.values()) {
            compare(new RoundedMinibatch(3, false, 3, Precision.FLOAT32, o), g, 2_000);
            compare(new RoundedMinibatch(2, true, 3, Precision.FLOAT32, o), g, 40_000);
        }
        ExampleGradients reversed = ExampleGradients.of(new double[][] {{small}, {small}, {1}});
        double[] fromOne = new double[1];
        double[] fromSmall = new double[1];
        new RoundedMinibatch(3, false, 3, Precision.FLOAT32, RoundedMinibatch.Order.SEQUENTIAL)
                .enumerate(g, (p, v) -> fromOne[0] = v[0]);
        new RoundedMinibatch(3, false, 3, Precision.FLOAT32, RoundedMinibatch.Order.SEQUENTIAL)
                .enumerate(reversed, (p, v) -> fromSmall[0] = v[0]);
        assertThat(fromOne[0]).isEqualTo((double) (float) (1.0 / 3));
        assertThat(fromSmall[0]).isEqualTo((double) (float) ((1 + 0x1p-23) / 3));
    }

    @Test
    void oracleReplaysFromItsSeedAndCountsCalls() {
        FiniteSumLeastSquares f =
                new FiniteSumLeastSquares(new double[][] {{1, 0}, {0, 2}, {1, 1}}, new double[] {1, -1, 0.5});
        BatchEstimator e = new UniformMinibatch(2, false, 0, 3);
        MinibatchOracle a = new MinibatchOracle(f, e, 9L);
        MinibatchOracle b = new MinibatchOracle(f, e, 9L);
        double[] x = {0.3, -0.7};
        double[] ga = new double[2];
        double[] gb = new double[2];
        Set<String> distinct = new HashSet<>();
        for (int k = 0; k < 10; k++) {
            a.gradient(x, ga);
            b.gradient(x, gb);
            assertThat(ga).containsExactly(gb);
            distinct.add(Arrays.toString(ga));
        }
        // three possible batches: ten draws that all agree would mean the oracle is not random
        assertThat(distinct.size()).isGreaterThan(1);
        a.value(x);
        assertThat(a.gradientCalls()).isEqualTo(10);
        assertThat(a.valueCalls()).isEqualTo(1);
    }

    @Test
    void accumulationByTotalCountIsTheMeanAndByOwnSizeIsNot() {
        ExampleGradients g = ExampleGradients.of(new double[][] {{1}, {2}, {6}});
        double[] out = new double[1];
        new MicroBatchAccumulation(new int[] {1, 2}, MicroBatchAccumulation.Normalisation.TOTAL).draw(g, null, out);
        assertThat(out[0]).isEqualTo(3.0);
        new MicroBatchAccumulation(new int[] {1, 2}, MicroBatchAccumulation.Normalisation.OWN).draw(g, null, out);
        // (1/2)(1 + (2 + 6)/2) = 2.5
        assertThat(out[0]).isEqualTo(2.5);
    }

    @Test
    void clippingCapsEveryRowNorm() {
        ExampleGradients c = ClippedGradients.clip(ExampleGradients.of(new double[][] {{3, 4}, {0.3, 0.4}}), 1);
        // 3 * (1/5) rounds to 0.6000000000000001: compare to one ulp
        assertThat(c.row(0)[0]).isCloseTo(0.6, Offset.offset(2e-16));
        assertThat(c.row(0)[1]).isCloseTo(0.8, Offset.offset(2e-16));
        assertThat(c.row(1)).containsExactly(0.3, 0.4);
    }
}
