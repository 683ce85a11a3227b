package io.optcheck.problem;

import java.util.Locale;
import org.hipparchus.CalculusFieldElement;

/**
 * A smooth non-convex "rippled quadratic":
 *
 * <pre>f(x) = sum_i [ (lambda_i / 2) y_i^2 + a_i cos(omega_i y_i) ],   y = Q^T x,</pre>
 *
 * with lambda_i, a_i &gt;= 0, omega_i &gt; 0 and Q orthogonal (or the identity). In the rotated
 * coordinates the Hessian is diag(lambda_i - a_i omega_i^2 cos(omega_i y_i)), so
 *
 * <ul>
 *   <li>L = max_i (lambda_i + a_i omega_i^2): the supremum of |hess f| is attained where
 *       cos(omega_i y_i) = -1 (|lambda - a omega^2| &lt;= lambda + a omega^2 for non-negative
 *       parameters). EXACT for Q = I and every a_i = 0 (f is then a diagonal quadratic),
 *       otherwise ROUNDED (one product and one sum per coordinate, and Q is orthogonal only up
 *       to rounding).</li>
 *   <li>f_low = -sum_i a_i, a BOUND: the quadratic terms are &gt;= 0 and cos &gt;= -1.</li>
 *   <li>convex iff lambda_i &gt;= a_i omega_i^2 for every i (recorded in the certificate).</li>
 * </ul>
 * Trigonometric functions use {@link StrictMath} so that runs replay bit for bit. NaN or
 * infinite arguments propagate (IEEE); wrong lengths throw {@link IllegalArgumentException}.
 */
public final class Ripple implements Objective, FieldFormula.Source {
    private final int n;
    private final double[] lambda;
    private final double[] a;
    private final double[] omega;
    /** Q row-major as q[row][col], or null for the identity. */
    private final double[][] q;

    private final Certificate certificate;

    private Ripple(double[] lambda, double[] a, double[] omega, double[][] q) {
        this.n = lambda.length;
        this.lambda = lambda;
        this.a = a;
        this.omega = omega;
        this.q = q;
        double l = 0;
        double fLow = 0;
        boolean convex = true;
        boolean quadratic = true;
        for (int i = 0; i < n; i++) {
            l = Math.max(l, lambda[i] + a[i] * omega[i] * omega[i]);
            fLow -= a[i];
            convex &= lambda[i] >= a[i] * omega[i] * omega[i];
            quadratic &= a[i] == 0;
        }
        Exactness le = (q == null && quadratic) ? Exactness.EXACT : Exactness.ROUNDED;
        this.certificate = Certificate.none()
                .withL(l, le, "max_i (lambda_i + a_i omega_i^2), attained where cos(omega_i y_i) = -1")
                .withFLow(fLow, Exactness.BOUND, "-sum a_i")
                .withConvex(convex, "lambda_i >= a_i omega_i^2 for every i");
    }

