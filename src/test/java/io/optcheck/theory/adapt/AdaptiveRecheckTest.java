package io.optcheck.theory.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.method.exact.ExactAdaptive;
import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.MarginalRecheck;
import io.optcheck.theory.Theorem;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The higher-precision rechecks of the adaptive theorems (THEOREMS.md, Numerics, "Recheck"): each
 * check site's re-evaluation on the real-number algorithm, against answers derived by hand in the
 * comments, and the classification MarginalRecheck records. "rounding" cases are instances where
 * the double comparison is violated by a few ulps while the real-number statement holds.
 */
class AdaptiveRecheckTest {

    private static Check decisive(Evaluation e) {
        return e.violation() != null ? e.violation() : e.worst();
    }

    private static <I> Map<String, Object> record(Theorem<I> t, I in, String regime, Check c) {
        return MarginalRecheck.of(t, in, t.regime(regime), c);
    }

    private static OnlineInstance sequence(double[][] g, double x0, double xs, double lr, double b2, double eps) {
        return new OnlineInstance(g, null, "test sequence", new double[] {x0}, new double[] {xs}, lr, b2, eps);
    }

    // ---- adapt.rmsprop-step-bound

    @Test
    void rmsPropFirstStepIsAnEqualityInRealsThatDoubleRoundingViolates() {
        // v_1 = (1 - rho) g^2 exactly, so the real step is lr |g|/sqrt((1 - rho) g^2) = lr/sqrt(1 - rho):
        // the bound with equality, so the real-number statement holds. In double, lr = 0.1, rho = 0.9,
        // g = 3 give a step one rounding above the rounded bound.
        RmsPropStepBound t = new RmsPropStepBound();
        OnlineInstance in = sequence(new double[][] {{3}}, 0, 0, 0.1, 0.9, 0);
        Check c = decisive(t.evaluate(in, t.regime("holds")));
        assertThat(c.step()).isEqualTo(1);
        assertThat(c.observed()).isGreaterThan(c.bound());
        assertThat(c.ok()).isTrue(); // within the tolerance
        Map<String, Object> m = record(t, in, "holds", c);
        assertThat(m)
                .containsEntry("doubleVerdict", "violated")
                .containsEntry("exactVerdict", "holds")
                .containsEntry("classification", "rounding");
        assertThat((String) m.get("precision")).contains("real-number step", "initial-accumulator=0");
    }

    @Test
    void rmsPropTightenedFirstStepIsViolatedInReals() {
        // The real step lr/sqrt(1 - rho) exceeds 0.999 lr/sqrt(1 - rho).
        Theorem<OnlineInstance> t = new RmsPropStepBound().withTightenedBounds(1e-3);
        OnlineInstance in = sequence(new double[][] {{3}}, 0, 0, 0.1, 0.9, 0);
        Check c = t.evaluate(in, t.regime("holds")).violation();
        assertThat(c).isNotNull();
        assertThat(c.exact().holds().getAsBoolean()).isFalse();
    }

    @Test
    void rmsPropStepRecheckRecomputesTheAccumulatorFromItsDeclaredStart() {
        // g = 1, 1 with rho = 0.5, eps = 0: v_1 = 0.5 = (1 - rho) g_1^2 (equality at step 1) and
        // v_2 = 0.75 > 0.5 (strictly inside at step 2). With v_0 = 1 (TensorFlow 1's accumulator),
        // v_1 = 1 > 0.5. The step bound holds in reals at every step, from any v_0 >= 0.
        RmsPropStepBound t = new RmsPropStepBound();
        OnlineInstance in = sequence(new double[][] {{1}, {1}}, 0, 0, 1, 0.5, 0);
        assertThat(t.exactStepHolds(in, 1)).isTrue();
        assertThat(t.exactStepHolds(in, 2)).isTrue();
        ExactAdaptive.Run run = new ExactAdaptive.Run(ExactAdaptive.Update.rmsProp(1, 0.5, 0, Map.of()), 1);
        run.advance(new BigDecimal[] {BigDecimal.ONE});
        assertThat(run.v(0)).isEqualByComparingTo("0.5");
        run.advance(new BigDecimal[] {BigDecimal.ONE});
        assertThat(run.v(0)).isEqualByComparingTo("0.75");
        ExactAdaptive.Run tf =
                new ExactAdaptive.Run(ExactAdaptive.Update.rmsProp(1, 0.5, 0, Map.of("initial-accumulator", "1")), 1);
        tf.advance(new BigDecimal[] {BigDecimal.ONE});
        assertThat(tf.v(0)).isEqualByComparingTo("1");
        ExactAdaptive.Run nd4j = new ExactAdaptive.Run(
                ExactAdaptive.Update.rmsProp(1, 0.5, 0.25, Map.of("initial-accumulator", "eps")), 1);
        nd4j.advance(new BigDecimal[] {BigDecimal.ONE});
        assertThat(nd4j.v(0)).isEqualByComparingTo("0.625"); // 0.5 * 0.25 + 0.5
    }

