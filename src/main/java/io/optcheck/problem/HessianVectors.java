package io.optcheck.problem;

/**
 * Hessian-vector products hess f(x) v, exact or by a finite difference of gradients.
 *
 * <p><b>Exact.</b> {@link #exact} calls {@link Objective#hessianVector}: for a
 * {@link FormulaObjective} that is the DerivativeStructure (order 2) Hessian times v, exact up to
 * the rounding of the formula's own operations; hand-written objectives override it with a
 * closed form that the derivative cross-check test compares against their formula.
 *
 * <p><b>Finite difference.</b> {@link #centralDifference} returns
 * (grad f(x + h v) - grad f(x - h v)) / (2h) for a unit-free step h = {@code step} / ||v||.
 * Taylor's theorem for the gradient gives
 * grad f(x +- h v) = grad f(x) +- h H v + (h^2/2) D^3 f[v, v] +- (h^3/6) D^4 f(xi)[v, v, v], so for f
 * with fourth derivatives bounded by M4 on the segment [x - h v, x + h v]
 * (|D^4 f[v, v, v, u]| &lt;= M4 ||v||^3 ||u||), the error in each component is at most the
 * truncation term M4 h^2 ||v||^3 / 6 plus the rounding term eps_g / h, where eps_g bounds the absolute error of one computed gradient (about
 * d 2^-52 ||grad f||_1 for the objectives here). {@link #centralDifferenceErrorBound} returns
 * that sum. Across a kink (ReLU, Huber) the bound does not apply: use exact products there.
 *
 * <p>NaN or infinite components of x or v propagate into the result.
 */
public final class HessianVectors {

    private HessianVectors() {}

    /** hess f(x) v, exact up to the rounding of the objective's own operations. */
    public static double[] exact(Objective f, double[] x, double[] v) {
        double[] out = new double[f.dimension()];
        f.hessianVector(x, v, out);
        return out;
    }

    /**
     * The central difference of gradients along v, with h = step / ||v|| (so the points are
     * x +- step v/||v||). Returns zeros for v = 0.
     *
     * @param step the length of the difference step, finite and &gt; 0
     */
    public static double[] centralDifference(Objective f, double[] x, double[] v, double step) {
        int d = f.dimension();
        Vectors.requireLength(x, d, "x");
        Vectors.requireLength(v, d, "v");
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("step must be finite and > 0, got " + step);
        }
        double nv = 0;
        for (double c : v) {
            nv += c * c;
        }
        nv = Math.sqrt(nv);
        double[] out = new double[d];
        if (nv == 0) {
            return out;
        }
        double h = step / nv;
        double[] p = new double[d];
        double[] m = new double[d];
        for (int i = 0; i < d; i++) {
            p[i] = x[i] + h * v[i];
            m[i] = x[i] - h * v[i];
        }
        double[] gp = f.gradient(p);
        double[] gm = f.gradient(m);
        for (int i = 0; i < d; i++) {
            out[i] = (gp[i] - gm[i]) / (2 * h);
        }
        return out;
    }

    /**
     * The bound on ||centralDifference - hess f(x) v||_inf stated in the class comment:
     * m4 h^2 ||v||^3 / 6 + gradError / h with h = step / ||v||.
     *
     * @param m4 a bound on the fourth derivative on the segment
     * @param gradError a bound on the absolute error of one computed gradient component
     */
    public static double centralDifferenceErrorBound(double m4, double gradError, double step, double normV) {
        if (normV == 0) {
            return 0;
        }
        double h = step / normV;
        return m4 * h * h * normV * normV * normV / 6 + gradError / h;
    }
}
