package io.optcheck.theory.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.optcheck.problem.HuberSum;
import io.optcheck.problem.PowerObjective;
import io.optcheck.problem.StrictSaddle;
import io.optcheck.problem.TwoLayerNet;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.MarginalRecheck;
import io.optcheck.theory.Regime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The higher-precision rechecks of the landscape theorems against answers derived by hand. */
class LandscapeRecheckTest {

    @Test
    void escapeAtExactlyTheBoundIsMarginalAndRealInExactArithmetic() {
        // y0 = 1 = rho: T* = floor(log 1 / log(1 + s/2)) + 1 = 1, and y_1 = 1 (1 + s - s/2) = 1 + s/2 > 1,
        // so the escape step 1 meets the bound 1 exactly: 0 ulps, holds in real numbers.
        StrictSaddleEscape th = new StrictSaddleEscape();
        Regime r = th.regime("holds");
        SaddleInstance in = new SaddleInstance(new StrictSaddle(2, 2), new double[] {0, 1}, 0.5);
        Evaluation e = th.evaluate(in, r);
        assertThat(e.violation()).isNull();
        Check worst = e.worst();
        assertThat(worst.quantity()).isEqualTo("steps to leave |y| <= 1");
        Map<String, Object> m = MarginalRecheck.of(th, in, r, worst);
        assertThat(m)
                .containsEntry("exactVerdict", "holds")
                .containsEntry("classification", "real")
                .containsEntry("precision", StrictSaddleEscape.COUNT_PRECISION);
    }

    @Test
    void theExactEscapeCountMeetsOrMissesTheBoundAsDerived() {
        StrictSaddle f = new StrictSaddle(2, 2);
        // eta = 0.05, s = 0.1: from y0 = 1 the escape takes 1 step and T* = 1; tightened by 1e-3 the
        // bound 0.999 is below 1.
        assertThat(StrictSaddleEscape.exactEscapeHolds(f, 0.05, 1, 0)).isTrue();
        assertThat(StrictSaddleEscape.exactEscapeHolds(f, 0.05, 1, 1e-3)).isFalse();
        // From y0 = 0.5: |y| grows by at least 1.05 and at most 1.1 per step while |y| <= 1, so the escape
        // takes at least log 2 / log 1.1 = 7.27 steps (8) and T* = floor(log 2 / log 1.05) + 1 = 15.
        assertThat(StrictSaddleEscape.exactEscapeHolds(f, 0.05, 0.5, 0)).isTrue();
        // 8 steps against 15 (1 - 0.5) = 7.5: violated.
        assertThat(StrictSaddleEscape.exactEscapeHolds(f, 0.05, 0.5, 0.5)).isFalse();
        // On the stable manifold the real-number trajectory never leaves y = 0: the bound is violated.
        assertThat(StrictSaddleEscape.exactEscapeHolds(f, 0.05, 0, 0)).isFalse();
    }

    @Test
    void aNearlyFlatPlateauStepIsMarginalAndHoldsExactly() {
        // p = 4 on |x| <= 1 (L = 12), h = 3e-7: c z = 4 eta x^2 <= 1e-7, where the upper bound
        // (1 + 2 c z)^(-1/2) exceeds the step factor 1 - c z by only about 1.5 (c z)^2 (about 1e2 ulps).
        // It holds in real numbers: (1 - u/2)^2 (1 + u) = 1 - 3u^2/4 + u^3/4 <= 1 for u in [0, 1].
        DegeneratePlateau th = new DegeneratePlateau();
        Regime r = th.regime("holds");
        PowerInstance in = new PowerInstance(new PowerObjective(4, 0, 1), 1, 3e-7, 0);
        Evaluation e = th.evaluate(in, r);
        assertThat(e.violation()).isNull();
        Map<String, Object> m = MarginalRecheck.of(th, in, r, e.worst());
        assertThat(m).isNotNull();
        assertThat(m)
                .containsEntry("doubleVerdict", "holds")
                .containsEntry("exactVerdict", "holds")
                .containsEntry("classification", "real")
                .containsEntry("precision", DegeneratePlateau.PRECISION);
    }

