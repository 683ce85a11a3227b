package io.optcheck.theory.sgd;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.Precision;
import io.optcheck.oracle.RoundedMinibatch;
import io.optcheck.problem.FiniteSumLeastSquares;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.TheoremRunner;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * sgd.unbiased-minibatch with the batch mean computed in float32 and bfloat16: the gamma_k bound
 * holds and has teeth, the float64 statement breaks, never at B = 1, and at B = 2 on the instances
 * the spec names.
 */
class UnbiasedMinibatchPrecisionTest {

    private final UnbiasedMinibatch theorem = new UnbiasedMinibatch();

    private Result run(UnbiasedMinibatch t, String regime, RunSettings s) {
        var r = t.regime(regime);
        return TheoremRunner.run(t, r, s.triesFor(r, 1000, 1000), s);
    }

    @Test
    void theBoundHoldsAndATighterConstantIsCaught() {
        for (String regime : new String[] {"float32-summation", "bfloat16-summation"}) {
            Result held = run(theorem, regime, RunSettings.ci());
            assertThat(held.outcome()).as(regime).isEqualTo(Outcome.HELD);
            Result tight = run((UnbiasedMinibatch) theorem.withTightenedBounds(1e-3), regime, RunSettings.ci());
            assertThat(tight.outcome()).as(regime + " with u/4").isEqualTo(Outcome.BROKEN);
        }
    }

    @Test
    void theFloat64StatementBreaksBySearch() {
        for (String regime : new String[] {"float32-batch-mean", "bfloat16-batch-mean"}) {
            Result res = run(theorem, regime, RunSettings.ci().withEdgeCases(false));
            assertThat(res.outcome()).as(regime).isEqualTo(Outcome.BROKEN);
        }
    }

    private Evaluation batchMean(FiniteSumLeastSquares f, double[] x, int b, boolean replacement, Precision p) {
        BatchInstance in = new BatchInstance(
                f, x, new int[] {f.n()}, b, replacement, null, 0, null, p, RoundedMinibatch.Order.SEQUENTIAL);
        return theorem.evaluate(in, theorem.regime(p.id() + "-batch-mean"));
    }

    @Test
    void aBatchOfOneNeverBreaks() {
        Well19937c rng = new Well19937c(11L);
        for (Precision p : new Precision[] {Precision.FLOAT32, Precision.BFLOAT16}) {
            for (int k = 0; k < 200; k++) {
                int n = 1 + rng.nextInt(8);
                int d = 1 + rng.nextInt(3);
                double[][] a = new double[n][d];
                double[] y = new double[n];
                double[] x = new double[d];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        a[i][j] = 4 * rng.nextDouble() - 2;
                    }
                    y[i] = 4 * rng.nextDouble() - 2;
                }
                for (int j = 0; j < d; j++) {
                    x[j] = 4 * rng.nextDouble() - 2;
                }
                FiniteSumLeastSquares f = new FiniteSumLeastSquares(a, y);
                for (boolean replacement : new boolean[] {true, false}) {
                    assertThat(batchMean(f, x, 1, replacement, p).violation())
                            .as(p.id() + " n = " + n + " try " + k)
                            .isNull();
                }
            }
        }
    }

    @Test
    void twoExamplesWhoseSumRoundsBreakAtBatchTwo() {
        // g_i = a_i (a_i x - y_i) with a = 1, x = 0: g = -y = (1, tiny), and 1 + tiny rounds to 1.
        FiniteSumLeastSquares f32 = new FiniteSumLeastSquares(new double[][] {{1}, {1}}, new double[] {-1, -0x1p-30});
        FiniteSumLeastSquares bf16 = new FiniteSumLeastSquares(new double[][] {{1}, {1}}, new double[] {-1, -0x1p-10});
        assertThat(batchMean(f32, new double[] {0}, 2, false, Precision.FLOAT32).violation())
                .isNotNull();
        assertThat(batchMean(bf16, new double[] {0}, 2, false, Precision.BFLOAT16)
                        .violation())
                .isNotNull();
        // The same instances in the other format, where 1 + tiny is exact or rounds alike, for contrast.
        assertThat(batchMean(bf16, new double[] {0}, 2, false, Precision.FLOAT32)
                        .violation())
                .isNull();
    }
}
