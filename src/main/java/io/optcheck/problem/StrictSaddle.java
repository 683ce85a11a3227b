package io.optcheck.problem;

import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * A strict-saddle function of two variables,
 * f(x, y) = (a/2) x^2 - (b/2) y^2 + (b/8) y^4, a, b &gt; 0; for a = b = 2 it is
 * x^2 - y^2 + y^4/4 (THEOREMS.md section 3; Lee, Simchowitz, Jordan &amp; Recht 2016).
 * grad f = (a x, -b y + (b/2) y^3); hess f = diag(a, -b + (3b/2) y^2).
 *
 * <p>Critical points: the strict saddle (0, 0) with Hessian eigenvalues a and -b, and the two
 * minima (0, +-sqrt 2) with f* = -b/2. The stable manifold of the saddle is the line y = 0.
 *
 * <p>f is not globally L-smooth (the y^4 term). On the region |y| &lt;= 2 the Hessian's
 * eigenvalues lie in [-b, max(a, 5b)] (at |y| = 2: -b + 6b = 5b), so L = max(a, 5b) there,
 * EXACT (for a = b = 2: L = 10, as THEOREMS.md states). The region is invariant under GD with
 * eta &lt; 1/L: with s = eta b &lt;= 1/5, y+ = y (1 + s - (s/2) y^2) is increasing on [0, 2]
 * and y+(2) = 2(1 - s) &lt; 2, so |y_t| &lt;= 2 for every t when |y_0| &lt;= 2.
 *
 * <p>NaN/infinite arguments propagate; wrong lengths throw {@link IllegalArgumentException}.
 */
public final class StrictSaddle implements Objective, HasFormula {
    /** The half-width of the region |y| &lt;= Y_MAX on which L holds. */
    public static final double Y_MAX = 2;

    private final double a;
    private final double b;
    private final Certificate certificate;

    /**
     * @param a curvature along x, finite and &gt; 0
     * @param b minus the curvature along y at the saddle, finite and &gt; 0
     */
    public StrictSaddle(double a, double b) {
        if (!(a > 0) || !(b > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("a and b must be finite and > 0, got a = " + a + ", b = " + b);
        }
        this.a = a;
        this.b = b;
        this.certificate = Certificate.none()
                .withConvex(false, "the saddle (0, 0) has curvature -b")
                .withL(Math.max(a, 5 * b), Exactness.EXACT, "on the region |y| <= 2 (max(a, 5b))")
                .withFStar(-b / 2, Exactness.EXACT, "at the minima (0, +-sqrt 2)")
                .withFLow(-b / 2, Exactness.EXACT);
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    /** The most negative Hessian eigenvalue at the saddle, -b. */
    public double lambdaMin() {
        return -b;
    }

    public Certificate certificate() {
        return certificate;
    }

    /** This objective as a problem of family "strict-saddle". */
    public Problem problem() {
        return new Problem("strict-saddle", this, certificate);
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        Vectors.requireLength(p, 2, "x");
        double x = p[0];
        double y = p[1];
        double y2 = y * y;
        return 0.5 * a * x * x - 0.5 * b * y2 + 0.125 * b * y2 * y2;
    }

    @Override
    public void gradient(double[] p, double[] out) {
        Vectors.requireLength(p, 2, "x");
        Vectors.requireLength(out, 2, "out");
        double y = p[1];
        out[0] = a * p[0];
        out[1] = -b * y + 0.5 * b * y * y * y;
    }

    @Override
    public double[][] hessian(double[] p) {
        Vectors.requireLength(p, 2, "x");
        double y = p[1];
        return new double[][] {{a, 0}, {0, -b + 1.5 * b * y * y}};
    }

    @Override
    public Formula formula() {
        final double aa = a;
        final double bb = b;
        return v -> {
            DerivativeStructure x = v[0];
            DerivativeStructure y = v[1];
            DerivativeStructure y2 = y.multiply(y);
            return x.multiply(x)
                    .multiply(0.5 * aa)
                    .subtract(y2.multiply(0.5 * bb))
                    .add(y2.multiply(y2).multiply(0.125 * bb));
        };
    }

    @Override
    public String describe() {
        return (a == 2 && b == 2)
                ? "x^2 - y^2 + y^4/4"
                : "(" + Num.fmt(a) + "/2) x^2 - (" + Num.fmt(b) + "/2) y^2 + (" + Num.fmt(b) + "/8) y^4";
    }

    @Override
    public String toString() {
        return describe();
    }
}
