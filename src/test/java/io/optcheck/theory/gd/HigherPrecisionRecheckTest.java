package io.optcheck.theory.gd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.optcheck.problem.ExactQuadratic;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.HuberSum;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.Ripple;
import io.optcheck.theory.Check;
import java.math.BigDecimal;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;

/**
 * The gd rechecks of marginal results against answers derived by hand on one-dimensional
 * quadratics, where each inequality is an equality in real arithmetic (so the slightest change of a
 * constant decides it) or its sign is known in closed form.
 */
class HigherPrecisionRecheckTest {

    private static final Quadratic THREE = Quadratic.diagonal(new double[] {3});
    private static final Quadratic ONE = Quadratic.diagonal(new double[] {1});

    @Test
    void descentLemmaAtEtaLEqualToOneIsDecidedBySideOfOneThirdTheDoubleEtaFalls() {
        // f = 3x^2/2, x+ = (1 - 3 eta) x. decrease - (eta/2)||g||^2 = 4.5 eta x^2 (1 - 3 eta):
        // positive for eta < 1/3, negative above. The double nearest 1/3 is below it.
        double below = 1.0 / 3;
        assertThat(new BigDecimal(below).multiply(BigDecimal.valueOf(3))).isLessThan(BigDecimal.ONE);
        double above = Math.nextUp(below);
        double[] x = {0.7};
        assertThat(DescentLemma.realStepHolds(THREE, x, below, 3, "eta-half-form", 0))
                .isTrue();
        assertThat(DescentLemma.realStepHolds(THREE, x, above, 3, "eta-half-form", 0))
                .isFalse();
        // general form: decrease = eta (1 - L eta/2) ||g||^2 exactly for a quadratic with L = 3, at any eta.
        assertThat(DescentLemma.realStepHolds(THREE, x, above, 3, "general-form", 0))
                .isTrue();
        assertThat(DescentLemma.realStepHolds(THREE, x, above, 3, "general-form", 1e-30))
                .isFalse();
    }

    @Test
    void oneContractionStepIsAnEqualityAtItsExactFactor() {
        double eta = 0.1;
        double[] x = {2.5};
        BigDecimal exact = QuadraticContraction.exactFactor(eta, new double[] {3});
        // |1 - 0.1 * 3| = 0.7 up to the binary value of 0.1: 1 - 3 * 0.1000000000000000055511... .
        assertThat(exact)
                .isEqualByComparingTo(BigDecimal.ONE.subtract(new BigDecimal(0.1).multiply(BigDecimal.valueOf(3))));
        assertThat(QuadraticContraction.realStepContracts(THREE, x, eta, new double[] {0}, exact))
                .isTrue();
        assertThat(QuadraticContraction.realStepContracts(
                        THREE, x, eta, new double[] {0}, exact.subtract(new BigDecimal("1e-200"))))
                .isFalse();
    }

    @Test
    void edgeOfStabilityGrowthIsExactlyEtaSMinusOne() {
        // f = 3x^2/2, eta = 1: x+ = -2x, growth |x+|/|x| = 2 = eta s - 1 exactly.
        double[] x = {0.3};
        double[] diag = {3};
        assertThat(EdgeOfStability.realStepGrows(THREE, x, 1.0, new double[] {0}, diag, 3, 0))
                .isTrue();
        assertThat(EdgeOfStability.realStepGrows(THREE, x, 1.0, new double[] {0}, diag, 3, 1e-30))
                .isFalse();
    }

    @Test
    void gradientDirectionDecreaseAtTheMinimizerIsHalfTheSlope() {
        // f = x^2/2 at x = 1 along Delta = -1: f(x) - f(x + Delta) = 1/2 = (1/2) |g^T Delta|.
        assertThat(GradientDirection.exactDecreaseHolds(ONE, new double[] {1}, new double[] {-1}, 1, 0))
                .isTrue();
        assertThat(GradientDirection.exactDecreaseHolds(ONE, new double[] {1}, new double[] {-1}, 1, 1e-30))
                .isFalse();
        // Half the step: f(1) - f(1/2) = 3/8 >= (1/2)(1/2)(1) = 1/4.
        assertThat(GradientDirection.exactDecreaseHolds(ONE, new double[] {1}, new double[] {-1}, 0.5, 0))
                .isTrue();
    }

