package io.optcheck.theory.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class ExpectationCheckTest {

    private static double[] exponential(long seed, int n, double mean) {
        Well19937c rng = new Well19937c(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -mean * Math.log(1 - rng.nextDouble());
        }
        return x;
    }

    @Test
    void aMeanAtTheBoundIsNeverRejectedAtProductionAlpha() {
        ExpectationCheck c = ExpectationCheck.empiricalBernstein(2000, 100, 5);
        assertThat(c.alpha()).isLessThan(1e-10);
        for (int seed = 0; seed < 100; seed++) {
            ExpectationCheck.Decision d = c.atMost("E[X]", 1, exponential(seed, 2000, 1.0), 1.0, 0);
            assertThat(d.violated()).as(d.describe()).isFalse();
            assertThat(d.check().observed()).isBetween(0.8, 1.2);
            assertThat(d.check().ratio()).isEqualTo(d.check().observed());
        }
    }

    @Test
    void aMeanTwiceTheBoundIsRejectedAndTheCheckCarriesTheNumbers() {
        ExpectationCheck c = ExpectationCheck.empiricalBernstein(2000, 100, 5);
        ExpectationCheck.Decision d = c.atMost("E[X]", 3, exponential(7, 2000, 2.0), 1.0, 1e-15);
        assertThat(d.violated()).as(d.describe()).isTrue();
        assertThat(d.meanBound().lower()).isGreaterThan(1.0);
        assertThat(d.check().bound()).isEqualTo(1.0);
        assertThat(d.check().tol()).isEqualTo(1e-15);
        assertThat(d.check().step()).isEqualTo(3);
        assertThat(d.cap()).isEqualTo(ExpectationCheck.DEFAULT_TRUNCATION);
    }

    @Test
    void infiniteSamplesAreTruncatedNotAnError() {
        ExpectationCheck c = ExpectationCheck.empiricalBernstein(100, 10, 1);
        double[] x = new double[100];
        Arrays.fill(x, Double.POSITIVE_INFINITY);
        ExpectationCheck.Decision d = c.atMost("E[X]", 1, x, 1.0, 0);
        assertThat(d.violated()).isTrue();
        assertThat(d.check().observed()).isInfinite();
        x[0] = Double.NaN;
        assertThatThrownBy(() -> c.atMost("E[X]", 1, x, 1.0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truncationOnlyLowersTheLowerBound() {
        // E[min(X, c)] <= E[X]: a smaller cap can never turn a non-rejection into a rejection.
        double[] x = exponential(3, 500, 1.5);
        ExpectationCheck wide = ExpectationCheck.empiricalBernstein(500, 10, 1).withTruncation(100);
        ExpectationCheck narrow = wide.withTruncation(2);
        assertThat(narrow.atMost("E[X]", 1, x, 1.0, 0).meanBound().mean())
                .isLessThan(wide.atMost("E[X]", 1, x, 1.0, 0).meanBound().mean());
    }

    @Test
    void seedsAreDeterministicPerInstanceAndRunAndFreshSaltsDiffer() {
        long k = Seeds.key(1.0, 2.0, -0.0);
        assertThat(Seeds.key(1.0, 2.0, -0.0)).isEqualTo(k);
        assertThat(Seeds.key(1.0, 2.0, 0.0)).isNotEqualTo(k);
        assertThat(Seeds.key(2.0, 1.0, -0.0)).isNotEqualTo(k);
        Set<Long> seen = new HashSet<>();
        for (int r = 0; r < 1000; r++) {
            seen.add(Seeds.of(k, Seeds.SEARCH, r));
            seen.add(Seeds.of(k, Seeds.FRESH, r));
        }
        assertThat(seen).hasSize(2000);
        ExpectationCheck c = ExpectationCheck.empiricalBernstein(10, 10, 1);
        double[][] a = c.sample(k, Seeds.SEARCH, 2, (seed, out) -> {
            out[0] = new Well19937c(seed).nextDouble();
            out[1] = seed;
        });
        double[][] b = c.sample(k, Seeds.SEARCH, 2, (seed, out) -> {
            out[0] = new Well19937c(seed).nextDouble();
            out[1] = seed;
        });
        assertThat(a[0]).containsExactly(b[0]);
        assertThat(a[1][3]).isEqualTo((double) Seeds.of(k, Seeds.SEARCH, 3));
    }

    @Test
    void invalidConfigurationIsRejected() {
        assertThatThrownBy(() -> new ExpectationCheck(MeanBound.Test.HOEFFDING, 1, 8, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpectationCheck(MeanBound.Test.HOEFFDING, 10, 1, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpectationCheck(MeanBound.Test.HOEFFDING, 10, 8, 0))
                .isInstanceOf(IllegalArgumentException.class);
        ExpectationCheck c = new ExpectationCheck(MeanBound.Test.HOEFFDING, 10, 8, 0.1);
        assertThatThrownBy(() -> c.atMost("x", 1, new double[9], 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.atMost("x", 1, new double[10], -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clopperPearsonMatchesClosedFormsAtTheEnds() {
        Calibration none = Calibration.of(10, 0, 0.95);
        assertThat(none.upper()).isCloseTo(1 - Math.pow(0.025, 0.1), Offset.offset(1e-12));
        Calibration all = Calibration.of(100, 100, 0.95);
        assertThat(all.lower()).isCloseTo(Math.pow(0.025, 0.01), Offset.offset(1e-12));
        Calibration mid = Calibration.of(1000, 50, 0.95);
        assertThat(mid.lower()).isLessThan(0.05);
        assertThat(mid.upper()).isGreaterThan(0.05);
        assertThat(mid.lower()).isGreaterThan(0.035);
        assertThat(mid.upper()).isLessThan(0.067);
    }

    @Test
    void bestInstanceKeepsTheLargestRatioPerRegime() {
        BestInstance<String> b = new BestInstance<>();
        b.offer("holds", "a", 0.5);
        b.offer("holds", "b", 0.9);
        b.offer("holds", "c", 0.7);
        b.offer("holds", "d", Double.NaN);
        assertThat(b.best("holds")).contains("b");
        assertThat(b.ratio("holds")).isEqualTo(0.9);
        b.offer("other", "e", 0.1);
        assertThat(b.best("other")).contains("e");
        assertThat(b.best("holds")).isEmpty();
    }
}
