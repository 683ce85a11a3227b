package io.optcheck.theory.sgd;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.problem.CenteredHuberSum;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.Ripple;
import io.optcheck.theory.Regime;
import io.optcheck.theory.stat.FalseAlarmBudget;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Power of the statistical SGD checks (DESIGN.md "Statistics with power"): on the instance where
 * each bound is tight, the planted violation (bound x 0.8, what withTightenedBounds plants) must
 * be detected at the production alpha on every one of 100 independent seed sets; and the true
 * bound must not be rejected on the same seed sets.
 */
class StatisticalRatesProperties {

    static final int SEED_SETS = 100;

    /** The smaller (full-depth, 1000 tries) alpha: power there implies power at CI depth. */
    static double productionAlpha(int tests) {
        return FalseAlarmBudget.perTest(1000, tests, 0);
    }

    @Test
    void constantStepDetectsThePlantedViolationOnEverySeedSet() {
        ConstantStepStronglyConvex truth = new ConstantStepStronglyConvex()
                .withAlpha(productionAlpha(ConstantStepStronglyConvex.CHECKPOINTS.length));
        ConstantStepStronglyConvex planted = truth.withTightenedBounds(1e-3);
        Regime holds = truth.regime("holds");
        // d = 1, mu = L = 2, eta = 1/L: E[f(x_k)] = s^2/(2L) = bound at every k >= 1.
        ConstantStepInstance tight =
                new ConstantStepInstance(Quadratic.diagonal(new double[] {2}), new double[] {1.5}, 1.0, 0.7, 0);
        assertDetectsOnEverySeedSet(truth, planted, tight, holds);
    }

    @Test
    void nonconvexDetectsThePlantedViolationOnEverySeedSet() {
        SgdNonconvex truth = new SgdNonconvex().withAlpha(productionAlpha(SgdNonconvex.CHECKPOINTS.length));
        SgdNonconvex planted = truth.withTightenedBounds(1e-3);
        Regime holds = truth.regime("holds");
        // (1/2) x^2 (a rippled quadratic with a = 0), eta = 1/L = 1, T = 1: X = 4, bound 4 + s^2.
        NonconvexInstance tight = new NonconvexInstance(
                Ripple.of(new double[] {1}, new double[] {0}, new double[] {1}, null), new double[] {2}, 1.0, 0.1);
        assertDetectsOnEverySeedSet(truth, planted, tight, holds);
    }

    @Test
    void polyakAveragingDetectsThePlantedViolationOnEverySeedSet() {
        PolyakAveraging truth = new PolyakAveraging().withAlpha(productionAlpha(PolyakAveraging.CHECKPOINTS.length));
        PolyakAveraging planted = truth.withTightenedBounds(1e-3);
        Regime holds = truth.regime("holds");
        // One Huber term of slope 1 and kink 0.1 (about |x|), x0 = 100, eta_0 = R/G, T = 1:
        // f(x0) - f* = 99.95 against the bound 100.
        CenteredHuberSum f = new CenteredHuberSum(1, 0, List.of(new CenteredHuberSum.Term(0, 10, 0.1, 0)));
        PolyakInstance tight = new PolyakInstance(f, new double[] {100}, 1.0, 0.0, 0.0);
        assertDetectsOnEverySeedSet(truth, planted, tight, holds);
    }

    /** The planted bound is rejected on every seed set, the true bound on none. */
    private static <I, T extends CheckpointTheorem<I, T>> void assertDetectsOnEverySeedSet(
            T truth, T planted, I tight, Regime holds) {
        int detected = 0;
        int falseAlarms = 0;
        for (int set = 1; set <= SEED_SETS; set++) {
            if (planted.evaluate(tight, holds, set, false).evaluation().violation() != null) {
                detected++;
            }
            if (truth.evaluate(tight, holds, set, false).evaluation().violation() != null) {
                falseAlarms++;
            }
        }
        assertThat(detected).as("seed sets detecting bound x 0.8").isEqualTo(SEED_SETS);
        assertThat(falseAlarms).as("seed sets rejecting the true bound").isZero();
    }
}
