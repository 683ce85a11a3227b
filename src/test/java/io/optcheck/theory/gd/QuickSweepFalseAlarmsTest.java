package io.optcheck.theory.gd;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.problem.Quadratic;
import io.optcheck.result.Result;
import io.optcheck.theory.QuickRuns;
import io.optcheck.theory.TheoremRunner;
import java.math.BigDecimal;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * False alarms of the seed sweep (the built-in catalog at --quick depth, seeds 1..102) on gd
 * theorems. Each test replays the shrunk case from its token where the generator still draws it,
 * and reruns the regime exactly as {@code ./optcheck run --quick --seed S} ran it.
 */
class QuickSweepFalseAlarmsTest {

    /**
     * gd.gradient-flow/strongly-convex, quick seeds 11 and 89: a rotated 2-D quadratic (eigenvalues
     * 100.2 and 1) from x0 = (10, -10), its mu-eigenvector, where f(x(t + eta)) - f* &lt;=
     * e^{-2 mu eta} (f(x(t)) - f*) is an equality. f = 97 there is the sum of terms of size 9700
     * that cancel, and the evaluation rounding (excess up to 7.4e-13) was above the tolerance of
     * |f| (6.9e-13). The tolerance's defect: its scale is now Quadratic.valueScale (tolerance
     * 6.9e-11). The integrated flow itself is accurate to 3e-16 relative there.
     */
    @Test
    void gradientFlowExpRateOnARotatedQuadraticAlongItsMuEigenvector() {
        GradientFlowBounds theorem = new GradientFlowBounds();
        QuickRuns.assertPasses(TheoremRunner.replay(
                theorem,
                theorem.regime("strongly-convex"),
                "oc1-6I13XFXFS-cAAAAQBACy3bibmoCH2YABgICAgICAgPB_Av7________vfwAAAP7________vfwAAAICAgICAgICkgAH_________23-05syZs-bMuX8",
                11));
        QuickRuns.assertPasses(TheoremRunner.replay(
                theorem,
                theorem.regime("strongly-convex"),
                "oc1-jL5-uZjquuEAAAAQBACAgICAgICA8H_euJuagO-Ckn8C_v_______-9_AAAA_v_______-9_AAAAgICAgICAgKSAAf_________bf7TmzJmz5sy5fw",
                89));
        QuickRuns.assertPasses(QuickRuns.run(theorem, "strongly-convex", 11));
        QuickRuns.assertPasses(QuickRuns.run(theorem, "strongly-convex", 89));
    }

    /**
     * gd.strongly-convex-rate/distance, quick seeds 13 and 99: an interpolant (L = 1, mu = 0.5) of
     * x = (0, -0.05, -0.1), g = (0.05, 0.025, 0); the distance bound is an equality. The realised
     * function interpolates the repaired values as rounded to doubles, and its gradient at the data
     * x* = -0.1 is -5.5e-15 (in 300 digits), so its minimizer is 1.1e-14 away; ||x_4 - x*||^2
     * exceeded (1/2)^8 R^2 by 7.5e-17 (ratio 1 + 1.9e-12) against a tolerance of 2.4e-17, and the
     * exact recheck (which used the same x*) confirmed it. The encoding's defect: the check now
     * allows x*'s uncertainty ||grad f(x*)|| / mu (RateInstance#minimizerError).
     */
    @Test
    void stronglyConvexRateDistanceOnAnInterpolantWhoseDataMinimizerIsOffByRounding() {
        StronglyConvexRate theorem = new StronglyConvexRate();
        Result replayed = TheoremRunner.replay(
                theorem,
                theorem.regime("distance"),
                "oc1-YX-f9JlD-gkAAAALBgQCAgC05syZs-bMqX8AgICAgICAgOB_gICAgICAgICAAYCAgICAgICAgAEA",
                13);
        QuickRuns.assertPasses(replayed);
        QuickRuns.assertPasses(QuickRuns.run(theorem, "distance", 13));
        QuickRuns.assertPasses(QuickRuns.run(theorem, "distance", 99));
        // The allowance is the exact enlargement of the bound, and 0 when x* is exact.
        assertThat(StronglyConvexRate.distanceAllowance(0.5, 0.5, 1, 0)).isZero();
        double root = 0.00625;
        double delta = 1.1e-14;
        double k = 1 + 0.0625;
        // (rho^t R + delta (1 + rho^t))^2 - (rho^t R)^2, evaluated exactly.
        BigDecimal r = new BigDecimal(root);
        BigDecimal widened = r.add(new BigDecimal(delta).multiply(new BigDecimal(k)));
        double expected = widened.multiply(widened).subtract(r.multiply(r)).doubleValue();
        assertThat(StronglyConvexRate.distanceAllowance(root, 0.5, 4, delta))
                .isCloseTo(expected, Percentage.withPercentage(1e-10));
    }

