package io.optcheck.theory.vr;

import io.optcheck.problem.DiagonalQuadraticSum;

/**
 * Exact expectations of SAGA over every index path, on a diagonal quadratic sum, by moment
 * propagation (no enumeration of the n^T paths). Coordinate j of the state, centred at x*,
 * u = (x_j - x*_j, phi_1j - x*_j, ..., phi_nj - x*_j, 1), moves by a linear map A_s that depends
 * only on the sampled index s:
 * x' = (1 - eta h_s) e_x + eta h_s e_s - (eta/n) sum_i h_i e_i - eta g*, with
 * g* = (1/n) sum_i h_i (x* - c_i) (0 up to the rounding of x*), and phi_s' = x (unless the table is
 * frozen). The coordinates share the index but E||x - x*||^2 and E V are sums of per-coordinate
 * second moments, and each coordinate's marginal is a Markov chain of its own, so
 * S_{t+1} = (1/n) sum_s A_s S_t A_s^T per coordinate is exact. Alongside, the same recursion on
 * |A_s| and |S| gives the magnitudes the rounding is relative to.
 */
final class SagaMoments {

    /** Per step t = 0..T: E||x_t - x*||^2, E V_t, and the magnitude scales of both. */
    final double[] distSq;

    final double[] lyapunov;
    final double[] distScale;
    final double[] lyapunovScale;

    private SagaMoments(int steps) {
        distSq = new double[steps + 1];
        lyapunov = new double[steps + 1];
        distScale = new double[steps + 1];
        lyapunovScale = new double[steps + 1];
    }

    static SagaMoments propagate(
            DiagonalQuadraticSum f,
            double eta,
            double mu,
            double[] xStar,
            double[] x0,
            double[][] phi,
            boolean frozen,
            int steps) {
        int n = f.n();
        int k = n + 2;
        double c = 1 / (2 * n * eta * (1 - mu * eta));
        SagaMoments out = new SagaMoments(steps);
        for (int j = 0; j < f.dimension(); j++) {
            double gStar = 0;
            for (int i = 0; i < n; i++) {
                gStar += f.curvature(i, j) * (xStar[j] - f.center(i, j));
            }
            gStar /= n;
            double[][][] a = new double[n][k][k];
            for (int s = 0; s < n; s++) {
                double[][] m = a[s];
                double hs = f.curvature(s, j);
                m[0][0] = 1 - eta * hs;
                m[0][1 + s] += eta * hs;
                for (int i = 0; i < n; i++) {
                    m[0][1 + i] -= eta * f.curvature(i, j) / n;
                }
                m[0][k - 1] = -eta * gStar;
                for (int i = 0; i < n; i++) {
                    if (i == s && !frozen) {
                        m[1 + i][0] = 1;
                    } else {
                        m[1 + i][1 + i] = 1;
                    }
                }
                m[k - 1][k - 1] = 1;
            }
            double[] u = new double[k];
            u[0] = x0[j] - xStar[j];
            for (int i = 0; i < n; i++) {
                u[1 + i] = phi[i][j] - xStar[j];
            }
            u[k - 1] = 1;
            double[][] sm = new double[k][k];
            double[][] mag = new double[k][k];
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) {
                    sm[p][q] = u[p] * u[q];
                    mag[p][q] = Math.abs(sm[p][q]);
                }
            }
            for (int t = 0; t <= steps; t++) {
                if (t > 0) {
                    sm = step(a, sm, false);
                    mag = step(a, mag, true);
                }
                out.distSq[t] += sm[0][0];
                out.distScale[t] += mag[0][0];
                double v = c * sm[0][0];
                double vs = c * mag[0][0];
                for (int i = 0; i < n; i++) {
                    v += 0.5 * f.curvature(i, j) * sm[1 + i][1 + i] / n;
                    vs += 0.5 * Math.abs(f.curvature(i, j)) * mag[1 + i][1 + i] / n;
                }
                out.lyapunov[t] += v;
                out.lyapunovScale[t] += vs;
            }
        }
        return out;
    }

    /**
     * (1/n) sum_s A_s S A_s^T (with |A_s| when {@code abs}). Only row 0 of A_s is dense; every
     * other row copies one coordinate (phi_s' = x, phi_i' = phi_i, 1' = 1), so a product costs
     * O(k^2) instead of O(k^3).
     */
    private static double[][] step(double[][][] a, double[][] s, boolean abs) {
        int n = a.length;
        int k = s.length;
        double[][] out = new double[k][k];
        double[][] as = new double[k][k];
        int[] src = new int[k];
        double[] row0 = new double[k];
        for (double[][] am : a) {
            for (int r = 0; r < k; r++) {
                row0[r] = abs ? Math.abs(am[0][r]) : am[0][r];
            }
            for (int p = 1; p < k; p++) {
                for (int r = 0; r < k; r++) {
                    if (am[p][r] == 1) {
                        src[p] = r;
                    }
                }
            }
            for (int q = 0; q < k; q++) {
                double v = 0;
                for (int r = 0; r < k; r++) {
                    v += row0[r] * s[r][q];
                }
                as[0][q] = v;
            }
            for (int p = 1; p < k; p++) {
                System.arraycopy(s[src[p]], 0, as[p], 0, k);
            }
            for (int p = 0; p < k; p++) {
                double v = 0;
                for (int r = 0; r < k; r++) {
                    v += as[p][r] * row0[r];
                }
                out[p][0] += v / n;
                for (int q = 1; q < k; q++) {
                    out[p][q] += as[p][src[q]] / n;
                }
            }
        }
        return out;
    }
}
