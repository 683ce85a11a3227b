package io.optcheck.problem;

import java.util.Locale;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * f(x) = sum_i |x_i|^p + (mu/2) ||x||^2 with p &gt; 2 and mu &gt;= 0. With mu = 0 it is the
 * degenerate function |x|^p: its minimum 0 has zero curvature (hess f(0) = 0), so f is neither
 * strongly convex nor PL (the PL ratio (1/2) f'^2 / f = (p^2/2) |x|^(p-2) tends to 0), and
 * gradient descent converges only sublinearly, |x_t| ~ t^(-1/(p-2)) (THEOREMS.md,
 * land.degenerate-plateau and gd.pl-rate). grad f_i = p |x_i|^(p-1) sign(x_i) + mu x_i;
 * hess f = diag(p (p-1) |x_i|^(p-2) + mu).
 *
 * <p>f is not globally L-smooth. On the box max_i |x_i| &lt;= r the Hessian is at most
 * p (p-1) r^(p-2) + mu: that is the L of the certificate (ROUNDED: StrictMath.pow), for the
 * radius given. The box is invariant under GD with eta &lt;= 1/L: each coordinate is multiplied
 * by 1 - eta (p |x_i|^(p-2) + mu), which lies in [0, 1) inside the box. Certificate: mu EXACT,
 * x* = 0 and f* = 0 EXACT, convex.
 *
 * <p>StrictMath keeps runs bit-identical across machines. NaN and infinities propagate; wrong
 * lengths throw {@link IllegalArgumentException}.
 */
public final class PowerObjective implements Objective, HasFormula {
    private final int n;
    private final double p;
    private final double mu;
    private final double r;
    private final Certificate certificate;

    private PowerObjective(int n, double p, double mu, double r) {
        if (n < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + n);
        }
        if (!(p > 2) || !Double.isFinite(p) || !(mu >= 0) || !Double.isFinite(mu) || !(r > 0) || !Double.isFinite(r)) {
            throw new IllegalArgumentException(
                    "need p > 2, mu >= 0, radius > 0 (finite), got p = " + p + ", mu = " + mu + ", radius = " + r);
        }
        this.n = n;
        this.p = p;
        this.mu = mu;
        this.r = r;
        this.certificate = Certificate.none()
                .withConvex(true)
                .withL(
                        p * (p - 1) * StrictMath.pow(r, p - 2) + mu,
                        Exactness.ROUNDED,
                        "on the box max |x_i| <= " + Num.fmt(r) + " only: p (p-1) r^(p-2) + mu; not globally L-smooth")
                .withMu(mu, Exactness.EXACT, mu == 0 ? "zero curvature at the minimum" : "added (mu/2) ||x||^2")
                .withXStar(new double[n], Exactness.EXACT)
                .withFStar(0, Exactness.EXACT)
                .withFLow(0, Exactness.EXACT);
    }

    /**
     * One dimension: |x|^p + (mu/2) x^2, with L certified on |x| &lt;= region.
     *
     * @param p the power, finite and &gt; 2
     * @param mu the added strong convexity, finite and &gt;= 0
     * @param region r &gt; 0: L is certified on |x| &lt;= r
     */
    public PowerObjective(double p, double mu, double region) {
        this(1, p, mu, region);
    }

    /**
     * sum_i |x_i|^p in dimension d, with L certified on the box max |x_i| &lt;= r.
     *
     * @param d dimension &gt;= 1
     * @param p exponent, finite and &gt; 2
     * @param r the box radius the certificate's L refers to, finite and &gt; 0
     */
    public static PowerObjective of(int d, double p, double r) {
        return new PowerObjective(d, p, 0, r);
    }

    public double p() {
        return p;
    }

    public double mu() {
        return mu;
    }

    /** The radius of the box on which the certificate's L holds. */
    public double region() {
        return r;
    }

    /** Same as {@link #region()}. */
    public double radius() {
        return r;
    }

    public Certificate certificate() {
        return certificate;
    }

    /** This objective as a problem of family "power". */
    public Problem problem() {
        return new Problem("power", this, certificate);
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
            v += StrictMath.pow(Math.abs(xi), p) + 0.5 * mu * xi * xi;
        }
        return v;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Vectors.requireLength(x, n, "x");
        Vectors.requireLength(out, n, "out");
        for (int i = 0; i < n; i++) {
            out[i] = Math.signum(x[i]) * p * StrictMath.pow(Math.abs(x[i]), p - 1) + mu * x[i];
        }
    }

    @Override
    public double[][] hessian(double[] x) {
        Vectors.requireLength(x, n, "x");
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = p * (p - 1) * StrictMath.pow(Math.abs(x[i]), p - 2) + mu;
        }
        return h;
    }

    @Override
    public Formula formula() {
        final double pp = p;
        final double mm = mu;
        return x -> {
            DerivativeStructure sum = x[0].getField().getZero();
            for (DerivativeStructure xi : x) {
                sum = sum.add(xi.abs().pow(pp)).add(xi.multiply(xi).multiply(0.5 * mm));
            }
            return sum;
        };
    }

    @Override
    public String describe() {
        String base =
                n == 1 ? "|x|^" + Num.fmt(p) : String.format(Locale.ROOT, "sum_i |x_i|^%s (d = %d)", Num.fmt(p), n);
        String quad = mu == 0 ? "" : " + (" + Num.fmt(mu) + "/2) " + (n == 1 ? "x^2" : "||x||^2");
        return base + quad + (n == 1 ? "" : "; L on max |x_i| <= " + Num.fmt(r));
    }

    @Override
    public String toString() {
        return describe();
    }
}
