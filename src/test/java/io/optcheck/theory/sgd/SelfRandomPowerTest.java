package io.optcheck.theory.sgd;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.ExampleGradients;
import io.optcheck.api.Sampling;
import io.optcheck.api.SelfRandomEstimator;
import io.optcheck.problem.FiniteSumLeastSquares;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.stat.FalseAlarmBudget;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The statistical unbiasedness check of {@link SelfRandomUnbiased}: power against planted biases
 * and false-alarm calibration, on n = 2 examples with gradients 0 and 1 (range 1, grad f = 1/2).
 * The planted estimator draws example 1 with probability 1/2 + delta, so its bias is delta and
 * every estimate stays inside the per-example range: only the statistical tests can see it.
 */
class SelfRandomPowerTest {

    /** f_i = 1/2 (a_i x - y_i)^2 with a = (0, 1), y = 0 at x = 1: gradients 0 and 1. */
    static final EstimatorInstance INSTANCE = new EstimatorInstance(
            new FiniteSumLeastSquares(new double[][] {{0}, {1}}, new double[] {0, 0}), new double[] {1});

    static SelfRandomEstimator planted(double delta) {
        return new SelfRandomEstimator() {
            public Sampling sampling() {
                return Sampling.WITH_REPLACEMENT;
            }

            public int batchSize() {
                return 1;
            }

            public double[] estimate(ExampleGradients g, long seed) {
                return g.row(new SplittableRandom(seed).nextDouble() < 0.5 + delta ? 1 : 0);
            }
        };
    }

    /** The fraction of {@code seeds} base seeds on which the check reports a violation. */
    static double detectionRate(double delta, double alpha, int seeds) {
        SelfRandomUnbiased t = new SelfRandomUnbiased(planted(delta), 0).withAlpha(alpha);
        int hits = 0;
        for (int s = 0; s < seeds; s++) {
            Evaluation e = t.withSeed(1000 + s).evaluate(INSTANCE, t.regimes().get(0));
            assertThat(e.ending()).isEqualTo(Evaluation.Ending.COMPLETED);
            hits += e.violation() != null ? 1 : 0;
        }
        return hits / (double) seeds;
    }

    @Test
    void thePlantedGradientsAreWhatTheTestAssumes() {
        assertThat(INSTANCE.table().row(0)).containsExactly(0.0);
        assertThat(INSTANCE.table().row(1)).containsExactly(1.0);
        assertThat(INSTANCE.f().gradient(INSTANCE.x())).containsExactly(0.5);
    }

    @Test
    void powerAtLeast099AgainstABiasOfTwiceTheHoeffdingWidth() {
        // alpha per test as the runner gives it for 1000 tries and no other statistical regime
        double alpha = FalseAlarmBudget.perTest(1000, SelfRandomUnbiased.TESTS, 0);
        double w = Math.sqrt(Math.log(1 / alpha) / (2.0 * SelfRandomUnbiased.RUNS));
        // guaranteed: with probability >= 1 - alpha the sample mean is within w of E, so a bias above
        // 2w puts the lower bound above grad f
        // 300 of 300 detected gives a 95% lower confidence bound of 0.990 on the power
        double at2w = detectionRate(2 * w, alpha, 300);
        double atW = detectionRate(w, alpha, 100);
        double atHalfW = detectionRate(w / 2, alpha, 100);
        System.out.printf(
                Locale.ROOT,
                "alpha = %.3g, Hoeffding width w = %.4f (range 1); detection at bias 2w: %.3f,"
                        + " w: %.3f, w/2: %.3f%n",
                alpha,
                w,
                at2w,
                atW,
                atHalfW);
        assertThat(at2w).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void falseAlarmsAtAlpha005StayWithinTheBinomialBound() {
        // 4 tests per coordinate at 0.05/4: at most 0.05 per evaluation by the union bound. Over
        // 1000 seeds the count of false alarms is at most Binomial(1000, 0.05), whose 0.999 quantile
        // is 73.
        double rate = detectionRate(0, 0.05 / 4, 1000);
        System.out.printf(Locale.ROOT, "false-alarm rate at alpha = 0.05 (whole evaluation): %.4f%n", rate);
        assertThat(rate * 1000).isLessThanOrEqualTo(73);
    }
}
