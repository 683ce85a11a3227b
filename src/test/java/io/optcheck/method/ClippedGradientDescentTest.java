package io.optcheck.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.Quadratic;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ClippedGradientDescentTest {
    static final Quadratic Q = Quadratic.diagonal(new double[] {2, 0.5});

    @Test
    void clipsTheStepToNormEtaC() {
        // grad f(3, 4) = (6, 2), norm sqrt(40); c = 1 scales it to norm 1.
        double[] x0 = {3, 4};
        Trajectory tr = Runner.run(new ClippedGradientDescent(0.25, 1), new ExactOracle(Q), x0, 1);
        double[] x1 = tr.x(1);
        double n = Math.sqrt(40);
        assertThat(x1[0]).isCloseTo(3 - 0.25 * 6 / n, Offset.offset(1e-15));
        assertThat(x1[1]).isCloseTo(4 - 0.25 * 2 / n, Offset.offset(1e-15));
        assertThat(tr.stepSize(1).getAsDouble()).isCloseTo(0.25 / n, Offset.offset(1e-17));
    }

    @Test
    void withoutClippingItIsPlainGradientDescentBitForBit() {
        double[] x0 = {0.3, -0.2};
        Trajectory clipped = Runner.run(new ClippedGradientDescent(0.4, 1e6), new ExactOracle(Q), x0, 20);
        Trajectory plain = Runner.run(new GradientDescent(0.4), new ExactOracle(Q), x0, 20);
        for (int t = 0; t <= 20; t++) {
            assertThat(clipped.x(t)).containsExactly(plain.x(t));
        }
    }

    @Test
    void aThresholdOffByOnePartInAMillionIsCaught() {
        double[] x0 = {3, 4};
        double[] a = Runner.run(new ClippedGradientDescent(0.25, 1), new ExactOracle(Q), x0, 1)
                .x(1);
        double[] b = Runner.run(new ClippedGradientDescent(0.25, 1 + 1e-6), new ExactOracle(Q), x0, 1)
                .x(1);
        assertThat(Math.abs(a[0] - b[0])).isGreaterThan(1e-9);
    }

    @Test
    void zeroGradientGivesZeroStepAndInfiniteThresholdMeansNoClipping() {
        assertThat(ClippedGradientDescent.clipFactor(0, 1)).isEqualTo(1.0);
        assertThat(ClippedGradientDescent.clipFactor(1e300, Double.POSITIVE_INFINITY))
                .isEqualTo(1.0);
        Trajectory tr = Runner.run(new ClippedGradientDescent(1, 1), new ExactOracle(Q), new double[] {0, 0}, 3);
        assertThat(tr.x(3)).containsExactly(0, 0);
    }

    @Test
    void nonFiniteGradientEndsTheRunAsAnError() {
        Quadratic q = Quadratic.diagonal(new double[] {1e308});
        Trajectory tr = Runner.run(new ClippedGradientDescent(1e-308, 1), new ExactOracle(q), new double[] {10}, 2);
        assertThat(tr.status()).isEqualTo(Trajectory.Status.ERROR);
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new ClippedGradientDescent(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClippedGradientDescent(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClippedGradientDescent(1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
