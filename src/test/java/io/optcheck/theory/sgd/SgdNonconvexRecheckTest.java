package io.optcheck.theory.sgd;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.problem.Ripple;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.MarginalRecheck;
import io.optcheck.theory.Regime;
import io.optcheck.theory.stat.Seeds;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sgd.nonconvex's higher-precision recheck against answers derived by hand. */
class SgdNonconvexRecheckTest {

    /** f = x^2/2: L = 1, f_low = 0 (a = 0, so the ripple term vanishes). */
    private static final Ripple HALF_SQUARE = Ripple.of(new double[] {1}, new double[] {0}, new double[] {1}, null);

    @Test
    void theTightInstanceIsAnEqualityAtEveryCheckpointThatHoldsExactly() {
        // eta = 1/L = 1, no noise: x_1 = 0, so (1/T) sum_t ||grad f(x_t)||^2 = x0^2/T, and the bound
        // 2 (f(x0) - 0)/(eta T) + 0 = x0^2/T: equal at every T.
        SgdNonconvex th = new SgdNonconvex();
        NonconvexInstance in = new NonconvexInstance(HALF_SQUARE, new double[] {0.3}, 1.0, 0.0);
        for (int c = 0; c < SgdNonconvex.CHECKPOINTS.length; c++) {
            assertThat(th.exactHolds(in, Seeds.SEARCH, c, false))
                    .as("checkpoint %d", c)
                    .isTrue();
            // the planted bound (x 0.8) is violated by the same runs
            assertThat(th.exactHolds(in, Seeds.SEARCH, c, true))
                    .as("planted %d", c)
                    .isFalse();
        }
        Regime r = th.regime("holds");
        Evaluation e = th.evaluate(in, r);
        Check worst = e.worst();
        Map<String, Object> m = MarginalRecheck.of(th, in, r, worst);
        assertThat(m)
                .isNotNull()
                .containsEntry("exactVerdict", "holds")
                .containsEntry("precision", SgdNonconvex.PRECISION);
    }

    @Test
    void aStepAboveOneOverLBreaksTheBoundAndTheReplayOfTheNoisyRunsSaysSo() {
        // eta = 1.5 on x^2/2 with s = 0.01: x_1 = -0.5 x0 - 1.5 xi, and at T = 2 the mean of
        // (x0^2 + x1^2)/2 is (1.25 x0^2 + 2.25 s^2)/2 = 0.0563625 for x0 = 0.3, above the bound
        // 2 (0.045)/(1.5 * 2) + 1.5 s^2 = 0.03015. The recheck replays all R noisy runs.
        SgdNonconvex th = new SgdNonconvex();
        NonconvexInstance in = new NonconvexInstance(HALF_SQUARE, new double[] {0.3}, 1.5, 0.01);
        assertThat(in.eta()).isEqualTo(1.5);
        assertThat(th.exactHolds(in, Seeds.SEARCH, 1, false)).isFalse();
        // within its assumptions (eta = 1/2) the same noisy runs satisfy it: mean (x0^2 + x1^2)/2 with
        // x1 = x0/2 - xi/2 is about 0.0562625, the bound 2 (0.045)/(0.5 * 2) + 0.5 s^2 = 0.09005
        NonconvexInstance ok = new NonconvexInstance(HALF_SQUARE, new double[] {0.3}, 0.5, 0.01);
        assertThat(th.exactHolds(ok, Seeds.SEARCH, 1, false)).isTrue();
    }
}
