package io.optcheck.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.Quadratic;
import org.junit.jupiter.api.Test;

/**
 * The reference flow against the closed form x_i(t) = e^{-lambda_i t} x0_i of diagonal
 * quadratics: the error per sample (each interval integrated from the previous sample) and over
 * 50 samples, in ulps of ||x||. These are the numbers the gd.gradient-flow spec relies on.
 */
class GradientFlowTest {
    static final double[] LAMBDA = {3.7, 1, 0.02};
    static final double[] X0 = {1.7, -0.6, 2.5};

    /**
     * Largest ||x - x_exact|| / ||x_exact|| over 50 samples at h = u / lambda_max, in ulps (the
     * checks measure distances and f, so the error relative to ||x|| is what matters; components
     * below a millionth of the largest are under absolute control).
     */
    static double worstUlps(double u, boolean perInterval) {
        double h = u / LAMBDA[0];
        Quadratic q = Quadratic.diagonal(LAMBDA);
        Trajectory tr = Runner.run(new GradientFlow(h), new ExactOracle(q), X0, 50);
        assertThat(tr.status()).isEqualTo(Trajectory.Status.COMPLETED);
        double worst = 0;
        for (int k = 1; k <= 50; k++) {
            double[] start = perInterval ? tr.x(k - 1) : X0;
            double time = perInterval ? h : k * h;
            double[] x = tr.x(k);
            double err = 0;
            double norm = 0;
            for (int i = 0; i < LAMBDA.length; i++) {
                double exact = start[i] * StrictMath.exp(-LAMBDA[i] * time);
                err += (x[i] - exact) * (x[i] - exact);
                norm += exact * exact;
            }
            worst = Math.max(worst, Math.sqrt(err / norm) / 0x1p-52);
        }
        return worst;
    }

    @Test
    void eachIntervalIsAccurateToAFewUlpsForShortIntervals() {
        for (double u : new double[] {1e-3, 1e-2, 0.1}) {
            assertThat(worstUlps(u, true)).as("u = %s", u).isLessThanOrEqualTo(8);
        }
    }

    @Test
    void fiftyIntervalsStayWithinAFewDozenUlps() {
        for (double u : new double[] {1e-3, 1e-2, 0.1}) {
            assertThat(worstUlps(u, false)).as("u = %s", u).isLessThanOrEqualTo(64);
        }
        // Longer intervals (eta L = 1, used only where the Euler error dominates): below 1e-12.
        assertThat(worstUlps(1, false) * 0x1p-52).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void zeroComponentsStayZeroAndTheMinimizerIsAFixedPoint() {
        Quadratic q = Quadratic.diagonal(LAMBDA);
        Trajectory tr = Runner.run(new GradientFlow(0.1), new ExactOracle(q), new double[] {0, 1, 0}, 5);
        assertThat(tr.status()).isEqualTo(Trajectory.Status.COMPLETED);
        assertThat(tr.x(5)[0]).isZero();
        assertThat(tr.x(5)[2]).isZero();
        Trajectory still = Runner.run(new GradientFlow(0.1), new ExactOracle(q), new double[] {0, 0, 0}, 3);
        assertThat(still.x(3)).containsExactly(0, 0, 0);
    }

    @Test
    void reportsTimeAndRejectsBadIntervals() {
        GradientFlow flow = new GradientFlow(0.25);
        GradientFlow.State s =
                flow.step(flow.init(new double[] {1}), new ExactOracle(Quadratic.diagonal(new double[] {1})));
        assertThat(s.time()).isEqualTo(0.25);
        assertThat(s.t()).isEqualTo(1);
        assertThatThrownBy(() -> new GradientFlow(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GradientFlow(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
