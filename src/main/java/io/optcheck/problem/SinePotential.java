package io.optcheck.problem;

import java.math.BigDecimal;
import java.util.Locale;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * The separable non-convex function of Karimi, Nutini and Schmidt (2016, sec. 2), scaled per
 * coordinate:
 *
 * <pre>f(x) = sum_i s_i phi_a(x_i),   phi_a(u) = u^2 + a sin^2(u),</pre>
 *
 * with s_i &gt; 0 and a &gt;= 0. phi_a' = 2u + a sin(2u), phi_a'' = 2 + 2a cos(2u).
 * <ul>
 *   <li>L = (2 + 2a) max_i s_i: |phi_a''| &lt;= 2 + 2a, attained at u = k pi (EXACT when the
 *       double product equals the real one, e.g. a = 3 and max s = 1; otherwise ROUNDED).</li>
 *   <li>x* = 0 and f* = 0 (EXACT): phi_a &gt;= u^2.</li>
 *   <li>PL, for a = 3 only: (1/2)||grad f||^2 &gt;= 0.175 min_i s_i (f - f*), a BOUND. The PL
 *       ratio phi'(u)^2 / (2 phi(u)) of phi_3 has its minimum 0.17553 near u = 2.2017 (the
 *       source proves the weaker 1/32); 0.175 is certified in PlConstantTest by a grid with a
 *       derivative bound on [0.1, 10], strong convexity on [-0.1, 0.1] and growth beyond 10.
 *       A sum of s_i phi(x_i) has PL constant min_i s_i mu_phi, since each term does.</li>
 *   <li>For a &gt; a_c = 4.6033... (a_c = min over u in (pi, 2 pi) of -u / sin u, at tan u = u)
 *       phi_a has spurious local minima, so f satisfies no PL inequality at all; no PL constant is
 *       recorded for a != 3.</li>
 * </ul>
 * Uses {@link StrictMath}; NaN and infinities propagate; wrong lengths throw
 * {@link IllegalArgumentException}.
 */
public final class SinePotential implements Objective, HasFormula {

    /** The certified PL constant of phi_3 (a lower bound on the tight 0.17553). */
    public static final double PL_PHI_3 = 0.175;

    /** The tight PL constant of phi_3, min_u phi'(u)^2 / (2 phi(u)), rounded to 5 digits. */
    public static final double PL_PHI_3_TIGHT = 0.17553;

    /** Above this a, phi_a has spurious local minima (a_c = -u/sin u at the root u of tan u = u in (pi, 2pi)). */
    public static final double A_CRITICAL = 4.6033388487517;

    private final double[] s;
    private final double a;
    private final Certificate certificate;

    private SinePotential(double[] s, double a) {
        this.s = s;
        this.a = a;
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double si : s) {
            max = Math.max(max, si);
            min = Math.min(min, si);
        }
        double l = (2 + 2 * a) * max;
        // EXACT when the double product equals the real one (checked in exact decimal arithmetic).
        boolean exact = new BigDecimal(2)
                        .add(new BigDecimal(a).multiply(new BigDecimal(2)))
                        .multiply(new BigDecimal(max))
                        .compareTo(new BigDecimal(l))
                == 0;
        Certificate c = Certificate.none()
                .withL(l, exact ? Exactness.EXACT : Exactness.ROUNDED, "(2 + 2a) max s_i, attained at x_i = k pi")
                .withFStar(0, Exactness.EXACT)
                .withXStar(new double[s.length], Exactness.EXACT)
                .withFLow(0, Exactness.EXACT)
                .withConvex(a <= 1, "phi_a'' = 2 + 2a cos 2u >= 0 iff a <= 1");
        if (a == 3) {
            c = c.withPl(
                    PL_PHI_3 * min,
                    Exactness.BOUND,
                    "0.175 min s_i; the tight constant of phi_3 is 0.17553 (at u = 2.2017)");
        }
        this.certificate = c;
    }

    /**
     * @param s per-coordinate scales, finite and &gt; 0 (copied)
     * @param a the sine amplitude, finite and &gt;= 0
     */
    public static SinePotential of(double[] s, double a) {
        Vectors.requireFiniteNonEmpty(s, "s");
        for (double si : s) {
            if (!(si > 0)) {
                throw new IllegalArgumentException("scales must be > 0, got " + si);
            }
        }
        if (!(a >= 0) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("a must be finite and >= 0, got " + a);
        }
        return new SinePotential(s.clone(), a);
    }

    /** The sine amplitude a. */
    public double a() {
        return a;
    }

    /** A copy of the scales s_i. */
    public double[] scales() {
        return s.clone();
    }

    @Override
    public int dimension() {
        return s.length;
    }

    @Override
    public double value(double[] x) {
        Vectors.requireLength(x, s.length, "x");
        double v = 0;
        for (int i = 0; i < s.length; i++) {
            double sn = StrictMath.sin(x[i]);
            v += s[i] * (x[i] * x[i] + a * sn * sn);
        }
        return v;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Vectors.requireLength(x, s.length, "x");
        Vectors.requireLength(out, s.length, "out");
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] * (2 * x[i] + a * StrictMath.sin(2 * x[i]));
        }
    }

    @Override
    public double[][] hessian(double[] x) {
        Vectors.requireLength(x, s.length, "x");
        double[][] h = new double[s.length][s.length];
        for (int i = 0; i < s.length; i++) {
            h[i][i] = s[i] * (2 + 2 * a * StrictMath.cos(2 * x[i]));
        }
        return h;
    }

    public Certificate certificate() {
        return certificate;
    }

    @Override
    public Formula formula() {
        double[] sc = s.clone();
        double am = a;
        return x -> {
            DerivativeStructure sum = x[0].getField().getZero();
            for (int i = 0; i < sc.length; i++) {
                DerivativeStructure sn = x[i].sin();
                sum = sum.add(
                        x[i].multiply(x[i]).add(sn.multiply(sn).multiply(am)).multiply(sc[i]));
            }
            return sum;
        };
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "sum_i s_i (x_i^2 + %s sin^2 x_i), s = %s", Num.fmt(a), Num.fmt(s));
    }

    @Override
    public String toString() {
        return describe();
    }
}
