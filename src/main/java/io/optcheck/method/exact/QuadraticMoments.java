package io.optcheck.method.exact;

import io.optcheck.problem.CertifiedSum;
import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.problem.RotatedQuadraticSum;
import java.util.ArrayList;
import java.util.List;

/**
 * What the exact moment propagations of SVRG and SAGA share: the quadratic components split into
 * independent blocks, and the second-moment step S -&gt; (1/n) sum_s A_s S A_s^T for the maps those
 * methods induce.
 *
 * <p>A block is a set of coordinates that no component couples to any other: each coordinate of a
 * diagonal sum (b = 1), or the whole space of a rotated sum (b = d, general symmetric H_i). The
 * indices are shared by all blocks, but the quantities checked (E f - f*, E||x - x*||^2, E V) are
 * sums over blocks of second moments, and each block's marginal is a Markov chain of its own, so
 * propagating the blocks one by one is exact. On a diagonal sum a block of size 1 runs exactly the
 * arithmetic of a per-coordinate propagation.
 *
 * <p>The maps A_s of both methods move only the iterate: their first b rows (the iterate's block)
 * are dense, and every other row copies one entry of the state (a snapshot or table entry kept, a
 * table entry set to the iterate, the constant 1). {@link Stepper} uses that: a product costs
 * O(b k^2) instead of O(k^3) for a state of dimension k.
 */
final class QuadraticMoments {

    private QuadraticMoments() {}

    /**
     * One block of b coordinates, centred at x*: the components' Hessians restricted to it
     * (h[i], b x b), H_bar = (1/n) sum_i H_i, g* = (1/n) sum_i H_i (x* - c_i) (0 up to the rounding
     * of x*), and the coordinates of the full space it covers.
     */
    record Block(double[][][] h, double[][] hbar, double[] gStar, int[] coords) {

        int n() {
            return h.length;
        }

        int size() {
            return coords.length;
        }

        /** The block's part of x - x*. */
        double[] offset(double[] x, double[] xStar) {
            double[] e = new double[coords.length];
            for (int p = 0; p < coords.length; p++) {
                e[p] = x[coords[p]] - xStar[coords[p]];
            }
            return e;
        }

        static Block of(double[][][] h, double[][] c, double[] xs, int[] coords) {
            int n = h.length;
            int b = coords.length;
            double[][] hbar = new double[b][b];
            double[] gStar = new double[b];
            for (int p = 0; p < b; p++) {
                for (int i = 0; i < n; i++) {
                    for (int q = 0; q < b; q++) {
                        hbar[p][q] += h[i][p][q];
                        gStar[p] += h[i][p][q] * (xs[q] - c[i][q]);
                    }
                }
                for (int q = 0; q < b; q++) {
                    hbar[p][q] /= n;
                }
                gStar[p] /= n;
            }
            return new Block(h, hbar, gStar, coords);
        }
    }

    /**
     * The independent blocks of a quadratic sum: one per coordinate of a diagonal sum, one for
     * the whole space of a rotated sum.
     *
     * @throws IllegalArgumentException for any other sum (its updates are not linear)
     */
    static List<Block> blocks(CertifiedSum f, double[] xStar) {
        int n = f.n();
        int d = f.dimension();
        List<Block> out = new ArrayList<>();
        if (f instanceof DiagonalQuadraticSum q) {
            for (int j = 0; j < d; j++) {
                double[][][] h = new double[n][1][1];
                double[][] c = new double[n][1];
                for (int i = 0; i < n; i++) {
                    h[i][0][0] = q.curvature(i, j);
                    c[i][0] = q.center(i, j);
                }
                out.add(Block.of(h, c, new double[] {xStar[j]}, new int[] {j}));
            }
            return out;
        }
        if (f instanceof RotatedQuadraticSum r) {
            double[][][] h = new double[n][][];
            double[][] c = new double[n][];
            int[] coords = new int[d];
            for (int i = 0; i < n; i++) {
                h[i] = r.componentHessian(i);
                c[i] = r.center(i);
            }
            for (int j = 0; j < d; j++) {
                coords[j] = j;
            }
            out.add(Block.of(h, c, xStar, coords));
            return out;
        }
        throw new IllegalArgumentException("moment propagation needs a quadratic sum, got " + f.describe());
    }

    /**
     * A linear map on a state of dimension k whose first b rows are {@code dense} (b x k) and whose
     * row p &gt;= b copies entry {@code src[p]} of the state.
     */
    record LinearMap(double[][] dense, double[][] denseAbs, int[] src) {

        LinearMap(double[][] dense, int[] src) {
            this(dense, abs(dense), src);
        }
    }

    /**
     * The second-moment step over a fixed set of maps, with its buffers: {@link #apply} replaces S
     * by (1/n) sum_s A_s S A_s^T (with |A_s| when {@code abs}, for the magnitude recursion on |S|)
     * and returns the array now holding it. It allocates nothing per step: a propagation runs
     * epochs x m steps of a small state, and on a diagonal sum (k = 3 per coordinate) fresh arrays
     * per step cost more than the arithmetic.
     */
    static final class Stepper {
        private final List<LinearMap> maps;
        private final double[][] work;
        private double[][] spare;