    @Test
    void strongWolfeConditionsAtHalfTheStepOnXSquaredOverTwo() {
        // f = x^2/2, from 1 to 1/2: a|phi'(0)| = 1/2, a|phi'(a)| = 1/4, decrease 3/8.
        double[] x = {1};
        double[] y = {0.5};
        assertThat(LineSearchChecks.exactWolfe(ONE, x, y, 0.75, 0.9, 0, true)).isTrue();
        assertThat(LineSearchChecks.exactWolfe(ONE, x, y, Math.nextUp(0.75), 0.9, 0, true))
                .isFalse();
        assertThat(LineSearchChecks.exactWolfe(ONE, x, y, 1e-4, 0.5, 0, false)).isTrue();
        assertThat(LineSearchChecks.exactWolfe(ONE, x, y, 1e-4, Math.nextDown(0.5), 0, false))
                .isFalse();
    }

    @Test
    void theDfpWolfeConditionsAgreeOnARippleWithoutRipples() {
        // a = 0: the ripple is x^2/2, so the same hand-derived answers as above, in Dfp.
        Ripple flat = Ripple.of(new double[] {1}, new double[] {0}, new double[] {1}, null);
        double[] x = {1};
        double[] y = {0.5};
        assertThat(LineSearchChecks.dfpWolfe(flat.fieldFormula(), x, y, 0.75, 0.9, 0, true))
                .isTrue();
        assertThat(LineSearchChecks.dfpWolfe(flat.fieldFormula(), x, y, Math.nextUp(0.75), 0.9, 0, true))
                .isFalse();
        assertThat(LineSearchChecks.dfpWolfe(flat.fieldFormula(), x, y, 1e-4, 0.5, 0, false))
                .isTrue();
        assertThat(LineSearchChecks.dfpWolfe(flat.fieldFormula(), x, y, 1e-4, Math.nextDown(0.5), 0, false))
                .isFalse();
    }

    @Test
    void valueModelsAreExactForQuadraticsAndDfpForFieldFormulas() {
        // f = x^2/2 at the double 0.1: exactly 0.1^2/2 of its binary value, not the double result.
        BigDecimal tenth = new BigDecimal(0.1);
        assertThat(HighPrecision.valueModel(ONE).orElseThrow().value().apply(new double[] {0.1}))
                .isEqualByComparingTo(tenth.multiply(tenth).divide(BigDecimal.valueOf(2)));
        // Huber with w = 2, delta = 1 at 3: 2 (1 * 3 - 1/2) = 5; at 0.5: 2 * 0.125 = 0.25.
        HuberSum h = new HuberSum(new double[] {2}, new double[] {1});
        var m = HighPrecision.valueModel(h).orElseThrow();
        assertThat(m.value().apply(new double[] {3}).doubleValue()).isEqualTo(5.0);
        assertThat(m.value().apply(new double[] {0.5}).doubleValue()).isEqualTo(0.25);
        // A check of f(x_t) - f* <= bound decided by the exact value: 0.1^2/2 lies above the double 0.005.
        Check c = MomentumChecks.gapAtMost(ONE, 0, 1, new double[] {1}, new double[] {0.1}, 0.005, 1);
        assertThat(c.exact().holds().getAsBoolean()).isFalse();
        Check d = MomentumChecks.gapAtMost(ONE, 0, 1, new double[] {1}, new double[] {0.1}, 0.00500000000000001, 1);
        assertThat(d.exact().holds().getAsBoolean()).isTrue();
    }

