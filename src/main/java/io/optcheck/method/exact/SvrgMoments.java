package io.optcheck.method.exact;

import io.optcheck.problem.CertifiedSum;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact expectations of SVRG (Option II) over every inner index path and every snapshot pick, on a
 * quadratic sum (diagonal or rotated), by moment propagation. Per independent block of b
 * coordinates ({@link QuadraticMoments#blocks}; b = 1 for each coordinate of a diagonal sum,
 * b = d for a rotated one), centred at x*: z = (x - x*, x~ - x*, 1), of dimension 2b + 1. An inner
 * step with index s is the linear map
 * e' = (I - eta H_s) e + eta (H_s - H_bar) e~ - eta g*, e~' = e~ (g* = grad f(x*), 0 up to the
 * rounding of x*), so S_{t+1} = (1/n) sum_s A_s S_t A_s^T. The Option II output of an epoch is
 * x_t for t uniform in {0, ..., m-1}: its second-moment matrix is the mean of S_0..S_{m-1}. A
 * refreshed snapshot restarts the next epoch at z = (e_pick, e_pick, 1); a frozen one at
 * (e_pick, e~_0, 1), which is that mean itself. E f - f* is a sum over blocks of
 * (1/2) tr(H_bar E e e^T) + g*^T E e, and each block's marginal is a Markov chain of its own, so
 * this is exact. The rounding scale (in units of u, a bound on the error of the computed E f - f*
 * up to the constant {@code Tolerance.of} applies): on a coordinate, the same recursion on |A_s|
 * and |S| times the operations; on a block of size &gt; 1, the PSD-order bound of
 * {@link #propagateBounded}.
 */
public final class SvrgMoments {

    /** Per epoch s = 0..S: E[f(x~_s)] - f(x*), and its rounding scale (see the class comment). */
    public final double[] gap;

    public final double[] gapScale;

    private SvrgMoments(int epochs) {
        gap = new double[epochs + 1];
        gapScale = new double[epochs + 1];
    }

    /**
     * @param f a diagonal or rotated quadratic sum
     * @throws IllegalArgumentException for any other sum
     */
    public static SvrgMoments propagate(
            CertifiedSum f, double eta, int m, double[] xStar, double[] x0, boolean frozen, int epochs) {
        SvrgMoments out = new SvrgMoments(epochs);
        for (QuadraticMoments.Block blk : QuadraticMoments.blocks(f, xStar)) {
            propagate(blk, eta, m, blk.offset(x0, xStar), frozen, out);
        }
        return out;
    }

    private static void propagate(
            QuadraticMoments.Block blk, double eta, int m, double[] e0, boolean frozen, SvrgMoments out) {
        int n = blk.n();
        int b = blk.size();
        int k = 2 * b + 1;
        List<QuadraticMoments.LinearMap> maps = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            double[][] dense = new double[b][k];
            int[] src = new int[k];
            for (int p = 0; p < b; p++) {
                for (int q = 0; q < b; q++) {
                    dense[p][q] = (p == q ? 1 : 0) - eta * blk.h()[s][p][q];
                    dense[p][b + q] = eta * (blk.h()[s][p][q] - blk.hbar()[p][q]);
                }
                dense[p][k - 1] = -eta * blk.gStar()[p];
            }
            for (int p = b; p < k; p++) {
                src[p] = p;
            }
            maps.add(new QuadraticMoments.LinearMap(dense, src));
        }
        QuadraticMoments.Stepper moments = new QuadraticMoments.Stepper(maps, k);
        QuadraticMoments.Stepper magnitudes = new QuadraticMoments.Stepper(maps, k);
        double[][] hAbs = QuadraticMoments.abs(blk.hbar());
        double[] gAbs = QuadraticMoments.abs(blk.gStar());
        double[] u = new double[k];
        for (int p = 0; p < b; p++) {
            u[p] = e0[p];
            u[b + p] = e0[p];
        }
        u[k - 1] = 1;
        double[][] sm = QuadraticMoments.outer(u);
        out.gap[0] += gapOf(sm, blk.hbar(), blk.gStar());
        if (b > 1) {
            out.gapScale[0] += gapOf(QuadraticMoments.abs(sm), hAbs, gAbs) * (b * b + b + 2);
            propagateBounded(blk, m, frozen, maps, moments, magnitudes, sm, hAbs, gAbs, out);
            return;
        }
        double[][] mag = QuadraticMoments.abs(sm);
        out.gapScale[0] += gapOf(mag, hAbs, gAbs);
        for (int ep = 1; ep < out.gap.length; ep++) {
            double[][] avg = new double[k][k];
            double[][] avgMag = new double[k][k];
            for (int t = 0; t < m; t++) {
                QuadraticMoments.add(avg, sm, 1.0 / m);
                QuadraticMoments.add(avgMag, mag, 1.0 / m);
                if (t < m - 1) {
                    sm = moments.apply(sm, false);
                    mag = magnitudes.apply(mag, true);
                }
            }
            // epoch output: x_pick, with moments avg (the iterate's rows and columns)
            double[][] outS = refreshed(avg, b);
            out.gap[ep] += gapOf(outS, blk.hbar(), blk.gStar());
            out.gapScale[ep] += gapOf(QuadraticMoments.abs(refreshed(avgMag, b)), hAbs, gAbs) * m * 3;
            sm = frozen ? avg : outS;
            mag = frozen ? avgMag : refreshed(avgMag, b);
        }
    }

    /**
     * The propagation of a block of size b &gt; 1 (a rotated sum), with its rounding bounded in the
     * PSD order. On a coordinate (b = 1) the entries of |A_s| are 1 - eta h_s &gt;= 0 and
     * |eta (h_s - h_bar)|, and the same recursion on |A_s| and |S| contracts like the moments,
     * so it gives the rounding scale. On a block it does not: the rows of |I - eta H_s| sum to more
     * than 1 (by about 1 to 9% a step at d = 10), and over an epoch of m steps that scale grows
     * geometrically until every check passes. Here instead:
     * <ul>
     *   <li>F bounds the error E of the computed second moments: -F &lt;= sym(E) &lt;= F.</li>
     *   <li>A step maps an error E to T(E) = (1/n) sum_s A_s E A_s^T, a mean of congruences, so
     *       -T(F) &lt;= T(sym E) &lt;= T(F): F is propagated by the moment step itself, with the real
     *       A_s, which do not grow.</li>
     *   <li>Each step adds its own rounding: its entries are within (2k + 3n + 6) u of the entries
     *       of (1/n) sum_s |A_s||S||A_s|^T (the products, the sum over the maps taken in order, and
     *       the rounding of the maps' own entries), whose spectral norm is at most ||A||_inf
     *       ||S||_inf ||A||_1, so F gains that (in units of u) times I.</li>
     *   <li>An epoch's mean of m states adds m max_t ||S_t||_inf; the pick z = (e, e, 1) is the
     *       congruence P S P^T, which keeps the order (its constant entry, reset to 1, is bounded
     *       apart: {@link #picked}).</li>
     *   <li>|E f - f*| errs by at most (1/2) tr(H_bar F_xx) + ||g*||_1 max_p F_pp (H_bar &gt;= 0 and
     *       |E_pq| &lt;= sqrt(F_pp F_qq)), plus the rounding of that formula.</li>
     * </ul>
     */
    private static void propagateBounded(
            QuadraticMoments.Block blk,
            int m,
            boolean frozen,
            List<QuadraticMoments.LinearMap> maps,
            QuadraticMoments.Stepper moments,
            QuadraticMoments.Stepper errors,
            double[][] sm,
            double[][] hAbs,
            double[] gAbs,
            SvrgMoments out) {
        int b = blk.size();
        int k = sm.length;
        double norms = 0;
        for (QuadraticMoments.LinearMap am : maps) {
            norms = Math.max(norms, QuadraticMoments.normInf(am) * QuadraticMoments.norm1(am));
        }
        // per entry: 2k roundings in the two products, n - 1 in the sum over the maps (taken one after
        // another), 1 for the division, and the rounding of the maps' own entries (1 - eta h, eta (h -
        // h_bar), h_bar a mean of n terms): about 4 + 2n more
        int n = maps.size();
        double perStep = (2 * k + 3 * n + 6) * norms;
        double[][] err = new double[k][k];
        QuadraticMoments.addIdentity(err, QuadraticMoments.rowSumMax(sm));
        for (int ep = 1; ep < out.gap.length; ep++) {
            double[][] avg = new double[k][k];
            double[][] avgErr = new double[k][k];
            double largest = 0;
            for (int t = 0; t < m; t++) {
                QuadraticMoments.add(avg, sm, 1.0 / m);
                QuadraticMoments.add(avgErr, err, 1.0 / m);
                double size = QuadraticMoments.rowSumMax(sm);
                largest = Math.max(largest, size);
                if (t < m - 1) {
                    sm = moments.apply(sm, false);
                    err = errors.apply(err, false);
                    QuadraticMoments.addIdentity(err, perStep * size);
                }
            }
            QuadraticMoments.addIdentity(avgErr, m * largest);
            double[][] outS = refreshed(avg, b);
            double[][] outErr = picked(avgErr, b);
            out.gap[ep] += gapOf(outS, blk.hbar(), blk.gStar());
            double maxDiag = 0;
            for (int p = 0; p < k; p++) {
                maxDiag = Math.max(maxDiag, outErr[p][p]);
            }
            double g1 = 0;
            for (double g : gAbs) {
                g1 += g;
            }
            // gapOf sums b^2 + b terms one after another
            out.gapScale[ep] += QuadraticMoments.quadratic(0.5, blk.hbar(), outErr, 0)
                    + g1 * maxDiag
                    + gapOf(QuadraticMoments.abs(outS), hAbs, gAbs) * (b * b + b + 2);
            sm = frozen ? avg : outS;
            err = frozen ? avgErr : outErr;
        }
    }

    /**
     * The error bound after the pick z = (e, e, 1) of the iterate block: P F P^T, with its constant
     * entry doubled. {@link #refreshed} resets that entry to exactly 1, which changes the error by
     * -E_cc e_c e_c^T, and |E_cc| &lt;= F_cc.
     */
    private static double[][] picked(double[][] f, int b) {
        double[][] r = refreshed(f, b);
        r[f.length - 1][f.length - 1] = 2 * f[f.length - 1][f.length - 1];
        return r;
    }

    /** z = (e_pick, e_pick, 1): the iterate's and the snapshot's blocks both carry e_pick. */
    private static double[][] refreshed(double[][] avg, int b) {
        int k = 2 * b + 1;
        double[][] r = new double[k][k];
        for (int p = 0; p < 2 * b; p++) {
            for (int q = 0; q < 2 * b; q++) {
                r[p][q] = avg[p % b][q % b];
            }
            r[p][k - 1] = avg[p % b][k - 1];
            r[k - 1][p] = avg[p % b][k - 1];
        }
        r[k - 1][k - 1] = 1;
        return r;
    }

    /** E[f - f(x*)] of a block for x = x* + e: (1/2) tr(H_bar E e e^T) + g*^T E e. */
    private static double gapOf(double[][] s, double[][] hbar, double[] gStar) {
        double v = QuadraticMoments.quadratic(0.5, hbar, s, 0);
        for (int p = 0; p < gStar.length; p++) {
            v += gStar[p] * s[p][s.length - 1];
        }
        return v;
    }
}
