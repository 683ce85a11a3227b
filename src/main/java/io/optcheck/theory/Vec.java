package io.optcheck.theory;

import io.optcheck.problem.Vectors;

/** Small vector helpers for checkers, safe against underflow and overflow. */
public final class Vec {

    private Vec() {}

    /** Euclidean norm without underflow or overflow; see {@link io.optcheck.problem.Vectors#norm}. */
    public static double norm(double[] v) {
        return Vectors.norm(v);
    }

    /** ||a - b||, without underflow. */
    public static double dist(double[] a, double[] b) {
        return norm(minus(a, b));
    }

    /** a - b, a new array. */
    public static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** a + b, a new array. */
    public static double[] plus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] + b[i];
        }
        return d;
    }

    /** ||v||^2 (may underflow for tiny v; use {@link #norm} where that matters). */
    public static double normSq(double[] v) {
        double s = 0;
        for (double c : v) {
            s += c * c;
        }
        return s;
    }

    /** a^T b. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
