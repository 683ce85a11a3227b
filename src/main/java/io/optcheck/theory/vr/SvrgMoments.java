package io.optcheck.theory.vr;

import io.optcheck.problem.DiagonalQuadraticSum;

/**
 * Exact expectations of SVRG (Option II) over every inner index path and every snapshot pick, on a
 * diagonal quadratic sum, by moment propagation. Coordinate j, centred at x*:
 * u = (x_j - x*_j, x~_j - x*_j, 1). An inner step with index s is the linear map
 * e' = (1 - eta h_s) e + eta (h_s - hbar) e~ - eta g*, e~' = e~ (g* = grad f(x*)_j, 0 up to the
 * rounding of x*), so S_{t+1} = (1/n) sum_s A_s S_t A_s^T. The Option II output of an epoch is
 * x_t for t uniform in {0, ..., m-1}: its second-moment matrix is the mean of S_0..S_{m-1}. A
 * refreshed snapshot restarts the next epoch at u = (e_pick, e_pick, 1); a frozen one at
 * (e_pick, e~_0, 1), which is that mean itself. Coordinates share the indices, but E f - f* is a
 * sum of per-coordinate second moments and each coordinate's marginal is a Markov chain of its
 * own, so this is exact. The same recursion on |A_s| and |S| gives the rounding scale.
 */
final class SvrgMoments {

    /** Per epoch s = 0..S: E[f(x~_s)] - f(x*), and its magnitude scale. */
    final double[] gap;

    final double[] gapScale;

    private SvrgMoments(int epochs) {
        gap = new double[epochs + 1];
        gapScale = new double[epochs + 1];
    }

    static SvrgMoments propagate(
            DiagonalQuadraticSum f, double eta, int m, double[] xStar, double[] x0, boolean frozen, int epochs) {
        int n = f.n();
        SvrgMoments out = new SvrgMoments(epochs);
        for (int j = 0; j < f.dimension(); j++) {
            double hbar = 0;
            double gStar = 0;
            for (int i = 0; i < n; i++) {
                hbar += f.curvature(i, j);
                gStar += f.curvature(i, j) * (xStar[j] - f.center(i, j));
            }
            hbar /= n;
            gStar /= n;
            double[] a00 = new double[n];
            double[] a01 = new double[n];
            for (int s = 0; s < n; s++) {
                a00[s] = 1 - eta * f.curvature(s, j);
                a01[s] = eta * (f.curvature(s, j) - hbar);
            }
            double a02 = -eta * gStar;
            double e0 = x0[j] - xStar[j];
            double[][] sm = outer(new double[] {e0, e0, 1});
            double[][] mag = abs(sm);
            out.gap[0] += gapOf(sm, hbar, gStar);
            out.gapScale[0] += gapOf(mag, Math.abs(hbar), Math.abs(gStar));
            for (int ep = 1; ep <= epochs; ep++) {
                double[][] avg = new double[3][3];
                double[][] avgMag = new double[3][3];
                for (int t = 0; t < m; t++) {
                    add(avg, sm, 1.0 / m);
                    add(avgMag, mag, 1.0 / m);
                    if (t < m - 1) {
                        sm = step(a00, a01, a02, sm, false);
                        mag = step(a00, a01, a02, mag, true);
                    }
                }
                // epoch output: x_pick, with moments avg (row/column 0)
                double[][] outS = refreshed(avg);
                out.gap[ep] += gapOf(outS, hbar, gStar);
                out.gapScale[ep] += gapOf(abs(refreshed(avgMag)), Math.abs(hbar), Math.abs(gStar)) * m * 3;
                sm = frozen ? avg : outS;
                mag = frozen ? avgMag : refreshed(avgMag);
            }
        }
        return out;
    }

    /** u = (e_pick, e_pick, 1): rows and columns 0 and 1 both carry e_pick. */
    private static double[][] refreshed(double[][] avg) {
        double q = avg[0][0];
        double mm = avg[0][2];
        return new double[][] {{q, q, mm}, {q, q, mm}, {mm, mm, 1}};
    }

    /** E[f - f(x*)] of coordinate j for x = x* + e: (1/2) hbar E e^2 + g* E e. */
    private static double gapOf(double[][] s, double hbar, double gStar) {
        return 0.5 * hbar * s[0][0] + gStar * s[0][2];
    }

    private static double[][] outer(double[] u) {
        double[][] s = new double[3][3];
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 3; q++) {
                s[p][q] = u[p] * u[q];
            }
        }
        return s;
    }

    private static double[][] abs(double[][] s) {
        double[][] r = new double[3][3];
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 3; q++) {
                r[p][q] = Math.abs(s[p][q]);
            }
        }
        return r;
    }

    private static void add(double[][] acc, double[][] s, double w) {
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 3; q++) {
                acc[p][q] += w * s[p][q];
            }
        }
    }

    /** (1/n) sum_s A_s S A_s^T with A_s = [[a00_s, a01_s, a02], [0, 1, 0], [0, 0, 1]]. */
    private static double[][] step(double[] a00, double[] a01, double a02, double[][] s, boolean abs) {
        int n = a00.length;
        double[][] out = new double[3][3];
        for (int k = 0; k < n; k++) {
            double b0 = abs ? Math.abs(a00[k]) : a00[k];
            double b1 = abs ? Math.abs(a01[k]) : a01[k];
            double b2 = abs ? Math.abs(a02) : a02;
            // row 0 of A S
            double r0 = b0 * s[0][0] + b1 * s[1][0] + b2 * s[2][0];
            double r1 = b0 * s[0][1] + b1 * s[1][1] + b2 * s[2][1];
            double r2 = b0 * s[0][2] + b1 * s[1][2] + b2 * s[2][2];
            // (A S A^T): [0][0] = row0 . a; [0][q] = (A S)[0][q] for q = 1, 2; symmetric
            double s00 = r0 * b0 + r1 * b1 + r2 * b2;
            out[0][0] += s00 / n;
            out[0][1] += r1 / n;
            out[0][2] += r2 / n;
            out[1][0] += r1 / n;
            out[2][0] += r2 / n;
            out[1][1] += s[1][1] / n;
            out[1][2] += s[1][2] / n;
            out[2][1] += s[2][1] / n;
            out[2][2] += s[2][2] / n;
        }
        return out;
    }
}
