package io.optcheck.theory.sgd.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.oracle.NoisyOracle;
import io.optcheck.problem.Quadratic;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.stat.FalseAlarmBudget;
import java.math.BigDecimal;
import java.util.Locale;
import org.assertj.core.data.Percentage;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Power of the two statistical holds checks against their planted violation (bound x 0.8) on
 * tight instances, over 100 independent seed sets each (DESIGN.md: power &gt;= 0.99; here every
 * seed set must detect it), at the alpha per test the catalog's budget gives a CI-depth run; and
 * the closed forms the schedule theorems rely on.
 */
class ScheduleTheoremsTest {

    static final int SEEDS = 100;

    /** 1-D, L = mu = 1: E||x_1 - x*||^2 = r_1 exactly (25 + 0.25 * 4/3 for x0 = 10, eta_0 = 0.5, s = 2). */
    @Test
    void robbinsMonroTightenedBoundIsDetectedOnEverySeed() {
        RmInstance in = RobbinsMonro.build(Quadratic.diagonal(new double[] {1}), new double[] {10}, 0.75, 0.5, 1, 2);
        assertThat(in.eta(0)).isEqualTo(0.5);
        double alpha = FalseAlarmBudget.perTest(100, RobbinsMonro.CHECKPOINTS.length, 0);
        RobbinsMonro planted = new RobbinsMonro().withTightenedBounds(1e-3).withAlpha(alpha);
        int detected = 0;
        double worst = Double.POSITIVE_INFINITY;
        for (int salt = 1; salt <= SEEDS; salt++) {
            Evaluation e = planted.inExpectation(in, true, salt);
            if (e.violation() != null) {
                detected++;
                worst = Math.min(worst, e.violation().ratio());
            }
        }
        System.out.printf(
                Locale.ROOT,
                "robbins-monro power: %d/%d seeds detect bound x 0.8 (alpha %.3g, R %d), "
                        + "smallest mean/planted %.4f%n",
                detected,
                SEEDS,
                alpha,
                RobbinsMonro.RUNS,
                worst);
        assertThat(detected).isEqualTo(SEEDS);
    }

    /**
     * 1-D, L = mu = 1, beta mu = 1.01, gamma = 100, x0 = 10, s = 10: both terms of nu are close
     * (5100.5 vs 5050) and E[f(x_1)] / (nu/(gamma + 2)) is about 0.98.
     */
    @Test
    void diminishingStepTightenedBoundIsDetectedOnEverySeed() {
        DimInstance in = DiminishingStep.build(Quadratic.diagonal(new double[] {1}), new double[] {10}, 1.01, 0.01, 10);
        assertThat(in.nu()).isGreaterThan(in.b() * 50);
        double alpha = FalseAlarmBudget.perTest(100, DiminishingStep.CHECKPOINTS.length, 0);
        DiminishingStep planted =
                new DiminishingStep().withTightenedBounds(1e-3).withAlpha(alpha);
        int detected = 0;
        double worst = Double.POSITIVE_INFINITY;
        for (int salt = 1; salt <= SEEDS; salt++) {
            Evaluation e = planted.inExpectation(in, salt);
            if (e.violation() != null) {
                detected++;
                worst = Math.min(worst, e.violation().ratio());
            }
        }
        System.out.printf(
                Locale.ROOT,
                "diminishing-step power: %d/%d seeds detect bound x 0.8 (alpha %.3g, R %d), "
                        + "smallest mean/planted %.4f%n",
                detected,
                SEEDS,
                alpha,
                DiminishingStep.RUNS,
                worst);
        assertThat(detected).isEqualTo(SEEDS);
    }

    /** On 1-D quadratics the floor is the exact stationary value eta sigma^2/(mu (2 - eta mu)). */
    @Test
    void noiseFloorIsTheStationaryValueIn1d() {
        for (double mu : new double[] {0.1, 1, 7}) {
            for (double h : new double[] {0.05, 0.5, 1}) {
                RmInstance in =
                        RobbinsMonro.build(Quadratic.diagonal(new double[] {mu}), new double[] {3}, 0, h, 1, 1.5);
                double eta = in.eta(0);
                double sig = 1.5 * 1.5 / 3;
                assertThat(RobbinsMonro.noiseFloor(in))
                        .isCloseTo(eta * sig / (mu * (2 - eta * mu)), Percentage.withPercentage(1e-9));
            }
        }
    }

