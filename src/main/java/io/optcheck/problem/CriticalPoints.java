package io.optcheck.problem;

/**
 * The second-order classification of a critical point (grad f(x) = 0) from the eigenvalues of
 * hess f(x) (Hipparchus EigenDecompositionSymmetric on the objective's Hessian):
 * <ul>
 *   <li>{@link Kind#STRICT_MIN}: every eigenvalue &gt; tau (H positive definite): a strict
 *       local minimum;</li>
 *   <li>{@link Kind#STRICT_SADDLE}: some eigenvalue &lt; -tau and some &gt;= -tau: a strict
 *       saddle (a direction of negative curvature exists);</li>
 *   <li>{@link Kind#STRICT_MAX}: every eigenvalue &lt; -tau: a strict local maximum;</li>
 *   <li>{@link Kind#DEGENERATE}: no eigenvalue below -tau and some in [-tau, tau] (H positive
 *       semidefinite and singular): the second-order test is inconclusive (x^3 - 3 x y^2 at 0
 *       is not a minimum, x^4 + y^4 at 0 is).</li>
 * </ul>
 * The tolerance for "singular" is tau = {@value #C} d 2^-52 max_i |lambda_i|: the eigenvalues of a
 * Hessian that was itself rounded (Q diag(lambda) Q^T in d dimensions) are perturbed by about
 * d 2^-52 ||H||_2 (Weyl's inequality), so an eigenvalue that small cannot be told from 0. For
 * H = 0 exactly, tau = 0 and every eigenvalue is exactly 0: degenerate.
 * {@link Kind#NOT_CRITICAL} is returned when ||grad f(x)|| exceeds the caller's tolerance.
 * NaN in the Hessian gives NaN eigenvalues and the kind {@link Kind#DEGENERATE} is not claimed:
 * an {@link IllegalArgumentException} is thrown instead.
 */
public final class CriticalPoints {

    /** The constant in tau = C d 2^-52 max |lambda|. */
    public static final double C = 16;

    private CriticalPoints() {}

    /** The classes of a point. */
    public enum Kind {
        STRICT_MIN,
        STRICT_SADDLE,
        STRICT_MAX,
        DEGENERATE,
        NOT_CRITICAL
    }

    /**
     * @param kind the class
     * @param eigenvalues the Hessian's eigenvalues, ascending
     * @param tau the tolerance for "singular" used
     * @param gradNorm ||grad f(x)||
     */
    public record Classification(Kind kind, double[] eigenvalues, double tau, double gradNorm) {}

    /** Classifies x; a gradient norm above {@code gradTol} gives NOT_CRITICAL. */
    public static Classification classify(Objective f, double[] x, double gradTol) {
        return classify(f, x, gradTol, C);
    }

    /** The same with another constant in tau (the sensitivity tests use a wrong one). */
    public static Classification classify(Objective f, double[] x, double gradTol, double c) {
        double[] g = f.gradient(x);
        double gn = ExtremeEigenvalues.norm(g);
        double[] ev = ExtremeEigenvalues.dense(f.hessian(x));
        for (double e : ev) {
            if (Double.isNaN(e)) {
                throw new IllegalArgumentException("the Hessian at " + Num.fmt(x) + " has NaN eigenvalues");
            }
        }
        double big = Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
        double tau = c * ev.length * 0x1p-52 * big;
        Kind k;
        if (!(gn <= gradTol)) {
            k = Kind.NOT_CRITICAL;
        } else if (ev[0] < -tau) {
            k = ev[ev.length - 1] < -tau ? Kind.STRICT_MAX : Kind.STRICT_SADDLE;
        } else if (ev[0] > tau) {
            k = Kind.STRICT_MIN;
        } else {
            k = Kind.DEGENERATE;
        }
        return new Classification(k, ev, tau, gn);
    }
}