    /**
     * gd.heavy-ball-strongly-convex/holds, quick seed 93: 1-D, mu = L = 0.6665, a L = h =
     * 1 - 2^-53. At mu = L the bound is an equality to first order at n = 2 (x_2 = -b x_0 to first
     * order, bound (1 - a mu)^2 f(x_0)), so b must equal the rate 1 - a mu there. b's factor was
     * computed as 1 - (h mu)/L = 2.2e-16 and the rate as 1 - a mu = 1.1e-16: b^2 was twice the rate
     * squared, and f(x_2) - f* = 8.2e-33 twice the bound 4.1e-33. The encoding's defect: both now
     * come from one 1 - h (mu/L).
     */
    @Test
    void heavyBallGhadimiTuningAtMuEqualToLAndAStepJustBelowOneOverL() {
        HeavyBallStronglyConvex theorem = new HeavyBallStronglyConvex();
        QuickRuns.assertPasses(TheoremRunner.replay(
                theorem, theorem.regime("holds"), "oc1-TQpIG8YLwTcAAAAGAAIAjtrI7fn9qeV_oPCdkOX1_-9__v_______-9_", 93));
        QuickRuns.assertPasses(QuickRuns.run(theorem, "holds", 93));
        MomentumInstance in = new MomentumInstance(
                Quadratic.diagonal(new double[] {0.6665}).problem(),
                new double[] {0.999981},
                0.9999999999999999,
                0.6665);
        double b = HeavyBallStronglyConvex.tuning(in).get("momentum");
        assertThat(b).isEqualTo(0x1p-53).isEqualTo(HeavyBallStronglyConvex.oneMinusAMu(in));
    }

    /**
     * gd.armijo/backtracking, quick seed 96: d = 15, H = 0.2176 I rotated, alpha0 L = 1. GD reaches
     * x* in one step to rounding and shrinks by 1e-15 a step; at step 11 ||g|| = 4.8e-151 is above
     * 2^-500 = 3.1e-151 but every component is below it, so the method stayed put by its documented
     * rule, while the checker tested ||g|| against 2^-500 and read the zero move as an accepted step
     * a = 0 &lt; 0.919 (ratio infinite). The encoding's defect: the checker now uses the method's
     * rule (ArmijoBacktracking.staysPut).
     */
    @Test
    void armijoBacktrackingWhereTheMethodStaysPutByItsComponentRule() {
        QuickRuns.assertPasses(QuickRuns.run(new Armijo(), "backtracking", 96));
    }

    /**
     * gd.wolfe/c1-eq-c2, quick seeds 38 and 91 (refused): c1 = c2 on the kinked slope M = 1,
     * s = 1e-4 from x = 0. A strong Wolfe step exists at c1 = c2 (THEOREMS.md gd.wolfe), so the
     * regime expects one and a refusal is a failure. Seed 38 (c = 0.999992, steps [8.3e-6, 1.7e-5])
     * was the implementation's defect: zoom's clamping shrank the bracket by 0.9 per trial and gave
     * up after 100 (LineSearchMethodsTest). Seed 91 (c = 1 - 2^-53, steps [1.1e-16, 2.2e-16], where
     * the sufficient-decrease margin 1e-32 is below the rounding of phi, 3e-32) was the generator's:
     * 1 - c2 &gt;= 2^-20 now, as c2 &gt;= 1e-4 already kept the curvature window resolvable at the
     * other end.
     */
    @Test
    void wolfeWithC1EqualToC2CloseToOne() {
        Wolfe theorem = new Wolfe();
        QuickRuns.assertPasses(TheoremRunner.replay(
                theorem,
                theorem.regime("c1-eq-c2"),
                "oc1-Chk3FKnDTbcAAAAIBoCAgICAgIDwf9qM4rHduJuafgAA7pPmp9T7_-9_2ozisd24m5p-gICAgICAgPB_",
                38));
        QuickRuns.assertPasses(QuickRuns.run(theorem, "c1-eq-c2", 38));
        QuickRuns.assertPasses(QuickRuns.run(theorem, "c1-eq-c2", 91));
    }
}
