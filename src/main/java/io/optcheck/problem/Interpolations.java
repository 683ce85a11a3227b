package io.optcheck.problem;

import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;

/**
 * The worst-case interpolation family: problems built from first-order data along a
 * gradient-descent path, realised as {@link SmoothInterpolant}s. The knobs are the data
 * themselves (gradients, proposed values, the minimizer), so targeted search moves in the space
 * of all functions of the class that a performance-estimation problem ranges over, not in a
 * closed-form family.
 *
 * <p>The data. x_0 = 0, x_{k+1} = x_k - (h/L) g_k for k &lt; steps, with g_0..g_steps knobs in
 * [-1, 1]^d and, for the convex classes, a minimizer x* (knob, in [-3, 3]^d) with g* = 0.
 * Proposed values s_k in [-2, 2] (knobs) are repaired into values satisfying the
 * interpolation conditions: the conditions are difference constraints f_i - f_j &gt;= c_ij, so
 * the least f &gt;= s solving them is the longest-path fixed point f_i = max(s_i, max_j f_j + c_ij)
 * (Bellman-Ford, n rounds). A positive cycle means no values interpolate these points and
 * gradients: the draw is returned with {@code null} data and the theorem rejects it.
 */
public final class Interpolations {

    private Interpolations() {}

    /** Drawn data before realisation: the interpolant, or null with the reason. */
    public record Draw(SmoothInterpolant f, String rejection) {}

    /**
     * GD-path data of {@code steps} steps with step h/L in dimension d for the class with
     * curvature in [mu, L]; with {@code minimizer} a point x* with g* = 0 is added (last).
     */
    public static Gen<Draw> gdPath(double l, double mu, int d, int steps, double h, boolean minimizer) {
        return Gens.named(
                "GD-path interpolation data (L = " + l + ", mu = " + mu + ", d = " + d + ", " + steps + " steps)",
                s -> {
                    int n = steps + 1 + (minimizer ? 1 : 0);
                    double[][] xs = new double[n][d];
                    double[][] gs = new double[n][d];
                    double[] prop = new double[n];
                    for (int k = 0; k <= steps; k++) {
                        for (int j = 0; j < d; j++) {
                            gs[k][j] = Gens.doubles(-1, 1)
                                    .knob("g_" + k + "[" + j + "]")
                                    .draw(s);
                        }
                        prop[k] =
                                Gens.doubles(-2, 2).knob("f_" + k + " proposed").draw(s);
                        if (k < steps) {
                            for (int j = 0; j < d; j++) {
                                xs[k + 1][j] = xs[k][j] - h / l * gs[k][j];
                            }
                        }
                    }
                    if (minimizer) {
                        for (int j = 0; j < d; j++) {
                            xs[n - 1][j] =
                                    Gens.doubles(-3, 3).knob("x*[" + j + "]").draw(s);
                        }
                        prop[n - 1] = Gens.doubles(-2, 2).knob("f* proposed").draw(s);
                    }
                    return realise(l, mu, xs, gs, prop);
                });
    }

