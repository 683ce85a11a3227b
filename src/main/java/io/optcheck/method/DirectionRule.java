package io.optcheck.method;

import io.optcheck.problem.Num;

/**
 * How a line-search method picks its search direction p from the iterate x and the gradient g.
 * The default is steepest descent, p = -g. Other rules (for example a perturbed direction that may
 * point uphill) exist so that the consequences of a non-descent direction can be shown; the
 * methods that use a rule check g^T p themselves where the algorithm requires a descent
 * direction.
 *
 * <p>Implementations return a fresh array of the same length as g and must not modify x or g.
 * NaN or infinite components of g propagate into p.
 */
@FunctionalInterface
public interface DirectionRule {

    /** The direction at x, given g = grad f(x). */
    double[] direction(double[] x, double[] g);

    /** A short description for reports. */
    default String describe() {
        return "custom direction";
    }

    /** p = -g (steepest descent; Nocedal &amp; Wright, Numerical Optimization, ch. 2). */
    DirectionRule STEEPEST = new DirectionRule() {
        @Override
        public double[] direction(double[] x, double[] g) {
            double[] p = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                p[i] = -g[i];
            }
            return p;
        }

        @Override
        public String describe() {
            return "-grad f";
        }
    };

    /**
     * p = -g + w ||g|| u for a fixed vector u (normalised here). It is a descent direction exactly
     * when w u^T g / ||g|| &lt; 1; for w = 0 it is steepest descent.
     *
     * @param w the weight of the perturbation, finite and &gt;= 0
     * @param u a non-zero finite vector
     * @throws IllegalArgumentException otherwise
     */
    static DirectionRule perturbedSteepest(double w, double[] u) {
        MethodArgs.requireNonNegativeFinite(w, "w");
        double n = 0;
        for (double c : u) {
            n = Math.max(n, Math.abs(c));
        }
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("u must be finite and non-zero");
        }
        double s = 0;
        for (double c : u) {
            s += (c / n) * (c / n);
        }
        double norm = n * Math.sqrt(s);
        double[] unit = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            unit[i] = u[i] / norm;
        }
        return new DirectionRule() {
            @Override
            public double[] direction(double[] x, double[] g) {
                double m = 0;
                for (double c : g) {
                    m = Math.max(m, Math.abs(c));
                }
                double gn = 0;
                if (m > 0 && Double.isFinite(m)) {
                    double t = 0;
                    for (double c : g) {
                        t += (c / m) * (c / m);
                    }
                    gn = m * Math.sqrt(t);
                } else if (!Double.isFinite(m)) {
                    gn = m;
                }
                double[] p = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    p[i] = -g[i] + w * gn * unit[i];
                }
                return p;
            }

            @Override
            public String describe() {
                return "-grad f + " + Num.fmt(w) + " ||grad f|| u, u = " + Num.fmt(unit);
            }
        };
    }
}
