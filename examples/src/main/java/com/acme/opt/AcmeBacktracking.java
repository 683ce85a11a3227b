package com.acme.opt;

import java.util.function.DoubleUnaryOperator;

/**
 * Acme's backtracking line search (Nocedal &amp; Wright, Algorithm 3.1), written with no optcheck
 * dependency: from alpha0, shrink by beta until f(x + a p) &lt;= f(x) + c a grad f(x)^T p.
 */
public final class AcmeBacktracking {

    public static final double ALPHA0 = 1.0;
    public static final double BETA = 0.5;
    public static final double C = 1e-4;
    public static final int MAX_SHRINKS = 100;

    private AcmeBacktracking() {}

    /**
     * The accepted step.
     *
     * @param phi a -&gt; f(x + a p)
     * @param slope0 grad f(x)^T p, negative
     * @throws IllegalStateException when {@value #MAX_SHRINKS} shrinks found no step
     */
    public static double search(DoubleUnaryOperator phi, double slope0) {
        double f0 = phi.applyAsDouble(0);
        double a = ALPHA0;
        for (int k = 0; k <= MAX_SHRINKS; k++) {
            if (phi.applyAsDouble(a) <= f0 + C * a * slope0) {
                return a;
            }
            a *= BETA;
        }
        throw new IllegalStateException("no Armijo step within " + MAX_SHRINKS + " shrinks");
    }
}