    @Test
    void theSquareRootComparisonIsExactAtTies() {
        // sqrt(a) <= f sqrt(v) + e
        assertThat(RmsPropStepBound.rootAtMost(big(4), big(1), big(4), big(0))).isTrue(); // 2 <= 2
        assertThat(RmsPropStepBound.rootAtMost(big(4), big(1), big("3.99"), big(0)))
                .isFalse();
        assertThat(RmsPropStepBound.rootAtMost(big(4), big(1), big(1), big(1))).isTrue(); // 2 <= 1 + 1
        assertThat(RmsPropStepBound.rootAtMost(big(4), big(1), big(1), big("0.999")))
                .isFalse();
        assertThat(RmsPropStepBound.rootAtMost(big(9), big(2), big(1), big(1))).isTrue(); // 3 <= 2 + 1
        assertThat(RmsPropStepBound.rootAtMost(big("9.0001"), big(2), big(1), big(1)))
                .isFalse();
        assertThat(RmsPropStepBound.rootAtMost(big(1), big(1), big(0), big(1))).isTrue(); // 1 <= 1
        assertThat(RmsPropStepBound.rootAtMost(big(2), big(1), big(0), big(1))).isFalse();
        assertThat(RmsPropStepBound.rootAtMost(big("0.49"), big(1), big("0.25"), big("0.2")))
                .isTrue(); // 0.7 <= 0.7
        assertThat(RmsPropStepBound.rootAtMost(big("0.5"), big(1), big("0.25"), big("0.2")))
                .isFalse();
    }

    @Test
    void rmsPropRegretWithoutTheMaxIsViolatedInRealsOnReddisCycle() {
        // b2 = 0, eps = 0, lr = 1: den_t = |g_t|, every step moves by sign(g_t), H_t = |g_t|. With
        // g = 10, -1, -1, ... from x0 = x* = -1: D_t = x_t - x* = 0, -1, 0, 1, 0, 1, 2, 1; regret
        // after T = 5 is 11, after T = 8 it is 29; the bound (H_T M + sum_t |g_t|)/2 is
        // (1 * 1 + 23)/2 = 12 at T = 5 and (1 * 4 + 35)/2 = 19.5 at T = 8: first violated at T = 8.
        double[][] g = new double[9][];
        for (int s = 0; s < g.length; s++) {
            g[s] = new double[] {s % 3 == 0 ? 10 : -1};
        }
        RmsPropStepBound t = new RmsPropStepBound();
        OnlineInstance in = sequence(g, -1, -1, 1, 0, 0);
        Check c = t.evaluate(in, t.regime("regret-without-max")).violation();
        assertThat(c.step()).isEqualTo(8);
        assertThat(c.observed()).isEqualTo(29);
        assertThat(c.bound()).isEqualTo(19.5);
        assertThat(c.exact().holds().getAsBoolean()).isFalse();
        ExactAdaptive.Update update = ExactAdaptive.Update.rmsProp(1, 0, 0, 0);
        ExactAdaptive.Update bound = new DenominatorBound(1, 1, 0, 0, false, DenominatorBound.Second.RAW_V).exact();
        assertThat(RegretCheck.exactHolds(in, update, bound, 1, 5)).isTrue();
        assertThat(RegretCheck.exactHolds(in, update, bound, 1, 7)).isTrue(); // 30 <= (10 * 4 + 34)/2
        assertThat(RegretCheck.exactHolds(in, update, bound, 1, 8)).isFalse();
        assertThat(record(t, in, "regret-without-max", c)).isNull(); // far from the bound: not marginal
    }

