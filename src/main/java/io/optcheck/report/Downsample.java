package io.optcheck.report;

import java.util.Arrays;

/**
 * Min-max downsampling for line plots: of {@code n} evenly spaced points drawn over {@code columns}
 * pixel columns, point {@code i} falls in column {@code floor(i * columns / n)}, and each column
 * keeps the index of its smallest and of its largest value (the first one on ties). The first and
 * the last point of the series are always kept (the last is where a counterexample's violation is).
 * NaN is never kept (it cannot be drawn); infinities compare as usual, so a spike to +Infinity is the
 * maximum of its column and is kept.
 *
 * <p>So every spike survives: the drawn line reaches, in every pixel column, the extreme values of
 * the points behind it, which averaging or taking every k-th point would hide. When
 * {@code n <= columns} every column holds at most one point and every non-NaN point is kept.
 */
public final class Downsample {
    private Downsample() {}

    /**
     * The kept indices, ascending.
     *
     * @param y       the values; not null
     * @param columns number of pixel columns, at least 1
     */
    public static int[] minMax(double[] y, int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        int n = y.length;
        boolean[] keep = new boolean[n];
        int col = -1;
        int lo = -1;
        int hi = -1;
        for (int i = 0; i < n; i++) {
            int c = (int) ((long) i * columns / n);
            if (c != col) {
                mark(keep, lo, hi);
                col = c;
                lo = -1;
                hi = -1;
            }
            if (Double.isNaN(y[i])) {
                continue;
            }
            if (lo < 0 || y[i] < y[lo]) {
                lo = i;
            }
            if (hi < 0 || y[i] > y[hi]) {
                hi = i;
            }
        }
        mark(keep, lo, hi);
        if (n > 0 && !Double.isNaN(y[0])) {
            keep[0] = true;
        }
        if (n > 0 && !Double.isNaN(y[n - 1])) {
            keep[n - 1] = true;
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    private static void mark(boolean[] keep, int lo, int hi) {
        if (lo >= 0) {
            keep[lo] = true;
        }
        if (hi >= 0) {
            keep[hi] = true;
        }
    }
}