    /** r_t decreases to 0 for 1/2 < p <= 1 (Chung's lemma); for p = 0 it tends to the floor instead. */
    @Test
    void rSequenceTendsToZeroForRobbinsMonroSchedules() {
        Quadratic q = Quadratic.diagonal(new double[] {0.5, 2});
        for (double p : new double[] {0.51, 0.75, 1}) {
            RmInstance in = RobbinsMonro.build(q, new double[] {3, -4}, p, 1, 1, 2);
            double[] r = RobbinsMonro.rSequence(in, 1_000_000);
            System.out.printf(
                    Locale.ROOT,
                    "p = %.2f: r_0 = %.4g, r_1e4 = %.4g, r_1e6 = %.4g%n",
                    p,
                    r[0],
                    r[10_000],
                    r[1_000_000]);
            assertThat(r[1_000_000]).isLessThan(r[10_000]).isLessThan(r[0]);
            // For p = 1, a mu = h 2 mu/(mu + L) = 0.4 < 1 here, so r_t ~ t^(-2 a mu) = t^(-0.8); otherwise ~ eta_t.
            assertThat(r[1_000_000]).isLessThan(0.01 * r[0]);
        }
        RmInstance constant = RobbinsMonro.build(q, new double[] {3, -4}, 0, 1, 1, 2);
        double[] r = RobbinsMonro.rSequence(constant, 10_000);
        assertThat(r[10_000]).isGreaterThan(0.1);
    }

    /** Uniform noise: every draw within [-s, s], mean 0 and variance s^2/3 within 6 standard errors. */
    @Test
    void uniformNoiseIsBoundedCenteredAndHasVarianceSSquaredOverThree() {
        NoisyOracle.Noise n = NoisyOracle.uniform(2);
        assertThat(n.bound()).isEqualTo(2);
        assertThat(n.variancePerCoordinate()).isEqualTo(4.0 / 3);
        Well19937c rng = new Well19937c(7);
        int m = 200_000;
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < m; i++) {
            double v = n.draw(rng);
            assertThat(Math.abs(v)).isLessThanOrEqualTo(2);
            sum += v;
            sq += v * v;
        }
        // sd of xi = 2/sqrt(3); sd of xi^2 = sqrt(E xi^4 - (E xi^2)^2) = sqrt(16/5 - 16/9).
        assertThat(Math.abs(sum / m)).isLessThan(6 * (2 / Math.sqrt(3)) / Math.sqrt(m));
        assertThat(Math.abs(sq / m - 4.0 / 3)).isLessThan(6 * Math.sqrt(16.0 / 5 - 16.0 / 9) / Math.sqrt(m));
        assertThat(NoisyOracle.gaussian(1).bound()).isInfinite();
    }

    /** The instance builders keep their assumptions exactly after rounding. */
    @Test
    void buildersRoundIntoTheAssumptions() {
        for (double l : new double[] {3, 7, 0.3}) {
            Quadratic q = Quadratic.diagonal(new double[] {0.1, l});
            DimInstance d = DiminishingStep.build(q, new double[] {1, 1}, 1.0001, 1, 0);
            assertThat(new BigDecimal(d.beta() / d.b()).multiply(new BigDecimal(l)))
                    .isLessThanOrEqualTo(BigDecimal.ONE);
            assertThat(d.gamma()).isPositive();
            assertThat(d.beta() * d.mu()).isGreaterThan(1);
            RmInstance r = RobbinsMonro.build(q, new double[] {1, 1}, 0.6, 1, 3.7, 0);
            assertThat(new BigDecimal(r.eta(0)).multiply(new BigDecimal(0.1).add(new BigDecimal(l))))
                    .isLessThanOrEqualTo(BigDecimal.valueOf(2));
        }
    }
}