    // ---- adapt.amsgrad-regret

    @Test
    void amsGradOneStepRegretHoldsInRealsThoughDoubleRoundingViolates() {
        // T = 1, b2 = 0, eps = 0: den = |g|, H = |g|/lr, D = x0 - x*; regret g D and bound
        // (H D^2 + g^2/H)/2 = |g| (D^2 + lr^2)/(2 lr) >= |g| |D| (AM-GM, equality iff |D| = lr). Here
        // D is near lr = 0.3, and the double comparison is one rounding on the wrong side.
        AmsGradRegret t = new AmsGradRegret();
        OnlineInstance in = sequence(new double[][] {{0.7}}, -0.132, -0.432, 0.3, 0, 0);
        Check c = decisive(t.evaluate(in, t.regime("holds")));
        assertThat(c.step()).isEqualTo(1);
        assertThat(c.observed()).isGreaterThan(c.bound());
        Map<String, Object> m = record(t, in, "holds", c);
        assertThat(m)
                .containsEntry("doubleVerdict", "violated")
                .containsEntry("exactVerdict", "holds")
                .containsEntry("classification", "rounding");
        assertThat((String) m.get("precision")).contains("bias-correction=off", "max-over=raw");
    }

    @Test
    void amsGradExactTieIsRealAndTheTightenedBoundIsViolated() {
        // lr = 0.5, g = 1, x0 = 0.5, x* = 0: D = lr exactly, regret 0.5 = bound 1 (0.25 + 0.25)/(2 * 0.5):
        // an equality, exact in double too.
        AmsGradRegret t = new AmsGradRegret();
        OnlineInstance in = sequence(new double[][] {{1}}, 0.5, 0, 0.5, 0, 0);
        Check c = decisive(t.evaluate(in, t.regime("holds")));
        assertThat(c.observed()).isEqualTo(0.5);
        assertThat(c.bound()).isEqualTo(0.5);
        assertThat(record(t, in, "holds", c))
                .containsEntry("doubleVerdict", "holds")
                .containsEntry("exactVerdict", "holds")
                .containsEntry("classification", "real");
        // 0.5 > 0.999 * 0.5
        Theorem<OnlineInstance> tight = new AmsGradRegret().withTightenedBounds(1e-3);
        Check v = tight.evaluate(in, tight.regime("holds")).violation();
        assertThat(v.exact().holds().getAsBoolean()).isFalse();
    }

    @Test
    void amsGradRecheckFollowsTheMaxOverTheCorrectedSecondMoment() {
        // b2 = 0.5, eps = 0, lr = 1, g = 2, 1, max over the corrected v: v_1 = 2, corrected 2/0.5 = 4,
        // den_1 = 2; v_2 = 1 + 0.5 = 1.5, corrected 1.5/0.75 = 2 < 4, so den_2 = 2: x_2 = x_1 - 1,
        // x_3 = x_2 - 0.5. From x0 = x* = 0: D = 0, -1; regret = 2*0 + 1*(-1) = -1 <= the bound
        // (H_2 M + sum g^2/H)/2 = (2 * 1 + 4/2 + 1/2)/2 = 2.25, which the recheck confirms.
        ExactAdaptive.Update u =
                ExactAdaptive.Update.amsGrad(1, 0.5, 0, Map.of("bias-correction", "on", "max-over", "corrected"));
        ExactAdaptive.Run run = new ExactAdaptive.Run(u, 1);
        BigDecimal[] x = {BigDecimal.ZERO};
        x = run.step(x, new BigDecimal[] {big(2)});
        assertThat(run.den(0)).isEqualByComparingTo("2");
        assertThat(x[0]).isEqualByComparingTo("-1");
        x = run.step(x, new BigDecimal[] {big(1)});
        assertThat(run.den(0)).isEqualByComparingTo("2");
        assertThat(x[0]).isEqualByComparingTo("-1.5");
        OnlineInstance in = sequence(new double[][] {{2}, {1}}, 0, 0, 1, 0.5, 0);
        ExactAdaptive.Update bound =
                new DenominatorBound(1, 1, 0.5, 0, false, DenominatorBound.Second.MAX_CORRECTED).exact();
        assertThat(RegretCheck.exactHolds(in, u, bound, 1, 2)).isTrue();
        // the bound scaled by a factor: -0.45 * 2.25 = -1.0125 < -1 (violated), -0.44 * 2.25 = -0.99
        assertThat(RegretCheck.exactHolds(in, u, bound, -0.45, 2)).isFalse();
        assertThat(RegretCheck.exactHolds(in, u, bound, -0.44, 2)).isTrue();
    }