    /**
     * GD-path data for the convex classes (mu &gt;= 0) whose gradients stay on one line, the
     * structure of Drori &amp; Teboulle's worst case: g_0 = r u (u a knob direction, r in
     * [0.05, 1]), g_{k+1} = (1 - theta_k h) g_k with curvature knobs theta_k in [mu/L, 1], and the
     * minimizer x* = x_steps - s g_steps / L with s in [1, L/mu] (capped at 100), g* = 0. Random
     * gradients on a convex class almost never interpolate (they are not monotone); along one
     * line with secant slopes in [mu, L] they usually do, and values are repaired as in
     * {@link #gdPath}. The search still has every knob: direction, curvatures, values, x*.
     */
    public static Gen<Draw> gdLinePath(double l, double mu, int d, int steps, double h) {
        return Gens.named(
                "GD-line interpolation data (L = " + l + ", mu = " + mu + ", d = " + d + ", " + steps + " steps)",
                s -> {
                    int n = steps + 2;
                    double[][] xs = new double[n][d];
                    double[][] gs = new double[n][d];
                    double[] prop = new double[n];
                    double[] u = new double[d];
                    double un = 0;
                    for (int j = 0; j < d; j++) {
                        u[j] = Gens.doubles(-1, 1).knob("direction[" + j + "]").draw(s);
                        un += u[j] * u[j];
                    }
                    un = Math.sqrt(un);
                    if (!(un > 1e-3)) {
                        u = new double[d];
                        u[0] = 1;
                        un = 1;
                    }
                    double r = Gens.doubles(0.05, 1).knob("|g_0|").draw(s);
                    for (int j = 0; j < d; j++) {
                        gs[0][j] = r * u[j] / un;
                    }
                    for (int k = 0; k <= steps; k++) {
                        prop[k] =
                                Gens.doubles(-2, 2).knob("f_" + k + " proposed").draw(s);
                        if (k < steps) {
                            double theta = Gens.doubles(mu / l, 1)
                                            .knob("curvature theta_" + k)
                                            .draw(s)
                                    * l;
                            for (int j = 0; j < d; j++) {
                                xs[k + 1][j] = xs[k][j] - h / l * gs[k][j];
                                gs[k + 1][j] = (1 - theta * h / l) * gs[k][j];
                            }
                        }
                    }
                    double sMax = mu > 0 ? Math.min(100, l / mu) : 100;
                    double sc = Gens.doubles(1, sMax).knob("x* distance s").draw(s);
                    for (int j = 0; j < d; j++) {
                        xs[n - 1][j] = xs[steps][j] - sc * gs[steps][j] / l;
                    }
                    prop[n - 1] = Gens.doubles(-2, 2).knob("f* proposed").draw(s);
                    return realise(l, mu, xs, gs, prop);
                });
    }

    /**
     * The least values f &gt;= proposed that satisfy the class's interpolation conditions for the
     * points and gradients, realised; or a rejection when none exist.
     */
    public static Draw realise(double l, double mu, double[][] xs, double[][] gs, double[] proposed) {
        int n = xs.length;
        double m = l - mu;
        double[][] cij = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    cij[i][j] = lowerDifference(mu, m, xs[i], gs[i], xs[j], gs[j]);
                }
            }
        }
        double[] f = proposed.clone();
        boolean changed = true;
        for (int round = 0; round <= n && changed; round++) {
            changed = false;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j && f[j] + cij[i][j] > f[i]) {
                        f[i] = f[j] + cij[i][j];
                        changed = true;
                    }
                }
            }
        }
        if (changed) {
            return new Draw(
                    null,
                    "no values interpolate these points and gradients in the class (a positive cycle "
                            + "of the interpolation conditions)");
        }
        return new Draw(new SmoothInterpolant(l, mu, xs, gs, f), null);
    }

    /**
     * The least f_i - f_j the class allows (Taylor, Hendrickx &amp; Glineur 2017, Thm 4 after the
     * shift h = f - (mu/2)||x||^2): (mu/2)(||x_i||^2 - ||x_j||^2) + &lt;dh_j, x_i - x_j&gt; +
     * ||dh_i - dh_j||^2/(2M), dh = g - mu x, M = L - mu.
     */
    static double lowerDifference(double mu, double m, double[] xi, double[] gi, double[] xj, double[] gj) {
        double lin = 0;
        double quad = 0;
        double sq = 0;
        for (int k = 0; k < xi.length; k++) {
            double dhi = gi[k] - mu * xi[k];
            double dhj = gj[k] - mu * xj[k];
            lin += dhj * (xi[k] - xj[k]);
            quad += (dhi - dhj) * (dhi - dhj);
            sq += xi[k] * xi[k] - xj[k] * xj[k];
        }
        return 0.5 * mu * sq + lin + quad / (2 * m);
    }

    /**
     * Why a realised instance fails the class's assumptions on the realised function, or null
     * when it passes: interpolation residual at most 1e-9 of the data's scale, and 16 sampled
     * pairs within 1 + 1e-9 of the class's Lipschitz and curvature bounds.
     */
    public static String verify(SmoothInterpolant f) {
        double res = f.interpolationResidual();
        if (!(res <= 1e-9)) {
            return "the realised function does not interpolate its data (relative residual " + res + ")";
        }
        double cls = f.sampledClassRatio(16);
        if (!(cls <= 1 + 1e-9)) {
            return "the realised function violates its class on sampled pairs (ratio " + cls + ")";
        }
        return null;
    }
}
