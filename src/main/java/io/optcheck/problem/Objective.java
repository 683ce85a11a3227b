package io.optcheck.problem;

/**
 * A twice differentiable objective f: R^d -> R.
 *
 * <p>Conventions for every implementation in this package:
 * <ul>
 *   <li>Arguments must have length {@link #dimension()}; otherwise an
 *       {@link IllegalArgumentException} is thrown. Output arrays are overwritten, never read.</li>
 *   <li>Arguments are not checked for finiteness: NaN and infinite components propagate
 *       according to IEEE 754, so the result may be NaN or infinite. Callers that must not
 *       continue on non-finite values (the method runner) check results themselves.</li>
 *   <li>Implementations are immutable and safe for concurrent use; they never keep a reference
 *       to an argument array.</li>
 * </ul>
 */
public interface Objective {

    /** The dimension d >= 1 of the domain. */
    int dimension();

    /** f(x). */
    double value(double[] x);

    /** Writes grad f(x) into {@code out} (length d). */
    void gradient(double[] x, double[] out);

    /**
     * The magnitude that rounding in {@link #value} is relative to: the sum of the absolute
     * values of the terms that make up f(x). It equals |f(x)| unless terms cancel (a cosine
     * ripple around 0, say), in which case |f(x)| would understate the rounding error. Checkers
     * use it in the tolerance scale. Default: |f(x)|.
     */
    default double valueScale(double[] x) {
        return Math.abs(value(x));
    }

    /**
     * The magnitude that rounding in {@link #gradient} is relative to: the norm of the vector of
     * summed absolute values of the terms that make up each gradient component. It equals
     * ||grad f(x)|| unless terms cancel (near a minimizer of a sum of Huber terms, say). Checkers
     * use it in the tolerance scale. Default: ||grad f(x)||.
     */
    default double gradientScale(double[] x) {
        return Vectors.norm(gradient(x));
    }

    /** grad f(x) as a fresh array. */
    default double[] gradient(double[] x) {
        double[] g = new double[dimension()];
        gradient(x, g);
        return g;
    }

    /**
     * Writes the Hessian-vector product hess f(x) v into {@code out}. The default multiplies
     * {@link #hessian(double[])} by v; implementations override it where a cheaper exact form
     * exists.
     */
    default void hessianVector(double[] x, double[] v, double[] out) {
        int d = dimension();
        Vectors.requireLength(v, d, "v");
        Vectors.requireLength(out, d, "out");
        double[][] h = hessian(x);
        for (int i = 0; i < d; i++) {
            double s = 0.0;
            double[] row = h[i];
            for (int j = 0; j < d; j++) {
                s += row[j] * v[j];
            }
            out[i] = s;
        }
    }

    /** The Hessian hess f(x) as a fresh d x d array. */
    double[][] hessian(double[] x);

    /**
     * A short human-readable form for counterexamples, e.g.
     * {@code "1/2 x^T H x - b^T x, H = diag(3), b = (0)"}. Numbers are formatted with
     * {@link Num}, independent of the default locale.
     */
    String describe();
}
