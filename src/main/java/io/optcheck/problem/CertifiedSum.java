package io.optcheck.problem;

/**
 * A finite sum whose components carry certified constants and whose minimizer is known: what
 * the variance-reduction checkers need to evaluate Lyapunov functions themselves.
 */
public interface CertifiedSum extends FiniteSum {

    /** x* (rounded). */
    double[] minimizer();

    /** f_i(p) - f_i(q) - grad f_i(q)^T (p - q). */
    double bregman(int i, double[] p, double[] q);

    /** A certified L_i: f_i is L_i-smooth. */
    double componentL(int i);

    /** A certified mu_i: f_i is mu_i-strongly convex (convex when 0, possibly nonconvex when negative). */
    double componentMu(int i);
}
