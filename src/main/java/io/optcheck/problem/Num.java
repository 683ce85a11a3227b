package io.optcheck.problem;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number formatting shared by every human-readable description (counterexamples, certificates).
 *
 * <p>Output never depends on the default locale: the decimal separator is always {@code '.'}.
 * Numbers are rounded to at most {@value #DIGITS} significant digits (half-even, applied to the
 * exact binary value), trailing zeros are removed, and numbers whose decimal exponent lies outside
 * {@code [-4, 6)} are printed in scientific form {@code 1.5e-7}.
 */
public final class Num {
    /** Maximum number of significant digits printed by {@link #fmt(double)}. */
    public static final int DIGITS = 6;

    /** Vectors longer than this are abbreviated by {@link #fmt(double[])}. */
    public static final int MAX_ENTRIES = 6;

    private static final MathContext MC = new MathContext(DIGITS, RoundingMode.HALF_EVEN);

    private Num() {}

    /**
     * Formats one number.
     *
     * @return {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} for non-finite input;
     *     {@code "0"} for both zeros; otherwise the shortest form of the value rounded to
     *     {@value #DIGITS} significant digits, e.g. {@code "3"}, {@code "0.333333"},
     *     {@code "-1.5e-7"}, {@code "1.23457e8"}
     */
    public static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == 0.0) {
            return "0";
        }
        BigDecimal bd = new BigDecimal(v).round(MC).stripTrailingZeros();
        int exp = bd.precision() - bd.scale() - 1;
        if (exp >= -4 && exp < 6) {
            return bd.toPlainString();
        }
        return bd.movePointLeft(exp).toPlainString() + "e" + exp;
    }

    /**
     * Formats a vector as {@code "(1, 2.5, -3)"}. Vectors with more than {@value #MAX_ENTRIES}
     * entries show the first {@value #MAX_ENTRIES} followed by {@code ", ... (d = 20)"}.
     *
     * @return {@code "()"} for an empty array, {@code "null"} for null
     */
    public static String fmt(double[] v) {
        if (v == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("(");
        int shown = Math.min(v.length, MAX_ENTRIES);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(fmt(v[i]));
        }
        if (shown < v.length) {
            sb.append(", ... (d = ").append(v.length).append(')');
        }
        return sb.append(')').toString();
    }

    /**
     * Formats a matrix as {@code "[[1, 2], [2, 5]]"}, each row as in {@link #fmt(double[])};
     * matrices with more than {@value #MAX_ENTRIES} rows are abbreviated as
     * {@code "[r x c matrix]"}.
     */
    public static String fmt(double[][] m) {
        if (m == null) {
            return "null";
        }
        if (m.length > MAX_ENTRIES) {
            return "[" + m.length + " x " + (m.length == 0 ? 0 : m[0].length) + " matrix]";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < m.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            String row = fmt(m[i]);
            sb.append('[').append(row, 1, row.length() - 1).append(']');
        }
        return sb.append(']').toString();
    }
}