    @Test
    void thePlateauStepBoundsHoldOrFailAsComputedByHand() {
        // From x = 1 with p = 4, eta = 1/12 (h = 1 on |x| <= 1): x_1 = 1 - 4/12 = 2/3; the upper bound
        // (1 + 2 * 4/12)^(-1/2) = sqrt(3/5) = 0.7746 holds, tightened by 0.2 (0.6197) it does not.
        PowerInstance in = new PowerInstance(new PowerObjective(4, 0, 1), 1, 1, 0);
        assertThat(in.eta()).isEqualTo(1.0 / 12);
        assertThat(DegeneratePlateau.exactHolds(in, "sublinear-upper", 1, 0)).isTrue();
        assertThat(DegeneratePlateau.exactHolds(in, "sublinear-upper", 1, 0.2)).isFalse();
        // Lower bound: K = c (p - 1) max(q, 1/q) = (1/3)(3)(2) = 2, (1 + 2)^(-1/2) = 0.577 <= 2/3.
        assertThat(DegeneratePlateau.exactHolds(in, "sublinear-lower", 1, 0)).isTrue();
        // Linear rate with mu = 0.5 claimed but not in f: 2/3 <= (1 - 0.5/12) = 0.958 holds; mu = 5: 0.583 fails.
        assertThat(DegeneratePlateau.exactHolds(
                        new PowerInstance(new PowerObjective(4, 0, 1), 1, 1, 0.5), "linear-rate", 1, 0))
                .isTrue();
        assertThat(DegeneratePlateau.exactHolds(
                        new PowerInstance(new PowerObjective(4, 0, 1), 1, 1, 5), "linear-rate", 1, 0))
                .isFalse();
    }

    @Test
    void aSegmentOnTheLinearPartOfAHuberLossHoldsWithEqualityInRealNumbers() {
        // f(u) = u - 1/2 for u >= 1 (w = 1, delta = 1) is affine on [2, 4]: f((1-a) 2 + a 4) equals the
        // chord exactly for every a, so the exact verdict is "holds"; the double comparison may land
        // an ulp either side, and the classification must follow it.
        ConvexNoBarrier th = new ConvexNoBarrier();
        Regime r = th.regime("holds");
        int real = 0;
        for (double a : new double[] {0.1, 0.2, 0.3, 0.7, 0.9, 1.0 / 3, 2.0 / 3, 0.01, 0.99}) {
            SegmentInstance in = new SegmentInstance(
                    new HuberSum(new double[] {1}, new double[] {1}).problem(),
                    new double[] {2},
                    new double[] {4},
                    a,
                    "test");
            Evaluation e = th.evaluate(in, r);
            Check c = e.worst() != null ? e.worst() : e.violation();
            Map<String, Object> m = MarginalRecheck.of(th, in, r, c);
            assertThat(m).as("a = %s", a).isNotNull().containsEntry("exactVerdict", "holds");
            boolean doubleHolds = c.observed() <= c.bound();
            assertThat(m).containsEntry("classification", doubleHolds ? "real" : "rounding");
            if (doubleHolds) {
                real++;
            }
        }
        assertThat(real).isPositive();
    }

    @Test
    void theRescaledLossIsRecheckedAtTheRealRescalingNotItsRounding() {
        // One ReLU unit, one input, one example x = 1, y = 0: f = (w2 relu(w1))^2 / 2. With w1 = 0.7,
        // w2 = 0.9 and alpha = 3, w2/alpha = 0.3 is not a double, but (3 w1)(w2/3) = w1 w2 in real
        // numbers, so f is invariant: both inequalities of the check hold exactly, and both fail
        // when tightened by 1e-3.
        TwoLayerNet net = new TwoLayerNet(TwoLayerNet.Activation.RELU, 1, new double[][] {{1}}, new double[] {0});
        ReparamInstance in = new ReparamInstance(net, new double[] {0.7, 0.9}, 3);
        assertThat(SharpnessReparam.exactHolds(in, true, 0)).isTrue();
        assertThat(SharpnessReparam.exactHolds(in, false, 0)).isTrue();
        assertThat(SharpnessReparam.exactHolds(in, true, 1e-3)).isFalse();
        assertThat(SharpnessReparam.exactHolds(in, false, 1e-3)).isFalse();
        // the exact loss is (0.7 * 0.9)^2 / 2 = 0.19845 (up to the doubles' representation of 0.7 and 0.9)
        assertThat(net.valueRescaled(in.theta(), 3, 80).toDouble()).isCloseTo(0.19845, within(1e-15));
        SharpnessReparam th = new SharpnessReparam();
        Regime r = th.regime("holds");
        Check c = th.evaluate(in, r).worst();
        assertThat(MarginalRecheck.of(th, in, r, c))
                .isNotNull()
                .containsEntry("exactVerdict", "holds")
                .containsEntry("precision", SharpnessReparam.PRECISION);
    }
}