        Stepper(List<LinearMap> maps, int k) {
            this.maps = List.copyOf(maps);
            this.work = new double[maps.get(0).dense().length][k];
            this.spare = new double[k][k];
        }

        /**
         * S -&gt; (1/n) sum_s A_s S A_s^T. The result is written into a buffer of this stepper and
         * {@code s} becomes its next buffer, so the caller must not keep a reference to {@code s};
         * a state it still needs (an epoch's average) is passed as a copy.
         */
        double[][] apply(double[][] s, boolean abs) {
            double[][] out = spare;
            int n = maps.size();
            int k = s.length;
            for (double[] row : out) {
                java.util.Arrays.fill(row, 0);
            }
            for (LinearMap am : maps) {
                double[][] rows = abs ? am.denseAbs() : am.dense();
                int b = rows.length;
                int[] src = am.src();
                for (int p = 0; p < b; p++) {
                    double[] row = rows[p];
                    double[] ap = work[p];
                    java.util.Arrays.fill(ap, 0);
                    for (int r = 0; r < k; r++) {
                        double a = row[r];
                        double[] sr = s[r];
                        for (int q = 0; q < k; q++) {
                            ap[q] += a * sr[q];
                        }
                    }
                }
                for (int p = 0; p < k; p++) {
                    // row p of A S: computed for the dense rows, a row of S for the copying ones
                    double[] ap = p < b ? work[p] : s[src[p]];
                    double[] op = out[p];
                    for (int q = 0; q < b; q++) {
                        double v = 0;
                        double[] row = rows[q];
                        for (int r = 0; r < k; r++) {
                            v += ap[r] * row[r];
                        }
                        op[q] += v / n;
                    }
                    for (int q = b; q < k; q++) {
                        op[q] += ap[src[q]] / n;
                    }
                }
            }
            spare = s;
            return out;
        }
    }

    /** ||A||_inf: the largest absolute row sum of the map (a copying row sums to 1). */
    static double normInf(LinearMap am) {
        double m = 1;
        for (double[] row : am.denseAbs()) {
            double r = 0;
            for (double v : row) {
                r += v;
            }
            m = Math.max(m, r);
        }
        return m;
    }

    /** ||A||_1: the largest absolute column sum of the map (a copying row adds 1 to its source column). */
    static double norm1(LinearMap am) {
        double[][] rows = am.denseAbs();
        int k = am.src().length;
        double[] col = new double[k];
        for (double[] row : rows) {
            for (int q = 0; q < k; q++) {
                col[q] += row[q];
            }
        }
        for (int p = rows.length; p < k; p++) {
            col[am.src()[p]] += 1;
        }
        double m = 0;
        for (double c : col) {
            m = Math.max(m, c);
        }
        return m;
    }

    /** ||S||_inf: the largest absolute row sum. */
    static double rowSumMax(double[][] s) {
        double m = 0;
        for (double[] row : s) {
            double r = 0;
            for (double v : row) {
                r += Math.abs(v);
            }
            m = Math.max(m, r);
        }
        return m;
    }

    /** s += v I. */
    static void addIdentity(double[][] s, double v) {
        for (int p = 0; p < s.length; p++) {
            s[p][p] += v;
        }
    }

    /** u u^T. */
    static double[][] outer(double[] u) {
        int k = u.length;
        double[][] s = new double[k][k];
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) {
                s[p][q] = u[p] * u[q];
            }
        }
        return s;
    }

    /** Entrywise |s|. */
    static double[][] abs(double[][] s) {
        double[][] r = new double[s.length][];
        for (int p = 0; p < s.length; p++) {
            r[p] = new double[s[p].length];
            for (int q = 0; q < s[p].length; q++) {
                r[p][q] = Math.abs(s[p][q]);
            }
        }
        return r;
    }

    /** Entrywise |v|. */
    static double[] abs(double[] v) {
        double[] r = new double[v.length];
        for (int p = 0; p < v.length; p++) {
            r[p] = Math.abs(v[p]);
        }
        return r;
    }

    /** acc += w s. */
    static void add(double[][] acc, double[][] s, double w) {
        for (int p = 0; p < acc.length; p++) {
            for (int q = 0; q < acc[p].length; q++) {
                acc[p][q] += w * s[p][q];
            }
        }
    }

    /**
     * sum_{p,q &lt; b} (c H_pq) S[o + p][o + q]: c tr(H S_block) for the b x b block of S at offset o
     * (a quadratic form's expectation from the second moments).
     */
    static double quadratic(double c, double[][] h, double[][] s, int o) {
        double v = 0;
        for (int p = 0; p < h.length; p++) {
            for (int q = 0; q < h.length; q++) {
                v += c * h[p][q] * s[o + p][o + q];
            }
        }
        return v;
    }
}
