package com.acme.opt;

import java.util.function.IntUnaryOperator;

/**
 * Acme's SAGA (Defazio, Bach &amp; Lacoste-Julien 2014, without the prox step), written with no
 * optcheck dependency. A {@link Table} holds g_i = grad f_i(phi_i) and its running sum; a step draws
 * j, moves x+ = x - lr (grad f_j(x) - g_j + (1/n) sum_i g_i) and stores g_j = grad f_j(x). Steps
 * return a new table and leave the old one unchanged.
 */
public final class AcmeSaga {

    /** Per-example gradients of a finite sum. */
    public interface Gradients {
        int n();

        double[] gradient(int i, double[] x);
    }

    /** The stored gradients and their sum; immutable. */
    public record Table(double[][] rows, double[] sum) {

        /** The table at x0: g_i = grad f_i(x0). */
        public static Table at(Gradients f, double[] x0) {
            double[][] rows = new double[f.n()][];
            double[] sum = new double[x0.length];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = f.gradient(i, x0);
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += rows[i][k];
                }
            }
            return new Table(rows, sum);
        }

        /** A copy with row j replaced (and the sum kept up to date). */
        public Table with(int j, double[] g) {
            double[][] r = rows.clone();
            double[] s = sum.clone();
            for (int k = 0; k < s.length; k++) {
                s[k] += g[k] - r[j][k];
            }
            r[j] = g;
            return new Table(r, s);
        }
    }

    /** The iterate and the table. */
    public record State(double[] x, Table table) {}

    private AcmeSaga() {}

    /**
     * One SAGA step.
     *
     * @param pick draws the index: bound -&gt; uniform in [0, bound)
     */
    public static State step(State s, Gradients f, double lr, IntUnaryOperator pick) {
        Table t = s.table() == null ? Table.at(f, s.x()) : s.table();
        int n = f.n();
        int j = pick.applyAsInt(n);
        double[] gj = f.gradient(j, s.x());
        double[] x = s.x().clone();
        for (int k = 0; k < x.length; k++) {
            x[k] -= lr * (gj[k] - t.rows()[j][k] + t.sum()[k] / n);
        }
        return new State(x, t.with(j, gj));
    }
}
