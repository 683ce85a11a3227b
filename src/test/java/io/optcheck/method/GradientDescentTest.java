package io.optcheck.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.Quadratic;
import org.junit.jupiter.api.Test;

class GradientDescentTest {
    static final double[] LAMBDA = {0.5, 1, 3, 4.5};
    static final double[] X0 = {1, -2, 0.5, 3};
    static final double ETA = 0.4; // eta*lambda = 0.2, 0.4, 1.2 (oscillates), 1.8
    static final int T = 25;

    /** Largest relative deviation of the run from x_t = (1 - eta lambda)^t x_0, over t <= T. */
    static double deviationFromClosedForm(double eta) {
        Trajectory tr = Runner.run(new GradientDescent(eta), new ExactOracle(Quadratic.diagonal(LAMBDA)), X0, T);
        assertThat(tr.status()).isEqualTo(Trajectory.Status.COMPLETED);
        double worst = 0;
        for (int t = 0; t <= T; t++) {
            double[] x = tr.x(t);
            for (int i = 0; i < LAMBDA.length; i++) {
                double expected = Math.pow(1 - ETA * LAMBDA[i], t) * X0[i];
                worst = Math.max(worst, Math.abs(x[i] - expected) / Math.abs(expected));
            }
        }
        return worst;
    }

    @Test
    void matchesTheClosedFormOnADiagonalQuadratic() {
        // T rounding steps of relative size ~2^-52 each: 1e-12 leaves ample room
        assertThat(deviationFromClosedForm(ETA)).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void aStepSizeOffByOnePartInAMillionIsCaught() {
        assertThat(deviationFromClosedForm(ETA * (1 + 1e-6))).isGreaterThan(1e-12);
    }

    @Test
    void reportsItsStepSizeAndUsesOneGradientPerStep() {
        Trajectory tr = Runner.run(new GradientDescent(ETA), new ExactOracle(Quadratic.diagonal(LAMBDA)), X0, 7);
        assertThat(tr.steps()).isEqualTo(7);
        for (int t = 1; t <= 7; t++) {
            assertThat(tr.stepSize(t)).hasValue(ETA);
        }
        assertThat(tr.gradientCalls()).isEqualTo(7);
        assertThat(tr.valueCalls()).isZero();
        assertThat(tr.methodId()).isEqualTo("gd");
    }

    @Test
    void rejectsInvalidStepSizes() {
        for (double eta : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new GradientDescent(eta)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void statesAreImmutableValues() {
        GradientDescent gd = new GradientDescent(0.1);
        double[] x0 = {1, 2};
        GradientDescent.State s0 = gd.init(x0);
        x0[0] = 99;
        assertThat(s0.x()).containsExactly(1, 2);
        s0.x()[1] = 99;
        assertThat(s0.x()).containsExactly(1, 2);
        ExactOracle o = new ExactOracle(Quadratic.diagonal(new double[] {1, 1}));
        GradientDescent.State s1 = gd.step(s0, o);
        assertThat(s0.x()).containsExactly(1, 2);
        assertThat(s0.t()).isZero();
        assertThat(s0.stepSize()).isEmpty();
        assertThat(s1.t()).isEqualTo(1);
        assertThat(s1).isEqualTo(gd.step(gd.init(new double[] {1, 2}), o));
    }
}