    // ---- adapt.signsgd-rate

    @Test
    void signSgdOneStepOntoTheMinimizerIsAnExactEquality() {
        // f = x^2/2, x0 = 2, delta = |x0 - x*| = 2: x_1 = 0 = x* and the iterates stay there. At K = 1,
        // |f'(x0)| = 2 = (f(x0) - f*)/delta + delta L/2 = 2/2 + 1; later (1/K) 2 < 1/K + 1.
        SignSgdRate t = new SignSgdRate();
        SignInstance in = new SignInstance(
                new DiagonalQuadraticSum(new double[][] {{1}}, new double[][] {{0}}), new double[] {2}, 1);
        Check c = decisive(t.evaluate(in, t.regime("holds")));
        assertThat(c.step()).isEqualTo(1);
        assertThat(c.observed()).isEqualTo(2);
        assertThat(c.bound()).isEqualTo(2);
        assertThat(record(t, in, "holds", c))
                .containsEntry("doubleVerdict", "holds")
                .containsEntry("exactVerdict", "holds")
                .containsEntry("classification", "real");
    }

    @Test
    void signSgdOscillationHoldsInRealsThoughDoubleRoundingViolates() {
        // f = (h/2)(x - c)^2, h = 0.3, c = 0.1, x0 = 0.7, delta = fl(x0 - c); D = x0 - c = delta + e with
        // e the rounding of that difference. Then x_1 - x* = e and the iterates alternate between
        // e and e - sign(e) delta, so for K = 2m + 1 the sum of |f'(x_k)| is h (D + m delta) and
        // the bound times K is h ((m + 1) delta + e + e^2/(2 delta)): the real statement holds with
        // slack h e^2/(2 K delta) >= 0 (for either sign of e, and for e = 0).
        SignSgdRate t = new SignSgdRate();
        SignInstance in = new SignInstance(
                new DiagonalQuadraticSum(new double[][] {{0.3}}, new double[][] {{0.1}}), new double[] {0.7}, 1);
        Check c = decisive(t.evaluate(in, t.regime("holds")));
        assertThat(c.step()).isEqualTo(5);
        assertThat(c.observed()).isGreaterThan(c.bound());
        assertThat(record(t, in, "holds", c))
                .containsEntry("doubleVerdict", "violated")
                .containsEntry("exactVerdict", "holds")
                .containsEntry("classification", "rounding");
        for (int k = 1; k <= 9; k += 2) {
            assertThat(t.exactFullHolds(in, k)).as("K = %d", k).isTrue();
        }
        // the tightened bound is below the real-number mean at K = 1 (an AM-GM equality up to e^2)
        assertThat(((SignSgdRate) new SignSgdRate().withTightenedBounds(1e-3)).exactFullHolds(in, 1))
                .isFalse();
    }

