package io.optcheck.problem;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;

/**
 * The arithmetic of the higher-precision recheck (THEOREMS.md, Numerics, "Recheck"): 300-digit
 * decimals for everything built from +, -, *, / and square roots (every double is a finite binary
 * fraction, so sums and products of doubles are exact in BigDecimal), and Hipparchus {@link Dfp}
 * with {@value #DFP_DIGITS} decimal digits where a transcendental function is needed. One home for
 * the vector helpers every recheck uses.
 */
public final class HighPrecision {

    private HighPrecision() {}

    /** Working precision of the decimal recheck; rounding at 1e-300 cannot decide a 1e-16 question. */
    public static final MathContext MC = new MathContext(300, RoundingMode.HALF_EVEN);

    /** Decimal digits of {@link #DFP}. */
    public static final int DFP_DIGITS = 80;

    /** The Dfp field of the recheck (exp, log, sin, cos, sqrt at {@value #DFP_DIGITS} digits). */
    public static final DfpField DFP = new DfpField(DFP_DIGITS);

    /** How a decimal recheck of the real-number step or trajectory is described in the report. */
    public static final String DECIMAL = "300-digit decimal arithmetic (BigDecimal)";

    /** How a Dfp recheck is described in the report. */
    public static final String DFP_DESCRIPTION = "Hipparchus Dfp, " + DFP_DIGITS + " decimal digits";

    /** The exact value of each double. */
    public static BigDecimal[] big(double[] v) {
        BigDecimal[] out = new BigDecimal[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = new BigDecimal(v[i]);
        }
        return out;
    }

    /** The exact value of a double. */
    public static BigDecimal big(double v) {
        return new BigDecimal(v);
    }

    /** ||a - b||^2. */
    public static BigDecimal distSq(BigDecimal[] a, BigDecimal[] b) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            BigDecimal d = a[i].subtract(b[i]);
            s = s.add(d.multiply(d), MC);
        }
        return s;
    }

    /** a . b. */
    public static BigDecimal dot(BigDecimal[] a, BigDecimal[] b) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            s = s.add(a[i].multiply(b[i]), MC);
        }
        return s;
    }

    /** ||v||^2. */
    public static BigDecimal normSq(BigDecimal[] v) {
        return dot(v, v);
    }

    /** sqrt(v) to {@link #MC}; v &gt;= 0. */
    public static BigDecimal sqrt(BigDecimal v) {
        return v.signum() == 0 ? BigDecimal.ZERO : v.sqrt(MC);
    }

    /** x - s v, to {@link #MC}. */
    public static BigDecimal[] axpy(BigDecimal[] x, BigDecimal s, BigDecimal[] v) {
        BigDecimal[] out = new BigDecimal[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].subtract(s.multiply(v[i]), MC);
        }
        return out;
    }

    /** The Dfp of a double, to at least 76 significant digits (a Dfp of {@value #DFP_DIGITS} digits keeps 20 base-10000 limbs, the first of which may hold a single decimal digit). */
    public static Dfp dfp(double v) {
        return dfp(new BigDecimal(v));
    }

    /** A 300-digit decimal as a Dfp (rounded to {@value #DFP_DIGITS} digits). */
    public static Dfp dfp(BigDecimal v) {
        return DFP.newDfp(v.round(new MathContext(DFP_DIGITS + 5)).toString());
    }

    /** A Dfp as a decimal (exact). */
    public static BigDecimal big(Dfp v) {
        return new BigDecimal(v.toString());
    }
}
