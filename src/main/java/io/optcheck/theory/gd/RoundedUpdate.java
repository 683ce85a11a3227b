package io.optcheck.theory.gd;

import io.optcheck.api.Precision;

/**
 * The rounding error of one gradient step computed in a low-precision format (specs
 * gd/descent-lemma.md, "In low precision"): with eta, g, eta g and x - eta g each rounded to p, the
 * computed x+ differs from the real step x - eta g by at most E_i in coordinate i.
 */
final class RoundedUpdate {

    private RoundedUpdate() {}

    /**
     * E_i = u |x_i| + (u (1 + gamma3) + gamma3) eta |g_i| + 2 (1 + eta) ulp(0), with u the unit
     * roundoff ({@code uScale} times it for the teeth test's wrong constant), gamma3 = 3u/(1 - 3u)
     * and ulp(0) the format's smallest subnormal, for x a number of the format and g the double
     * gradient. The last term covers roundings in the subnormal range, whose error is absolute (at
     * most ulp(0)/2 each): the one of g is multiplied by eta.
     */
    static double[] error(Precision p, double uScale, double[] x, double[] g, double eta) {
        double u = p.unitRoundoff() * uScale;
        double gamma3 = 3 * u / (1 - 3 * u);
        double floor = 2 * (1 + eta) * p.ulp(0);
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            e[i] = u * Math.abs(x[i]) + (u * (1 + gamma3) + gamma3) * eta * Math.abs(g[i]) + floor;
        }
        return e;
    }
}
