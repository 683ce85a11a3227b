package io.optcheck.theory.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.theory.QuickRuns;
import org.junit.jupiter.api.Test;

/** False alarms of the seed sweep (the built-in catalog at --quick depth, seeds 1..102) on adapt theorems. */
class QuickSweepFalseAlarmsTest {

    /**
     * adapt.adagrad-regret/holds, quick seeds 25 and 72 (error "step 1: iterate x_1[0] is
     * -Infinity"): H = diag(1), x0 = 4.9e-324, lr = 1, eps = 0. g = 4.9e-324 squares to 0, so the
     * first step divided a nonzero g by sqrt(0). The instance is not representable for the method
     * (the generator's defect, not AdaGrad's): starts whose gradient has a nonzero component below
     * 2^-511 are no longer drawn.
     */
    @Test
    void adagradRegretAtAStartWhoseGradientSquaresToZero() {
        assertThat(AdaGradRegret.squaresRepresentable(new double[] {Double.MIN_VALUE}))
                .isFalse();
        assertThat(AdaGradRegret.squaresRepresentable(new double[] {0x1p-512, 1}))
                .isFalse();
        assertThat(AdaGradRegret.squaresRepresentable(new double[] {0x1p-511, 0, -3}))
                .isTrue();
        assertThat(0x1p-511 * 0x1p-511).isEqualTo(Double.MIN_NORMAL);
        QuickRuns.assertPasses(QuickRuns.run(new AdaGradRegret(), "holds", 25));
        QuickRuns.assertPasses(QuickRuns.run(new AdaGradRegret(), "holds", 72));
    }
}