    @Test
    void signSgdBatchOneDistributionIsExactOverTheLattice() {
        // f1 = (x - 1)^2/2, f2 = (x + 1)^2/2, f = their mean (x* = 0, L = 1, f(x0) - f* = 2), x0 = 2,
        // delta = 1. x_1 = 1 surely; from 1, f1 stays (f1'(1) = 0) and f2 moves to 0; from 0, f1 moves
        // to 1 and f2 to -1. E|f'(x_k)| = 2, 1, 1/2, 3/4, so the mean is 3/2, 7/6, 17/16 at K = 2, 3, 4
        // against the bound 2/K + 1/2 = 3/2, 7/6, 1: equalities at K = 2 and 3, violated at K = 4.
        SignSgdRate t = new SignSgdRate();
        SignInstance in = new SignInstance(
                new DiagonalQuadraticSum(new double[][] {{1}, {1}}, new double[][] {{1}, {-1}}), new double[] {2}, 0.5);
        assertThat(in.delta()).isEqualTo(1);
        assertThat(t.exactBatchOneHolds(in, 1)).isTrue();
        assertThat(t.exactBatchOneHolds(in, 2)).isTrue();
        assertThat(t.exactBatchOneHolds(in, 3)).isTrue();
        assertThat(t.exactBatchOneHolds(in, 4)).isFalse();
        Check v = t.evaluate(in, t.regime("drop:full-gradient")).violation();
        assertThat(v.step()).isEqualTo(4);
        assertThat(v.observed()).isEqualTo(17.0 / 16);
        assertThat(v.exact().holds().getAsBoolean()).isFalse();
    }

    // ---- adapt.adam-nonconvergence

    @Test
    void adamReachesTheBoxOnTheFirstCycleInRealsAsInDouble() {
        // C = 3 (b2 = 0.1), alpha = 0.999 sqrt(0.9), x0 = 1, no bias correction: the C round moves
        // down by alpha C/sqrt(0.9 * 9) = 0.999, the -1 rounds up by alpha/(sqrt 2 sqrt(1.71)) = 0.5125
        // and alpha/(sqrt 3 sqrt(1.071)) = 0.5287, so x_3 = min(1, 1.042) = 1. G_0 = alpha (1/sqrt(3.6)
        // + 1/sqrt(3.24) - 1/sqrt(0.9)) = 0.027 > 0, so the bound min(1, x0 + G_0) is 1: equality.
        AdamNonconvergence t = new AdamNonconvergence();
        ReddiInstance in = new ReddiInstance(3, 0.999, 1);
        Check c = decisive(t.evaluate(in, t.regime("holds")));
        assertThat(c.step()).isEqualTo(3);
        assertThat(c.observed()).isEqualTo(1);
        assertThat(c.bound()).isEqualTo(1);
        assertThat(AdamNonconvergence.exactCycleGain(in, 0, false).doubleValue())
                .isCloseTo(0.027, within(0.002));
        assertThat(record(t, in, "holds", c))
                .containsEntry("doubleVerdict", "holds")
                .containsEntry("exactVerdict", "holds")
                .containsEntry("classification", "real");
    }

    @Test
    void amsGradOnReddisProblemRechecksItsDecreaseBound() {
        // The same instance, AMSGrad (max over the raw v): vhat = 8.1 for the whole cycle, so the moves
        // are -0.999, +alpha/(sqrt 2 sqrt 8.1) = 0.2355, +alpha/(sqrt 3 sqrt 8.1) = 0.1923: x_3 = 0.4288,
        // below max(x0 - (C - 2) a/C, -1 + 2 a sqrt(10)/9) = max(0.684, -0.334) (holds) and above the
        // wrong decrease a: max(0.052, -0.334) (the tightened check, violated).
        ReddiInstance in = new ReddiInstance(3, 0.999, 1);
        AdamNonconvergence t = new AdamNonconvergence();
        assertThat(t.exactCycleHolds(in, AdamNonconvergence.variant(t.regime("amsgrad")), 3))
                .isTrue();
        Theorem<ReddiInstance> tight = new AdamNonconvergence().withTightenedBounds(1e-3);
        Check v = tight.evaluate(in, tight.regime("amsgrad")).violation();
        assertThat(v.step()).isEqualTo(3);
        assertThat(v.observed()).isCloseTo(0.4288, within(1e-3));
        assertThat(v.exact().holds().getAsBoolean()).isFalse();
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }

    private static BigDecimal big(double v) {
        return new BigDecimal(v);
    }

    private static BigDecimal big(String v) {
        return new BigDecimal(v);
    }
}