    /**
     * @param lambda curvatures of the quadratic part, finite and &gt;= 0
     * @param a ripple amplitudes, finite and &gt;= 0
     * @param omega ripple frequencies, finite and &gt; 0
     * @param q an orthogonal d x d matrix (copied), or null for the identity
     * @throws IllegalArgumentException on lengths that differ, or values outside those ranges
     */
    public static Ripple of(double[] lambda, double[] a, double[] omega, double[][] q) {
        Vectors.requireFiniteNonEmpty(lambda, "lambda");
        int d = lambda.length;
        Vectors.requireLength(a, d, "a");
        Vectors.requireLength(omega, d, "omega");
        for (int i = 0; i < d; i++) {
            if (!(lambda[i] >= 0)
                    || !(a[i] >= 0)
                    || !Double.isFinite(a[i])
                    || !(omega[i] > 0)
                    || !Double.isFinite(omega[i])) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "need lambda_i >= 0, a_i >= 0, omega_i > 0 (finite); got %s, %s, %s at i = %d",
                        lambda[i],
                        a[i],
                        omega[i],
                        i));
            }
        }
        double[][] qc = q == null ? null : Vectors.copyRectangular(q, "q");
        if (qc != null && (qc.length != d || qc[0].length != d)) {
            throw new IllegalArgumentException("q must be " + d + " x " + d);
        }
        return new Ripple(lambda.clone(), a.clone(), omega.clone(), qc);
    }

    private double[] rotate(double[] x) {
        Vectors.requireLength(x, n, "x");
        if (q == null) {
            return x;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += q[j][i] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    private void back(double[] z, double[] out) {
        if (q == null) {
            System.arraycopy(z, 0, out, 0, n);
            return;
        }
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += q[j][i] * z[i];
            }
            out[j] = s;
        }
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] x) {
        double[] y = rotate(x);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += 0.5 * lambda[i] * y[i] * y[i] + a[i] * StrictMath.cos(omega[i] * y[i]);
        }
        return s;
    }

    /** Sum of the magnitudes of the quadratic and cosine terms (they can cancel in f). */
    @Override
    public double valueScale(double[] x) {
        double[] y = rotate(x);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(0.5 * lambda[i] * y[i] * y[i]) + Math.abs(a[i] * StrictMath.cos(omega[i] * y[i]));
        }
        return s;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Vectors.requireLength(out, n, "out");
        double[] y = rotate(x);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = lambda[i] * y[i] - a[i] * omega[i] * StrictMath.sin(omega[i] * y[i]);
        }
        back(z, out);
    }

    @Override
    public double[][] hessian(double[] x) {
        double[] y = rotate(x);
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = lambda[i] - a[i] * omega[i] * omega[i] * StrictMath.cos(omega[i] * y[i]);
        }
        double[][] h = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int s = 0; s < n; s++) {
                if (q == null) {
                    h[r][s] = r == s ? c[r] : 0;
                } else {
                    double v = 0;
                    for (int i = 0; i < n; i++) {
                        v += q[r][i] * c[i] * q[s][i];
                    }
                    h[r][s] = v;
                }
            }
        }
        return h;
    }

    /** The certificate: L, f_low and convexity (see the class comment). */
    public Certificate certificate() {
        return certificate;
    }

    /** True when every a_i = 0 and Q = I: f is the diagonal quadratic with eigenvalues lambda. */
    public boolean isDiagonalQuadratic() {
        if (q != null) {
            return false;
        }
        for (double ai : a) {
            if (ai != 0) {
                return false;
            }
        }
        return true;
    }

    /** True when Q is the identity. */
    public boolean isSeparable() {
        return q == null;
    }

    @Override
    public FieldFormula fieldFormula() {
        return this::valueOf;
    }

    /**
     * f in any field: the formula behind {@link #formula()} (derivative structures) and behind the
     * higher-precision recheck (Dfp, {@link HighPrecision}).
     */
    private <T extends CalculusFieldElement<T>> T valueOf(T[] x) {
        T sum = x[0].getField().getZero();
        for (int i = 0; i < lambda.length; i++) {
            T y;
            if (q == null) {
                y = x[i];
            } else {
                y = x[0].getField().getZero();
                for (int j = 0; j < lambda.length; j++) {
                    y = y.add(x[j].multiply(q[j][i]));
                }
            }
            sum = sum.add(y.multiply(y).multiply(0.5 * lambda[i]))
                    .add(y.multiply(omega[i]).cos().multiply(a[i]));
        }
        return sum;
    }

    @Override
    public String describe() {
        return "sum_i (lambda_i/2) y_i^2 + a_i cos(omega_i y_i), y = " + (q == null ? "x" : "Q^T x") + ", lambda = "
                + Num.fmt(lambda) + ", a = " + Num.fmt(a) + ", omega = " + Num.fmt(omega);
    }

    @Override
    public String toString() {
        return describe();
    }
}
