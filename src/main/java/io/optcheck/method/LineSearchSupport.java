package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Num;
import io.optcheck.problem.Vectors;

/** Small helpers shared by the line-search methods. */
final class LineSearchSupport {

    private LineSearchSupport() {}

    /**
     * Below this gradient size (2^-500) g^T g underflows and f(x) is near the bottom of the normal
     * range: a line search has nothing it can measure, and the methods treat x as stationary.
     */
    static final double STATIONARY_FLOOR = 0x1p-500;

    /** True when every component of g is below {@link #STATIONARY_FLOOR}: the methods stay put. */
    static boolean staysPut(double[] g) {
        return Vectors.maxAbs(g) < STATIONARY_FLOOR;
    }

    static double[] gradient(GradientOracle o, double[] x) {
        double[] g = new double[x.length];
        o.gradient(x, g);
        return g;
    }

    static String fmt(double v) {
        return Num.fmt(v);
    }
}
