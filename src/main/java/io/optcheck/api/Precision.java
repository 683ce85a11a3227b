package io.optcheck.api;

import java.util.Locale;

/**
 * The floating-point format an optimizer computes in. A plug-in declares it ({@link
 * PluggableOptimizer#precision()}); optcheck's built-in methods can run in each of them by
 * rounding to the format after every operation of the update.
 *
 * <ul>
 *   <li>{@link #FLOAT64}: IEEE 754 binary64, 53 significant bits, unit roundoff u = 2^-53.</li>
 *   <li>{@link #FLOAT32}: IEEE 754 binary32, 24 significant bits, u = 2^-24; rounding is Java's
 *       narrowing conversion (round to nearest, ties to even), as {@link Math#fround} would do
 *       for each operation.</li>
 *   <li>{@link #BFLOAT16}: bfloat16, float32's exponent range with 8 significant bits (7 stored),
 *       u = 2^-8; rounded to nearest, ties to even, directly from the double (no intermediate
 *       float32, so no double rounding).</li>
 * </ul>
 * Subnormals are kept (gradual underflow) and values beyond the largest finite number round to
 * infinity, as IEEE 754 does for round to nearest.
 */
public enum Precision {
    FLOAT64(53, -1022),
    FLOAT32(24, -126),
    BFLOAT16(8, -126);

    private final int bits;
    private final int minExponent;

    Precision(int bits, int minExponent) {
        this.bits = bits;
        this.minExponent = minExponent;
    }

    /** The id in specs, reports and on the command line: float64, float32, bfloat16. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The precision of an id ({@link #id()}). */
    public static Precision of(String id) {
        for (Precision p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown precision '" + id + "': use float64, float32 or bfloat16");
    }

    /** Significant bits, including the implicit one: 53, 24 or 8. */
    public int significandBits() {
        return bits;
    }

    /** The unit roundoff u = 2^-bits: |fl(v) - v| &lt;= u |v| for v in the normal range. */
    public double unitRoundoff() {
        return Math.scalb(1.0, -bits);
    }

    /** The machine epsilon 2u: the gap from 1 to the next number of the format. */
    public double epsilon() {
        return Math.scalb(1.0, 1 - bits);
    }

    /** The smallest positive normal number of the format: 2^-1022 or 2^-126. */
    public double minNormal() {
        return Math.scalb(1.0, minExponent);
    }

    /** The largest finite number of the format. */
    public double maxValue() {
        return this == FLOAT64 ? Double.MAX_VALUE : Math.scalb(2 - Math.scalb(1.0, 1 - bits), 127);
    }

    /** The gap between |v| and the next larger number of the format (its ulp at v). */
    public double ulp(double v) {
        if (this == FLOAT64) {
            return Math.ulp(v);
        }
        if (!Double.isFinite(v)) {
            return Double.POSITIVE_INFINITY;
        }
        int e = Math.max(Math.getExponent(v), minExponent);
        return Math.scalb(1.0, e - (bits - 1));
    }

    /**
     * The distance from a nonzero number x of the format to its neighbour toward 0: the ulp of x,
     * or half of it when |x| is a power of two above the normal range's bottom (the binade below is
     * twice as fine).
     */
    public double gapTowardZero(double x) {
        double a = Math.abs(x);
        double u = ulp(a);
        boolean powerOfTwo = a == Math.scalb(1.0, Math.getExponent(a));
        return powerOfTwo && a > minNormal() ? u / 2 : u;
    }

    /** v rounded to the format (to nearest, ties to even). */
    public double round(double v) {
        switch (this) {
            case FLOAT64:
                return v;
            case FLOAT32:
                return (float) v;
            default:
                if (v == 0 || !Double.isFinite(v)) {
                    return v;
                }
                // The quantum of v's binade (or of the subnormal range), a power of two: v / q is
                // exact and Math.rint rounds it to nearest, ties to even.
                double q = ulp(v);
                double r = Math.rint(v / q) * q;
                return Math.abs(r) > maxValue() ? Math.copySign(Double.POSITIVE_INFINITY, v) : r;
        }
    }

    /** Each component rounded to the format (a new array). */
    public double[] round(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = round(v[i]);
        }
        return out;
    }

    /** True when v is a number of the format. */
    public boolean represents(double v) {
        return Double.isNaN(v) || round(v) == v;
    }
}
