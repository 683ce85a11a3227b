package io.optcheck.problem;

import java.util.Locale;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * f(x) = sum_i |x_i|^p with p &gt; 2: a degenerate minimum at 0 (hess f(0) = 0), convex, with
 * no PL inequality near 0 (the PL ratio (1/2) f'^2 / f = (p^2/2) |x|^(p-2) tends to 0), so
 * gradient descent converges only sublinearly, |x_t| ~ t^(-1/(p-2)).
 *
 * <p>f is not globally L-smooth. Following the landscape convention of restricting to a region
 * where L is known, the certificate gives L = p (p-1) R^(p-2) on the box max_i |x_i| &lt;= R
 * (ROUNDED: a pow). GD from a start in the box with eta &lt;= 1/L stays in it: each coordinate
 * moves as x - eta p |x|^(p-1) sign x = x (1 - eta p |x|^(p-2)) with 0 &lt; eta p |x|^(p-2)
 * &lt;= 1/(p-1) &lt; 1, so |x_i| decreases and keeps its sign.
 *
 * <p>Uses {@link StrictMath}; NaN and infinities propagate; wrong lengths throw
 * {@link IllegalArgumentException}.
 */
public final class PowerObjective implements Objective, HasFormula {
    private final int n;
    private final double p;
    private final double r;
    private final Certificate certificate;

    private PowerObjective(int n, double p, double r) {
        this.n = n;
        this.p = p;
        this.r = r;
        this.certificate = Certificate.none()
                .withL(p * (p - 1) * StrictMath.pow(r, p - 2), Exactness.ROUNDED,
                        "on the box max |x_i| <= " + Num.fmt(r) + " only; not globally L-smooth")
                .withFStar(0, Exactness.EXACT)
                .withXStar(new double[n], Exactness.EXACT)
                .withFLow(0, Exactness.EXACT)
                .withConvex(true);
    }

    /**
     * @param d dimension &gt;= 1
     * @param p exponent, finite and &gt; 2
     * @param r the box radius the certificate's L refers to, finite and &gt; 0
     */
    public static PowerObjective of(int d, double p, double r) {
        if (d < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + d);
        }
        if (!(p > 2) || !Double.isFinite(p)) {
            throw new IllegalArgumentException("p must be finite and > 2, got " + p);
        }
        if (!(r > 0) || !Double.isFinite(r)) {
            throw new IllegalArgumentException("r must be finite and > 0, got " + r);
        }
        return new PowerObjective(d, p, r);
    }

    public double p() {
        return p;
    }

    /** The box radius R of the certificate. */
    public double radius() {
        return r;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] x) {
        Vectors.requireLength(x, n, "x");
        double v = 0;
        for (double xi : x) {
            v += StrictMath.pow(Math.abs(xi), p);
        }
        return v;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Vectors.requireLength(x, n, "x");
        Vectors.requireLength(out, n, "out");
        for (int i = 0; i < n; i++) {
            out[i] = p * StrictMath.pow(Math.abs(x[i]), p - 1) * Math.signum(x[i]);
        }
    }

    @Override
    public double[][] hessian(double[] x) {
        Vectors.requireLength(x, n, "x");
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = p * (p - 1) * StrictMath.pow(Math.abs(x[i]), p - 2);
        }
        return h;
    }

    public Certificate certificate() {
        return certificate;
    }

    @Override
    public Formula formula() {
        double pp = p;
        return x -> {
            DerivativeStructure sum = x[0].getField().getZero();
            for (DerivativeStructure xi : x) {
                sum = sum.add(xi.abs().pow(pp));
            }
            return sum;
        };
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "sum_i |x_i|^%s (d = %d; L on max |x_i| <= %s)", Num.fmt(p), n, Num.fmt(r));
    }

    @Override
    public String toString() {
        return describe();
    }
}
