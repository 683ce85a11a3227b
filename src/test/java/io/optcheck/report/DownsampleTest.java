package io.optcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DownsampleTest {

    /** The documented rule, written out the slow way: per column, the first min and the first max. */
    private static int[] reference(double[] y, int columns) {
        TreeSet<Integer> keep = new TreeSet<>();
        int n = y.length;
        for (int c = 0; c < columns; c++) {
            int lo = -1;
            int hi = -1;
            for (int i = 0; i < n; i++) {
                if ((long) i * columns / n != c || Double.isNaN(y[i])) {
                    continue;
                }
                if (lo < 0 || y[i] < y[lo]) {
                    lo = i;
                }
                if (hi < 0 || y[i] > y[hi]) {
                    hi = i;
                }
            }
            if (lo >= 0) {
                keep.add(lo);
                keep.add(hi);
            }
        }
        if (n > 0 && !Double.isNaN(y[0])) {
            keep.add(0);
        }
        if (n > 0 && !Double.isNaN(y[n - 1])) {
            keep.add(n - 1);
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void agreesWithTheSlowReferenceOnRandomSeriesWithSpecialValues() {
        Random rnd = new Random(7);
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, -0.0, 1e300};
        for (int trial = 0; trial < 300; trial++) {
            int n = rnd.nextInt(3000);
            int columns = 1 + rnd.nextInt(700);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextInt(20) == 0 ? specials[rnd.nextInt(specials.length)] : rnd.nextGaussian();
            }
            assertThat(Downsample.minMax(y, columns))
                    .as("n %d, columns %d", n, columns)
                    .isEqualTo(reference(y, columns));
        }
    }

    @Test
    void atMostOnePointPerColumnKeepsEveryNonNaNPoint() {
        double[] y = {3, Double.NaN, 1, 2, Double.POSITIVE_INFINITY};
        assertThat(Downsample.minMax(y, 560)).containsExactly(0, 2, 3, 4);
        assertThat(Downsample.minMax(new double[0], 10)).isEmpty();
    }

    @Test
    void aSpikeSurvivesAndAtMostTwoPointsPerColumnPlusTheEndsAreKept() {
        double[] y = new double[10_000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i * 0.01);
        }
        y[4321] = 1e9;
        int[] kept = Downsample.minMax(y, 100);
        assertThat(kept).contains(4321, 0, 9999);
        assertThat(kept.length).isLessThanOrEqualTo(2 * 100 + 2);
        assertThat(Arrays.stream(kept).map(i -> i).sorted().toArray()).isEqualTo(kept);
    }

    @Test
    void columnsMustBePositive() {
        assertThatThrownBy(() -> Downsample.minMax(new double[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
