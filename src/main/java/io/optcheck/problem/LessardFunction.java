package io.optcheck.problem;

import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * The one-dimensional function of Lessard, Recht &amp; Packard (2016, "Analysis and design of
 * optimization algorithms via integral quadratic constraints", sec. 4.6), on which heavy ball
 * with the quadratic tuning cycles instead of converging:
 *
 * <pre>
 *   f'(x) = 25 x        for x &lt; 1
 *         = x + 24      for 1 &lt;= x &lt; 2
 *         = 25 x - 24   for x &gt;= 2
 * </pre>
 * f is the antiderivative with f(0) = 0, continuous at the kinks:
 * f(x) = 12.5 x^2 (x &lt; 1), x^2/2 + 24 x - 12 (1 &lt;= x &lt; 2), 12.5 x^2 - 24 x + 36 (x &gt;= 2);
 * f(1) = 12.5, f(2) = 38. f' is continuous (25 at x = 1, 26 at x = 2) and piecewise linear with
 * slopes 25, 1, 25, so f is 1-strongly convex and 25-smooth.
 *
 * <p>Certificate, all EXACT: L = 25, mu = 1, x* = 0, f* = 0, f_low = 0, convex. The Hessian at a
 * kink is the right-hand one. NaN/infinite arguments propagate; wrong lengths throw
 * {@link IllegalArgumentException}.
 */
public final class LessardFunction implements Objective, HasFormula {

    /** The certificate of every instance. */
    public static final Certificate CERTIFICATE = Certificate.none()
            .withConvex(true)
            .withL(25, Exactness.EXACT, "slopes 25, 1, 25 of the piecewise linear gradient")
            .withMu(1, Exactness.EXACT, "smallest slope of the gradient")
            .withXStar(new double[] {0}, Exactness.EXACT)
            .withFStar(0, Exactness.EXACT)
            .withFLow(0, Exactness.EXACT);

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public double value(double[] x) {
        Vectors.requireLength(x, 1, "x");
        double v = x[0];
        if (v < 1) {
            return 12.5 * v * v;
        }
        if (v < 2) {
            return 0.5 * v * v + 24 * v - 12;
        }
        return 12.5 * v * v - 24 * v + 36;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Vectors.requireLength(x, 1, "x");
        Vectors.requireLength(out, 1, "out");
        out[0] = derivative(x[0]);
    }

    /** f'(v). */
    public static double derivative(double v) {
        if (v < 1) {
            return 25 * v;
        }
        if (v < 2) {
            return v + 24;
        }
        return 25 * v - 24;
    }

    @Override
    public double[][] hessian(double[] x) {
        Vectors.requireLength(x, 1, "x");
        double v = x[0];
        return new double[][] {{v >= 1 && v < 2 ? 1 : 25}};
    }

    /** The certificate (L = 25, mu = 1, x* = 0, f* = 0, all exact). */
    public Certificate certificate() {
        return CERTIFICATE;
    }

    /** This objective as a problem of family "lessard". */
    public Problem problem() {
        return new Problem("lessard", this, CERTIFICATE);
    }

    @Override
    public Formula formula() {
        return x -> {
            DerivativeStructure v = x[0];
            double r = v.getValue();
            if (r < 1) {
                return v.multiply(v).multiply(12.5);
            }
            if (r < 2) {
                return v.multiply(v).multiply(0.5).add(v.multiply(24)).subtract(12);
            }
            return v.multiply(v).multiply(12.5).subtract(v.multiply(24)).add(36);
        };
    }

    @Override
    public String describe() {
        return "Lessard-Recht-Packard piecewise quadratic (f' = 25x | x + 24 | 25x - 24, kinks at 1, 2)";
    }

    @Override
    public String toString() {
        return describe();
    }
}
