package io.optcheck.problem;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.function.Function;
import org.hipparchus.analysis.differentiation.FDSFactory;
import org.hipparchus.analysis.differentiation.FieldDerivativeStructure;
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

    /**
     * An objective's value at double points in higher precision.
     *
     * @param precision how it evaluates, for the report
     * @param value f(x) as a decimal
     */
    public record ValueModel(String precision, Function<double[], BigDecimal> value) {}

    /**
     * The higher-precision value of {@code f}: exact for a {@link Quadratic}, Dfp for an objective
     * defined by a {@link FieldFormula}; empty for any other objective.
     */
    public static Optional<ValueModel> valueModel(Objective f) {
        if (f instanceof Quadratic q) {
            return Optional.of(
                    new ValueModel("exact rational arithmetic (BigDecimal)", x -> ExactQuadratic.value(q, x)));
        }
        if (f instanceof FieldFormula.Source s) {
            FieldFormula ff = s.fieldFormula();
            return Optional.of(new ValueModel(DFP_DESCRIPTION, x -> big(ff.apply(dfp(x)))));
        }
        return Optional.empty();
    }

    /**
     * Relative slack of {@link #holds}: what 300-digit rounding of a few thousand operations can
     * move a quantity by, far below any violation a double computation could show.
     */
    public static final BigDecimal SLACK = new BigDecimal("1e-250");

    /**
     * observed &lt;= bound (atMost) or observed &gt;= bound, up to {@link #SLACK} times the larger
     * magnitude: an equality of real numbers computed to 300 digits holds either way.
     */
    public static boolean holds(boolean atMost, BigDecimal observed, BigDecimal bound) {
        BigDecimal allow = SLACK.multiply(observed.abs().max(bound.abs()));
        return atMost ? observed.compareTo(bound.add(allow)) <= 0 : observed.compareTo(bound.subtract(allow)) >= 0;
    }

    /**
     * Relative slack of the Dfp form of {@link #holds}: what {@value #DFP_DIGITS}-digit rounding of
     * some 10^5 operations can move a quantity by, far below any violation a double computation
     * could show.
     */
    public static final Dfp DFP_SLACK = DFP.newDfp("1e-60");

    /**
     * observed &lt;= bound (atMost) or observed &gt;= bound in Dfp, up to {@link #DFP_SLACK} times the
     * larger magnitude: an equality of real numbers computed to {@value #DFP_DIGITS} digits holds
     * either way.
     */
    public static boolean holds(boolean atMost, Dfp observed, Dfp bound) {
        Dfp allow = DFP_SLACK.multiply(observed.abs().greaterThan(bound.abs()) ? observed.abs() : bound.abs());
        return atMost ? !observed.greaterThan(bound.add(allow)) : !observed.lessThan(bound.subtract(allow));
    }

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

    /** e^a to {@link #MC}, by its Taylor series (for a &lt; 0 as 1 / e^-a, which does not cancel). */
    public static BigDecimal exp(BigDecimal a) {
        if (a.signum() < 0) {
            return BigDecimal.ONE.divide(exp(a.negate()), MC);
        }
        MathContext mc = new MathContext(MC.getPrecision() + 20 + (int) Math.ceil(a.doubleValue() * 0.4343));
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision());
        for (int k = 1; term.compareTo(eps.multiply(sum)) > 0; k++) {
            term = term.multiply(a).divide(BigDecimal.valueOf(k), mc);
            sum = sum.add(term, mc);
        }
        return sum.round(MC);
    }

    /** The Dfp of a double, to at least 76 significant digits (a Dfp of {@value #DFP_DIGITS} digits keeps 20 base-10000 limbs, the first of which may hold a single decimal digit). */
    public static Dfp dfp(double v) {
        return dfp(new BigDecimal(v));
    }

    /** The Dfps of doubles. */
    public static Dfp[] dfp(double[] v) {
        Dfp[] out = new Dfp[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = dfp(v[i]);
        }
        return out;
    }

    /** ||v||^2 in Dfp. */
    public static Dfp normSq(Dfp[] v) {
        Dfp s = DFP.getZero();
        for (Dfp c : v) {
            s = s.add(c.multiply(c));
        }
        return s;
    }

    /** f(x) in Dfp, from the objective's field formula. */
    public static Dfp value(FieldFormula f, Dfp[] x) {
        return f.apply(x);
    }

    /** grad f(x) in Dfp, by automatic differentiation of the objective's field formula. */
    public static Dfp[] gradient(FieldFormula f, Dfp[] x) {
        FDSFactory<Dfp> factory = new FDSFactory<>(x[0].getField(), x.length, 1);
        @SuppressWarnings("unchecked")
        FieldDerivativeStructure<Dfp>[] v = new FieldDerivativeStructure[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = factory.variable(i, x[i]);
        }
        FieldDerivativeStructure<Dfp> y = f.apply(v);
        Dfp[] g = new Dfp[x.length];
        int[] orders = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            orders[i] = 1;
            g[i] = y.getPartialDerivative(orders);
            orders[i] = 0;
        }
        return g;
    }

    /** a . b in Dfp. */
    public static Dfp dot(Dfp[] a, Dfp[] b) {
        Dfp s = DFP.getZero();
        for (int i = 0; i < a.length; i++) {
            s = s.add(a[i].multiply(b[i]));
        }
        return s;
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
