package io.optcheck.method.exact;

import io.optcheck.problem.CertifiedSum;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact expectations of SAGA over every index path, on a quadratic sum (diagonal or rotated), by
 * moment propagation (no enumeration of the n^T paths). Per independent block of b coordinates
 * ({@link QuadraticMoments#blocks}; b = 1 for each coordinate of a diagonal sum, b = d for a
 * rotated one), centred at x*, the state z = (x - x*, phi_1 - x*, ..., phi_n - x*, 1), of
 * dimension b (n + 1) + 1, moves by a linear map A_s that depends only on the sampled index s:
 * x' = (I - eta H_s) e_x + eta H_s e_s - (eta/n) sum_i H_i e_i - eta g*, with
 * g* = (1/n) sum_i H_i (x* - c_i) (0 up to the rounding of x*), and phi_s' = x (unless the table is
 * frozen). The blocks share the index but E||x - x*||^2 and E V are sums over blocks of second
 * moments, and each block's marginal is a Markov chain of its own, so
 * S_{t+1} = (1/n) sum_s A_s S_t A_s^T per block is exact. Alongside, the same recursion on
 * |A_s| and |S| gives the magnitudes the rounding is relative to.
 */
public final class SagaMoments {

    /** Per step t = 0..T: E||x_t - x*||^2, E V_t, and the magnitude scales of both. */
    public final double[] distSq;

    public final double[] lyapunov;
    public final double[] distScale;
    public final double[] lyapunovScale;

    private SagaMoments(int steps) {
        distSq = new double[steps + 1];
        lyapunov = new double[steps + 1];
        distScale = new double[steps + 1];
        lyapunovScale = new double[steps + 1];
    }

    /**
     * @param f a diagonal or rotated quadratic sum
     * @throws IllegalArgumentException for any other sum
     */
    public static SagaMoments propagate(
            CertifiedSum f,
            double eta,
            double mu,
            double[] xStar,
            double[] x0,
            double[][] phi,
            boolean frozen,
            int steps) {
        int n = f.n();
        double c = 1 / (2 * n * eta * (1 - mu * eta));
        SagaMoments out = new SagaMoments(steps);
        for (QuadraticMoments.Block blk : QuadraticMoments.blocks(f, xStar)) {
            int b = blk.size();
            int k = b * (n + 1) + 1;
            List<QuadraticMoments.LinearMap> maps = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                double[][] dense = new double[b][k];
                double[][] hs = blk.h()[s];
                for (int p = 0; p < b; p++) {
                    double[] m = dense[p];
                    for (int q = 0; q < b; q++) {
                        m[q] = (p == q ? 1 : 0) - eta * hs[p][q];
                        m[b * (1 + s) + q] += eta * hs[p][q];
                    }
                    for (int i = 0; i < n; i++) {
                        for (int q = 0; q < b; q++) {
                            m[b * (1 + i) + q] -= eta * blk.h()[i][p][q] / n;
                        }
                    }
                    m[k - 1] = -eta * blk.gStar()[p];
                }
                int[] src = new int[k];
                for (int p = b; p < k; p++) {
                    src[p] = p;
                }
                if (!frozen) {
                    for (int q = 0; q < b; q++) {
                        src[b * (1 + s) + q] = q;
                    }
                }
                maps.add(new QuadraticMoments.LinearMap(dense, src));
            }
            double[] u = new double[k];
            double[] e0 = blk.offset(x0, xStar);
            System.arraycopy(e0, 0, u, 0, b);
            for (int i = 0; i < n; i++) {
                System.arraycopy(blk.offset(phi[i], xStar), 0, u, b * (1 + i), b);
            }
            u[k - 1] = 1;
            QuadraticMoments.Stepper moments = new QuadraticMoments.Stepper(maps, k);
            QuadraticMoments.Stepper magnitudes = new QuadraticMoments.Stepper(maps, k);
            double[][] sm = QuadraticMoments.outer(u);
            double[][] mag = QuadraticMoments.abs(sm);
            double[][][] hAbs = new double[n][][];
            for (int i = 0; i < n; i++) {
                hAbs[i] = QuadraticMoments.abs(blk.h()[i]);
            }
            for (int t = 0; t <= steps; t++) {
                if (t > 0) {
                    sm = moments.apply(sm, false);
                    mag = magnitudes.apply(mag, true);
                }
                double dist = 0;
                double distMag = 0;
                for (int p = 0; p < b; p++) {
                    dist += sm[p][p];
                    distMag += mag[p][p];
                }
                out.distSq[t] += dist;
                out.distScale[t] += distMag;
                double v = c * dist;
                double vs = c * distMag;
                for (int i = 0; i < n; i++) {
                    v += QuadraticMoments.quadratic(0.5, blk.h()[i], sm, b * (1 + i)) / n;
                    vs += QuadraticMoments.quadratic(0.5, hAbs[i], mag, b * (1 + i)) / n;
                }
                out.lyapunov[t] += v;
                out.lyapunovScale[t] += vs;
            }
        }
        return out;
    }
}
