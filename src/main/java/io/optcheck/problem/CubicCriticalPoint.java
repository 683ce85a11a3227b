package io.optcheck.problem;

import org.hipparchus.CalculusFieldElement;
import org.hipparchus.util.MathArrays;

/**
 * A polynomial with a critical point at 0 whose Hessian there is chosen:
 * f(x) = g(Q^T x) with g(u) = 1/2 sum_i lambda_i u_i^2 + sum_i a_i u_i^3
 * + c (u_0^3 - 3 u_0 u_1^2) (the last term, a monkey saddle, only for d &gt;= 2), and Q
 * orthogonal. grad f(0) = 0 and hess f(0) = Q diag(lambda) Q^T, so the eigenvalues at the
 * critical point are the chosen lambda_i (EXACT for Q = I, ROUNDED otherwise) and the unit
 * eigenvector of lambda_i is column i of Q. With lambda = 0, a = 0, c = 1 it is the monkey
 * saddle x^3 - 3 x y^2.
 *
 * <p>Third derivative: D^3 f(x)[u, u, u] = 6 (sum_i a_i w_i^3 + c (w_0^3 - 3 w_0 w_1^2)) with
 * w = Q^T u, so |D^3 f[u, u, u]| &lt;= M3 ||u||^3 with M3 = 6 (max |a_i| + |c|) (|w_0^3 - 3 w_0 w_1^2|
 * = |cos 3 phi| r^3 &lt;= 1 on the unit circle, and sum |a_i| |w_i|^3 &lt;= max |a_i|). By Taylor's
 * theorem with the Lagrange remainder, f(r u) - f(0) lies within M3 r^3 / 6 of
 * (r^2 / 2) u^T H u for unit u. M3 is exact when c = 0 (attained along the eigenvector of the
 * largest |a_i|), a bound otherwise.
 *
 * <p>Value, gradient and Hessian come from the formula by automatic differentiation
 * ({@link FormulaObjective}). NaN/infinite arguments propagate.
 */
public final class CubicCriticalPoint implements Objective, FieldFormula.Source {
    private final double[] lambda;
    private final double[] a;
    private final double c;
    private final double[][] q;
    private final FormulaObjective f;

    /**
     * @param lambda Hessian eigenvalues at 0 (length d &gt;= 1, finite)
     * @param a cubic coefficients (length d, finite)
     * @param c monkey-saddle coefficient (ignored, and must be 0, for d = 1)
     * @param q an orthogonal d x d matrix (its columns are the eigenvectors), or null for I
     */
    public CubicCriticalPoint(double[] lambda, double[] a, double c, double[][] q) {
        Vectors.requireFiniteNonEmpty(lambda, "lambda");
        Vectors.requireLength(a, lambda.length, "a");
        Vectors.requireFiniteNonEmpty(a, "a");
        int d = lambda.length;
        if (!Double.isFinite(c) || (d == 1 && c != 0)) {
            throw new IllegalArgumentException("c must be finite, and 0 in dimension 1, got " + c);
        }
        this.lambda = lambda.clone();
        this.a = a.clone();
        this.c = c;
        this.q = q == null ? null : Vectors.copyRectangular(q, "q");
        FieldFormula ff = this::valueOf;
        Formula formula = ff::apply;
        this.f = new FormulaObjective(d, formula, describe(this.lambda, this.a, c, this.q != null));
    }

    private static String describe(double[] lam, double[] a, double c, boolean rotated) {
        return "g(" + (rotated ? "Q^T x" : "x") + "), g(u) = 1/2 sum lambda_i u_i^2 + sum a_i u_i^3"
                + (c != 0 ? " + c (u_0^3 - 3 u_0 u_1^2)" : "") + ", lambda = " + Num.fmt(lam) + ", a = " + Num.fmt(a)
                + (c != 0 ? ", c = " + Num.fmt(c) : "");
    }

    /** The eigenvalues of hess f(0), as chosen. */
    public double[] lambda() {
        return lambda.clone();
    }

    /** M3 = 6 (max |a_i| + |c|): |D^3 f[u, u, u]| &lt;= M3 ||u||^3 everywhere. */
    public double thirdDerivativeBound() {
        double m = 0;
        for (double ai : a) {
            m = Math.max(m, Math.abs(ai));
        }
        return 6 * (m + Math.abs(c));
    }

    /** True when {@link #thirdDerivativeBound()} is attained (c = 0). */
    public boolean thirdDerivativeBoundExact() {
        return c == 0;
    }

    /** The unit eigenvector of hess f(0) for lambda_i: column i of Q (e_i when Q = I). */
    public double[] eigenvector(int i) {
        double[] v = new double[lambda.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = q == null ? (i == j ? 1 : 0) : q[j][i];
        }
        return v;
    }

    /** True when the eigenbasis is the standard one (the eigenvalues are exact). */
    public boolean diagonal() {
        return q == null;
    }

    /** The certificate: nothing global (f is a cubic, unbounded below unless a = c = 0). */
    public Problem problem() {
        return new Problem("cubic-critical-point", this, Certificate.none());
    }

    @Override
    public int dimension() {
        return lambda.length;
    }

    @Override
    public double value(double[] x) {
        return f.value(x);
    }

    @Override
    public void gradient(double[] x, double[] out) {
        f.gradient(x, out);
    }

    @Override
    public double[][] hessian(double[] x) {
        return f.hessian(x);
    }

    @Override
    public Formula formula() {
        return f.formula();
    }

    @Override
    public FieldFormula fieldFormula() {
        return this::valueOf;
    }

    /** f in any field (derivative structures for the objective, Dfp for the recheck). */
    private <T extends CalculusFieldElement<T>> T valueOf(T[] x) {
        int d = lambda.length;
        T[] u = MathArrays.buildArray(x[0].getField(), d);
        for (int i = 0; i < d; i++) {
            if (q == null) {
                u[i] = x[i];
            } else {
                T s = x[0].getField().getZero();
                for (int j = 0; j < d; j++) {
                    s = s.add(x[j].multiply(q[j][i]));
                }
                u[i] = s;
            }
        }
        T s = x[0].getField().getZero();
        for (int i = 0; i < d; i++) {
            T u2 = u[i].multiply(u[i]);
            s = s.add(u2.multiply(0.5 * lambda[i])).add(u2.multiply(u[i]).multiply(a[i]));
        }
        if (d >= 2 && c != 0) {
            s = s.add(u[0].multiply(u[0])
                    .multiply(u[0])
                    .subtract(u[0].multiply(u[1]).multiply(u[1]).multiply(3))
                    .multiply(c));
        }
        return s;
    }

    @Override
    public String describe() {
        return f.describe();
    }

    @Override
    public String toString() {
        return describe();
    }
}
