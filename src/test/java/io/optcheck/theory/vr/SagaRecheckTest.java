package io.optcheck.theory.vr;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.MarginalRecheck;
import io.optcheck.theory.Regime;
import java.util.Map;
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
}
