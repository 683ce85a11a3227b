package io.optcheck.theory.vr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.optcheck.method.exact.SagaMoments;
import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.problem.LogCoshQuadraticSum;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.MarginalRecheck;
import io.optcheck.theory.Regime;
import java.util.Map;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;

/** vr.saga's one-step recheck against answers derived by hand. */
class SagaRecheckTest {

    private static final DiagonalQuadraticSum HALF_SQUARE =
            new DiagonalQuadraticSum(new double[][] {{1}}, new double[][] {{0}});

    @Test
    void aTableAtTheMinimizerMakesTheContractionAnEqualityThatHoldsExactly() {
        // n = 1, f = x^2/2, mu = L = 1, eta = 1/4: x_1 = (3/4) x_0, phi_1 = x_0, so
        // V_1 = x0^2/2 + (9/16) x0^2 (8/3) = 2 x0^2 and (3/4) V_0 = (3/8) phi^2 + 2 x0^2: equal at phi = 0.
        SagaTheorem th = new SagaTheorem();
        Regime r = th.regime("holds");
        SagaTheorem.Instance in =
                new SagaTheorem.Instance(HALF_SQUARE, 1, new double[] {0.3}, new double[][] {{0}}, new int[0]);
        assertThat(in.eta()).isEqualTo(0.25);
        Evaluation e = th.evaluate(in, r);
        Check c = e.violation() != null ? e.violation() : e.worst();
        Map<String, Object> m = MarginalRecheck.of(th, in, r, c);
        assertThat(m)
                .isNotNull()
                .containsEntry("exactVerdict", "holds")
                .containsEntry("precision", SagaExact.PRECISION);
        assertThat(m).containsEntry("classification", c.observed() <= c.bound() ? "real" : "rounding");
        // tightened by 1e-3 the equality becomes a violation
        assertThat(SagaExact.oneStepHolds(HALF_SQUARE, 1, 0.25, new double[] {0.3}, new double[][] {{0}}, 1e-3))
                .isFalse();
        // phi = 0.2: the slack is (3/8) 0.04 = 0.015 > 0
        assertThat(SagaExact.oneStepHolds(HALF_SQUARE, 1, 0.25, new double[] {0.3}, new double[][] {{0.2}}, 0))
                .isTrue();
    }

    @Test
    void onlyTheAverageStronglyConvexBreaksTheContractionByTheTheoremsCounterexample() {
        // n = 2, f1 = x^2/2, f2 = 0, mu = 1/2, eta = 1/4, phi1 = -0.4, x0 = 1.8:
        // E V_1 = 3.346 > 0.875 V_0 = 3.275 (THEOREMS.md, vr.saga).
        DiagonalQuadraticSum f = new DiagonalQuadraticSum(new double[][] {{1}, {0}}, new double[][] {{0}, {0}});
        assertThat(SagaExact.oneStepHolds(f, 0.5, 0.25, new double[] {1.8}, new double[][] {{-0.4}, {0}}, 0))
                .isFalse();
    }

