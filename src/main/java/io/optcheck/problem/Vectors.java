package io.optcheck.problem;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/** Small array helpers used on hot paths. Not part of the modelling vocabulary. */
public final class Vectors {
    private Vectors() {}

    /**
     * Throws {@link IllegalArgumentException} unless {@code v} is non-null with length {@code d}.
     */
    public static void requireLength(double[] v, int d, String name) {
        if (v == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (v.length != d) {
            throw new IllegalArgumentException(name + " has length " + v.length + ", expected " + d);
        }
    }

    /** True iff every component is finite; true for an empty array. */
    public static boolean allFinite(double[] v) {
        for (double a : v) {
            if (!Double.isFinite(a)) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first non-finite component, or -1 if all are finite. */
    public static int firstNonFinite(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Throws {@link IllegalArgumentException} if {@code v} is null, empty or has a non-finite
     * component. Used by constructors of problem data.
     */
    public static void requireFiniteNonEmpty(double[] v, String name) {
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException(name + " must be non-empty");
        }
        int i = firstNonFinite(v);
        if (i >= 0) {
            throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + v[i]);
        }
    }

    /**
     * Deep copy of a rectangular, finite, non-empty matrix. Throws
     * {@link IllegalArgumentException} on null, empty, ragged or non-finite input.
     */
    public static double[][] copyRectangular(double[][] m, String name) {
        if (m == null || m.length == 0) {
            throw new IllegalArgumentException(name + " must be non-empty");
        }
        int cols = m[0] == null ? 0 : m[0].length;
        if (cols == 0) {
            throw new IllegalArgumentException(name + " must have at least one column");
        }
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            if (m[i] == null || m[i].length != cols) {
                throw new IllegalArgumentException(name + " is not rectangular at row " + i);
            }
            requireFiniteNonEmpty(m[i], name + "[" + i + "]");
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Deep copy of a matrix (null stays null). */
    public static double[][] deepCopy(double[][] m) {
        if (m == null) {
            return null;
        }
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** ||a - b||, without underflow or overflow ({@link #norm} of {@link #minus}). */
    public static double dist(double[] a, double[] b) {
        return norm(minus(a, b));
    }

    /** a - b, a new array. */
    public static double[] minus(double[] a, double[] b) {
        return along(a, -1, b); // a + (-b) is a - b exactly, signed zeros included
    }

    /** a + b, a new array. */
    public static double[] plus(double[] a, double[] b) {
        return along(a, 1, b);
    }

    /** x + a p, a new array: the point at step a along the direction p. */
    public static double[] along(double[] x, double a, double[] p) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + a * p[i];
        }
        return y;
    }

    /** max |v_i| (0 for an empty v; NaN when a component is NaN). */
    public static double maxAbs(double[] v) {
        double m = 0;
        for (double c : v) {
            m = Math.max(m, Math.abs(c));
        }
        return m;
    }

    /** ||v||^2, summed in index order (may underflow for tiny v; use {@link #norm} where that matters). */
    public static double normSq(double[] v) {
        double s = 0;
        for (double c : v) {
            s += c * c;
        }
        return s;
    }

    /** a^T b, summed in index order over a's length. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Euclidean norm, scaled by the largest component so that squares neither underflow nor
     * overflow. NaN in any component gives NaN; an infinite component gives +Infinity.
     */
    public static double norm(double[] v) {
        double m = maxAbs(v);
        if (m == 0 || !Double.isFinite(m)) { // NaN and infinity end here too
            return m;
        }
        double s = 0;
        for (double c : v) {
            double r = c / m;
            s += r * r;
        }
        return m * Math.sqrt(s);
    }

    /**
     * Writes (1/n) sum_k c_k rows[k] into {@code out}, with n = rows.length and c_k =
     * {@code weight.applyAsDouble(k)}: the gradient (or Hessian-vector product) of a mean over
     * examples that each contribute a multiple of their own row. The sum runs over k in order,
     * each c_k computed just before its row is added, and is divided by n at the end.
     *
     * @param rows n rows, each at least {@code out.length} long
     */
    public static void meanOfWeightedRows(double[][] rows, IntToDoubleFunction weight, double[] out) {
        int n = rows.length;
        int d = out.length;
        Arrays.fill(out, 0.0);
        for (int k = 0; k < n; k++) {
            double c = weight.applyAsDouble(k);
            double[] row = rows[k];
            for (int j = 0; j < d; j++) {
                out[j] += c * row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            out[j] /= n;
        }
    }
}