    @Test
    void theFlowOfAQuadraticIsItsExponential() {
        // x' = -x from 1 for time 1: e^-1, whose first 50 digits are known.
        BigDecimal[] x = ExactQuadratic.flow(
                        ONE, new BigDecimal[] {BigDecimal.ONE}, new BigDecimal[] {BigDecimal.ZERO}, 1.0)
                .orElseThrow();
        BigDecimal eInv = new BigDecimal("0.36787944117144232159552377016146086744581113103176");
        assertThat(x[0].subtract(eInv).abs()).isLessThan(new BigDecimal("1e-49"));
        assertThat(HighPrecision.exp(BigDecimal.valueOf(-1)).subtract(eInv).abs())
                .isLessThan(new BigDecimal("1e-49"));
        // f(x(eta)) - f* = e^{-2 mu eta} (f(x) - f*) along the mu-eigenvector: held (to 1e-250), and
        // a tightened rate fails.
        assertThat(GradientFlowBounds.exactContracts(THREE, new double[] {0.4}, 0.05, 3, 0))
                .isTrue();
        assertThat(GradientFlowBounds.exactContracts(THREE, new double[] {0.4}, 0.05, 3, 1e-30))
                .isFalse();
        // Energy: f(x) - f(x(eta)) = (3/2)(1 - e^{-6 eta}) x^2 and (1 - e^{-2 L eta})/(2L) ||g||^2
        // = (1 - e^{-6 eta})/6 * 9 x^2: the same, so L = 3 is an equality.
        assertThat(GradientFlowBounds.exactDissipates(THREE, new double[] {0.4}, 0.05, 3, 0))
                .isTrue();
        assertThat(GradientFlowBounds.exactDissipates(THREE, new double[] {0.4}, 0.05, 3, 1e-30))
                .isFalse();
        // Far beyond the series' reach there is no model.
        assertThat(ExactQuadratic.flow(
                        THREE, new BigDecimal[] {BigDecimal.ONE}, new BigDecimal[] {BigDecimal.ZERO}, 1e4))
                .isEmpty();
    }

    @Test
    void aRippleInDfpMatchesItsClosedForm() {
        // f = (2/2) x^2 + 0.5 cos(3x): f(0) = 0.5, f'(x) = 2x - 1.5 sin(3x).
        Ripple r = Ripple.of(new double[] {2}, new double[] {0.5}, new double[] {3}, null);
        assertThat(HighPrecision.value(r.fieldFormula(), new Dfp[] {HighPrecision.DFP.getZero()})
                        .toDouble())
                .isEqualTo(0.5);
        double x = 0.37;
        Dfp g = HighPrecision.gradient(r.fieldFormula(), new Dfp[] {HighPrecision.dfp(x)})[0];
        assertThat(g.toDouble()).isCloseTo(2 * x - 1.5 * Math.sin(3 * x), offset(1e-15));
        // Clipped GD on the ripple: f(x) - f(x - eta g) against (eta/2) g^2 at a tiny step holds (the
        // decrease is eta g^2 (1 - O(eta))), at a huge one fails.
        assertThat(Clipping.exactClippedDecrease(r, new double[] {x}, 1e-3, 1e9, 0))
                .isTrue();
        assertThat(Clipping.exactClippedDecrease(r, new double[] {x}, 10, 1e9, 0))
                .isFalse();
    }

    @Test
    void heavyBallRecheckRunKeptAcrossStepsDecidesTheTightBoundAtEveryStepInAnyOrder() {
        // Along the top eigenvector (lambda = L = 100, mu = 1) the heavy-ball error is exactly the
        // bound (1 + (1 + rho) t) rho^t R at every t: the 300-digit run holds it with tighten 0 and
        // breaks it with tighten 1e-30. One run object, asked for ascending, repeated and earlier
        // steps, must answer as a fresh run does; a run that did not advance to step t (its error
        // still R) would fail the untightened bound at every t >= 1.
        Quadratic q = Quadratic.diagonal(new double[] {1, 100});
        double[] x0 = {0, 10};
        double[] xStar = {0, 0};
        MomentumRecheck.HeavyBallQuadraticRun run = new MomentumRecheck.HeavyBallQuadraticRun(q, x0, xStar, 100, 1);
        int[] order = {1, 2, 3, 3, 10, 57, 100, 99, 40, 1, 100};
        for (int t : order) {
            assertThat(run.holdsAt(t, 0)).as("t = %d, tighten 0", t).isTrue();
            assertThat(run.holdsAt(t, 1e-30)).as("t = %d, tighten 1e-30", t).isFalse();
            assertThat(MomentumRecheck.heavyBallQuadraticHolds(q, x0, xStar, 100, 1, t, 0))
                    .isTrue();
        }
    }
}
