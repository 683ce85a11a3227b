package io.optcheck.problem;

import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import java.util.Locale;

/**
 * Non-convex (and degenerate) problem families as generators, each objective with its
 * certificate built in: {@link Ripple} (smooth non-convex, L and f_low certified),
 * {@link SinePotential} (non-convex PL for a = 3; spurious local minima for a &gt; 4.6033) and
 * {@link PowerObjective} (|x|^p, p &gt; 2: no PL inequality).
 */
public final class NonconvexProblems {

    private NonconvexProblems() {}

    /**
     * Rippled quadratics: dimension 1..10; lambda_i in [0, 10], a_i in [0, 3] and omega_i in
     * [0.5, 3] (non-convex wherever a_i omega_i^2 &gt; lambda_i, which is most draws); Q = I or,
     * for d &gt;= 2 with probability 1/2, a random orthogonal Q. Shrinks toward d = 1, a = 0
     * (a diagonal quadratic) and lambda = 0.
     */
    public static Gen<Ripple> ripples() {
        return Gens.named("ripples(d 1..10)", s -> {
            int d = s.draw(Gens.integers(1, 10));
            double[] lambda = new double[d];
            double[] a = new double[d];
            double[] omega = new double[d];
            for (int i = 0; i < d; i++) {
                lambda[i] = Gens.doubles(0, 10).draw(s);
                a[i] = Gens.doubles(0, 3).draw(s);
                omega[i] = Gens.doubles(0.5, 3).draw(s);
            }
            // A flat objective (every lambda_i and a_i zero) has L = 0: give it curvature.
            boolean flat = true;
            for (int i = 0; i < d; i++) {
                flat &= lambda[i] == 0 && a[i] == 0;
            }
            if (flat) {
                lambda[0] = 1;
            }
            double[][] q = null;
            if (d >= 2 && s.drawBoolean(0.5)) {
                q = Problems.orthogonal(s, d);
                // A singular Gaussian draw (all choices equal, reachable by shrinking) makes the
                // Householder QR divide by zero; keep the identity then.
                for (double[] row : q) {
                    if (!Vectors.allFinite(row)) {
                        q = null;
                        break;
                    }
                }
            }
            return Ripple.of(lambda, a, omega, q);
        });
    }

    /**
     * Separable sine potentials sum_i s_i (x_i^2 + a sin^2 x_i): dimension 1..10, s_1 = 1 and
     * the other s_i log-uniform in [1e-3, 1] (so kappa = L/mu reaches 1e3 and beyond), a drawn
     * from {@code a}. With a = 3 the certificate carries L = 8 (EXACT) and the PL constant
     * 0.175 min s_i (BOUND).
     */
    public static Gen<SinePotential> sinePotentials(Gen<Double> a) {
        return Gens.named("sine potentials(d 1..10)", src -> {
            int d = src.draw(Gens.integers(1, 10));
            double[] s = new double[d];
            s[0] = 1;
            for (int i = 1; i < d; i++) {
                s[i] = Gens.logDoubles(1e-3, 1).draw(src);
            }
            return SinePotential.of(s, src.draw(a));
        });
    }

    /** A power objective sum |x_i|^p whose certificate covers the box of radius max_i |x0_i|. */
    public static PowerObjective powerAround(double p, double[] x0) {
        double r = 0;
        for (double v : x0) {
            r = Math.max(r, Math.abs(v));
        }
        return PowerObjective.of(x0.length, p, r);
    }

    /** Points in [-r, r]^d with at least one component of magnitude &gt;= r/100 (not at the origin). */
    public static Gen<double[]> pointsAwayFromOrigin(int d, double r) {
        return Problems.points(d, r).filter(String.format(Locale.ROOT, "max |x_i| >= %s", r / 100), x -> {
            double m = 0;
            for (double v : x) {
                m = Math.max(m, Math.abs(v));
            }
            return m >= r / 100;
        });
    }
}
