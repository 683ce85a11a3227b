package io.optcheck.problem;

import org.hipparchus.CalculusFieldElement;

/**
 * A one-dimensional convex function with a continuous derivative and a flat stretch of slope,
 * the family THEOREMS.md (gd.wolfe) uses to show that strong Wolfe steps can fail to exist for
 * c2 &lt; c1 &lt;= (1 + c2)/2, where quadratics still have one:
 *
 * <pre>
 *   f'(x) = min(-1 + M x, -s)   for x &lt;= A,
 *   f'(x) = -s + (x - A)        for x &gt; A,          with M &gt; 0, 0 &lt; s &lt; 1, A &gt;= a1 = (1 - s)/M.
 * </pre>
 *
 * f(0) = 0. In closed form: f = -x + M x^2/2 for x &lt;= a1; f(a1) - s (x - a1) on [a1, A];
 * f(A) - s (x - A) + (x - A)^2/2 beyond A. f'' is M, 0 and 1 on the three pieces, so f is convex
 * and L-smooth with L = max(M, 1) (EXACT); it is not twice differentiable at a1 and A (the
 * Hessian returned there is the one of the left piece). The minimizer is x* = A + s and
 * f* = f(A) - s^2/2 (ROUNDED: evaluated in double). Because a1 is rounded, f' jumps by at most a
 * rounding error at a1.
 *
 * <p>NaN arguments propagate (they take the last branch). Arrays of the wrong length throw
 * {@link IllegalArgumentException}.
 */
public final class KinkedSlope implements Objective, FieldFormula.Source {
    private final double m;
    private final double s;
    private final double a;
    private final double a1;
    private final double f1;
    private final double fA;
    private final Certificate certificate;

    /**
     * @param m the curvature M of the first piece, finite and &gt; 0
     * @param s the flat slope magnitude, in (0, 1)
     * @param a the end A of the flat stretch, finite and &gt;= (1 - s)/M
     * @throws IllegalArgumentException otherwise
     */
    public KinkedSlope(double m, double s, double a) {
        if (!(m > 0) || !Double.isFinite(m)) {
            throw new IllegalArgumentException("M must be finite and > 0, got " + m);
        }
        if (!(s > 0 && s < 1)) {
            throw new IllegalArgumentException("s must be in (0, 1), got " + s);
        }
        double kink = (1 - s) / m;
        if (!(a >= kink) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("A must be finite and >= (1 - s)/M = " + kink + ", got " + a);
        }
        this.m = m;
        this.s = s;
        this.a = a;
        this.a1 = kink;
        this.f1 = -kink + 0.5 * m * kink * kink;
        this.fA = f1 - s * (a - kink);
        double xStar = a + s;
        double fStar = fA - 0.5 * s * s;
        this.certificate = Certificate.none()
                .withL(Math.max(m, 1), Exactness.EXACT, "max(M, 1): f'' is M, 0 and 1 on the three pieces")
                .withConvex(true, "f' is nondecreasing")
                .withMu(0, Exactness.EXACT, "f'' = 0 on the flat stretch")
                .withXStar(new double[] {xStar}, Exactness.ROUNDED, "A + s")
                .withFStar(fStar, Exactness.ROUNDED, "f(A) - s^2/2 evaluated in double")
                .withFLow(fStar, Exactness.ROUNDED, "f(A) - s^2/2 evaluated in double");
    }

    public double m() {
        return m;
    }

    public double s() {
        return s;
    }

    public double a() {
        return a;
    }

    /** The certificate: L, convexity, x*, f*. */
    public Certificate certificate() {
        return certificate;
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public double value(double[] x) {
        Vectors.requireLength(x, 1, "x");
        double v = x[0];
        if (v <= a1) {
            return -v + 0.5 * m * v * v;
        }
        if (v <= a) {
            return f1 - s * (v - a1);
        }
        double u = v - a;
        return fA - s * u + 0.5 * u * u;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Vectors.requireLength(x, 1, "x");
        Vectors.requireLength(out, 1, "out");
        double v = x[0];
        if (v <= a1) {
            out[0] = -1 + m * v;
        } else if (v <= a) {
            out[0] = -s;
        } else {
            out[0] = -s + (v - a);
        }
    }

    @Override
    public double[][] hessian(double[] x) {
        Vectors.requireLength(x, 1, "x");
        double v = x[0];
        return new double[][] {{v <= a1 ? m : v <= a ? 0 : 1}};
    }

    @Override
    public FieldFormula fieldFormula() {
        return this::valueOf;
    }

    /** f in any field (derivative structures for {@link #formula()}, Dfp for the recheck). */
    private <T extends CalculusFieldElement<T>> T valueOf(T[] x) {
        T v = x[0];
        double at = v.getReal();
        if (at <= a1) {
            return v.negate().add(v.multiply(v).multiply(0.5 * m));
        }
        if (at <= a) {
            return v.subtract(a1).multiply(-s).add(f1);
        }
        T u = v.subtract(a);
        return u.multiply(-s).add(u.multiply(u).multiply(0.5)).add(fA);
    }

    @Override
    public String describe() {
        return "kinked slope: f'(x) = min(-1 + M x, -s) for x <= A, -s + (x - A) beyond; M = " + Num.fmt(m) + ", s = "
                + Num.fmt(s) + ", A = " + Num.fmt(a);
    }

    @Override
    public String toString() {
        return describe();
    }
}
