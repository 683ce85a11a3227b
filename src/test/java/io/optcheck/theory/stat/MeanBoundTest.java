package io.optcheck.theory.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class MeanBoundTest {

    /** Bernoulli(p) samples from a fixed seed. */
    private static double[] bernoulli(double p, int r, long seed) {
        Well19937c rng = new Well19937c(seed);
        double[] s = new double[r];
        for (int i = 0; i < r; i++) {
            s[i] = rng.nextDouble() < p ? 1 : 0;
        }
        return s;
    }

    @Test
    void hoeffdingWidthIsTheTextbookFormula() {
        double[] s = bernoulli(0.3, 400, 1);
        MeanBound b = MeanBound.of(MeanBound.Test.HOEFFDING, s, 0, 1, 1e-9);
        double width = Math.sqrt(Math.log(1e9) / 800.0);
        assertThat(b.mean() - b.lower()).isCloseTo(width, Offset.offset(1e-15));
        assertThat(b.upper() - b.mean()).isCloseTo(width, Offset.offset(1e-15));
    }

    @Test
    void empiricalBernsteinIsTighterThanHoeffdingForSmallVariance() {
        double[] s = bernoulli(0.01, 20000, 2);
        MeanBound h = MeanBound.of(MeanBound.Test.HOEFFDING, s, 0, 1, 1e-9);
        MeanBound eb = MeanBound.of(MeanBound.Test.EMPIRICAL_BERNSTEIN, s, 0, 1, 1e-9);
        assertThat(eb.upper() - eb.mean()).isLessThan(0.5 * (h.upper() - h.mean()));
    }

    /**
     * Calibration at alpha = 0.05 over 2000 fixed seeds, mean exactly at the tested bound: the
     * share of seeds whose lower bound exceeds the true mean must not exceed 0.05 (both tests are
     * conservative, so it is far below; the seeds are fixed, so this cannot flake).
     */
    @Test
    void falseAlarmRateIsAtMostAlphaAtTheBoundary() {
        for (MeanBound.Test test : MeanBound.Test.values()) {
            int alarms = 0;
            for (int seed = 0; seed < 2000; seed++) {
                double[] s = bernoulli(0.4, 200, 1000 + seed);
                if (MeanBound.of(test, s, 0, 1, 0.05).exceeds(0.4)) {
                    alarms++;
                }
            }
            assertThat(alarms).as(test.id()).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void detectsAClearExcess() {
        double[] s = bernoulli(0.5, 5000, 3);
        assertThat(MeanBound.of(MeanBound.Test.EMPIRICAL_BERNSTEIN, s, 0, 1, 1e-9)
                        .exceeds(0.4))
                .isTrue();
        assertThat(MeanBound.of(MeanBound.Test.EMPIRICAL_BERNSTEIN, s, 0, 1, 1e-9)
                        .exceeds(0.5))
                .isFalse();
    }

    /** Samples above hi are truncated to hi, so the lower bound stays valid for the raw mean. */
    @Test
    void truncationClampsSamples() {
        double[] s = {0, 10, 0, 10};
        MeanBound b = MeanBound.of(MeanBound.Test.HOEFFDING, s, 0, 1, 0.5);
        assertThat(b.mean()).isEqualTo(0.5);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> MeanBound.of(MeanBound.Test.HOEFFDING, new double[] {1}, 0, 1, 0.1))
                .hasMessageContaining("at least 2 samples");
        assertThatThrownBy(() -> MeanBound.of(MeanBound.Test.HOEFFDING, new double[] {1, Double.NaN}, 0, 1, 0.1))
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> MeanBound.of(MeanBound.Test.HOEFFDING, new double[] {1, 2}, 0, 1, 0))
                .hasMessageContaining("alpha");
        assertThatThrownBy(() -> MeanBound.of(MeanBound.Test.HOEFFDING, new double[] {1, 2}, 1, 1, 0.1))
                .hasMessageContaining("lo < hi");
    }

    @Test
    void budgetSplitsOneInAMillion() {
        assertThat(FalseAlarmBudget.perRegime(0)).isEqualTo(1e-6 / 200);
        assertThat(FalseAlarmBudget.perRegime(500)).isEqualTo(1e-6 / 500);
        double a = FalseAlarmBudget.perTest(1000, 5, 0);
        // Every test of every regime run at this alpha sums to at most the family-wise rate.
        assertThat(a * (1000 + FalseAlarmBudget.EXTRA_EVALUATIONS) * 5 * 200).isLessThanOrEqualTo(1e-6 * (1 + 1e-12));
        assertThat(FalseAlarmBudget.perTest(100000, 5, 0)).isLessThan(a);
    }
}