    @Test
    void theIterateRateRecheckFindsTheLyapunovEqualityAtStepOneAndSlackAfterIt() {
        // n = 1, f = x^2/2, mu = L = 1, eta = 1/4, phi = 0: c = 1/(2 eta (1 - eta)) = 8/3, V_0 = (8/3) x0^2,
        // x_t = (3/4)^t x0 and phi_t = x_t-1, so V_1 = 2 x0^2 = (3/4) V_0 (equal) and
        // V_2 = (8/3)(3/4)^4 x0^2 + (3/4)^2 x0^2/2 = 1.125 x0^2 < (3/4)^2 V_0 = 1.5 x0^2;
        // E x_1^2 = 0.5625 x0^2 < 2 eta (1 - eta)(3/4) V_0 = 0.75 x0^2.
        double[] x0 = {0.3};
        double[][] phi = {{0}};
        assertThat(SagaExact.iterateRateHolds(HALF_SQUARE, 0.25, 1, x0, phi, false, 1, true, 0))
                .isTrue();
        assertThat(SagaExact.iterateRateHolds(HALF_SQUARE, 0.25, 1, x0, phi, false, 1, true, 1e-3))
                .isFalse();
        assertThat(SagaExact.iterateRateHolds(HALF_SQUARE, 0.25, 1, x0, phi, false, 2, true, 0.2))
                .isTrue();
        assertThat(SagaExact.iterateRateHolds(HALF_SQUARE, 0.25, 1, x0, phi, false, 1, false, 0))
                .isTrue();
        // with eta mu replaced by a rate that is too fast the distance check fails: mu = 2 claims
        // E x_1^2 <= 2 eta (1 - 2 eta)(1 - 2 eta) V_0' with V_0' = x0^2/(2 eta (1 - 2 eta)) = 4 x0^2: 0.5 x0^2 < 0.5625
        // x0^2
        assertThat(SagaExact.iterateRateHolds(HALF_SQUARE, 0.25, 2, x0, phi, false, 1, false, 0))
                .isFalse();
        Dfp[][] m = SagaExact.moments(HALF_SQUARE, 0.25, 1, x0, phi, false, 2);
        assertThat(m[1][1].toDouble()).isCloseTo(2 * 0.09, within(1e-15));
        assertThat(m[1][2].toDouble()).isCloseTo(1.125 * 0.09, within(1e-15));
    }

    @Test
    void theDfpMomentsAgreeWithTheDoublePropagationOnAHeterogeneousSum() {
        // Two independent implementations of the same recursion (dense Dfp products, sparse double
        // ones) on n = 3, d = 2 with different curvatures per component, updated and frozen tables.
        DiagonalQuadraticSum f = new DiagonalQuadraticSum(
                new double[][] {{1, 0.2}, {3, 0.5}, {0.5, 2}}, new double[][] {{0.4, -1}, {-0.3, 0.2}, {1.1, 0.7}});
        double[] x0 = {0.9, -0.6};
        double[][] phi = {{0.1, 0.2}, {-0.5, 0.3}, {0.8, -0.1}};
        for (boolean frozen : new boolean[] {false, true}) {
            SagaMoments d = SagaMoments.propagate(f, 0.05, 0.9 / 3, f.minimizer(), x0, phi, frozen, 30);
            Dfp[][] m = SagaExact.moments(f, 0.05, 0.9 / 3, x0, phi, frozen, 30);
            for (int t = 0; t <= 30; t++) {
                assertThat(m[0][t].toDouble())
                        .as("E||x_t - x*||^2 at %d", t)
                        .isCloseTo(d.distSq[t], within(1e-12 * d.distScale[t]));
                assertThat(m[1][t].toDouble())
                        .as("E V_t at %d", t)
                        .isCloseTo(d.lyapunov[t], within(1e-12 * d.lyapunovScale[t]));
            }
        }
    }

    @Test
    void anEqualityOfRealNumbersHoldsInDfpWhateverItsLastDigitSays() {
        // n = 1, one component of curvature exactly mu, phi = x*: with e = x0 - x*,
        // V_1 - (1 - eta mu) V_0 = e^2 [(-2 mu + eta mu^2 + mu)/(2 (1 - mu eta)) + mu/2] = 0 for every
        // eta. Without a slack the 80-digit comparison called 89 of these 199 equalities violations.
        for (int k = 1; k < 200; k++) {
            double mu = k / 200.0;
            LogCoshQuadraticSum f = new LogCoshQuadraticSum(
                    new double[][] {{mu}}, new double[][] {{0}}, new double[][] {{-2}}, new double[][] {{-2}});
            double eta = 1 / (2 * (mu + 1));
            double xs = f.minimizer()[0];
            assertThat(SagaExact.oneStepHolds(f, mu, eta, new double[] {xs + 0.5}, new double[][] {{xs}}, 0))
                    .as("mu = %s", mu)
                    .isTrue();
            // tightened by 1e-3 the equality is a violation
            assertThat(SagaExact.oneStepHolds(f, mu, eta, new double[] {xs + 0.5}, new double[][] {{xs}}, 1e-3))
                    .as("mu = %s, tightened", mu)
                    .isFalse();
        }
    }
}
