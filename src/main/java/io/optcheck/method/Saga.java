package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.oracle.IndexOracle;
import io.optcheck.problem.Num;
import java.util.Arrays;

/**
 * SAGA (Defazio, Bach &amp; Lacoste-Julien 2014, Algorithm in sec. 2, without the prox step): a
 * table of stored gradients g_i = grad f_i(phi_i). Each step draws j from the oracle and moves
 * x+ = x - eta (grad f_j(x) - g_j + (1/n) sum_i g_i), then stores g_j = grad f_j(x) (phi_j = x).
 * With {@link #frozenTable} the table is never updated (the estimator is still unbiased, but its
 * variance no longer vanishes at x*): a faulty variant, kept for the breaking regime.
 *
 * <p>Needs an {@link IndexOracle}; any other oracle makes {@link #step} refuse. The initial
 * table of {@link #init(double[])} is grad f_i(x0), filled at the first step (n gradient calls).
 * NaN and infinite gradients propagate into x (the caller decides that a run has failed).
 */
public final class Saga implements Method<Saga.State> {

    private final double eta;
    private final boolean frozen;

    private Saga(double eta, boolean frozen) {
        MethodArgs.requirePositiveFinite(eta, "eta");
        this.eta = eta;
        this.frozen = frozen;
    }

    /** SAGA with step eta. */
    public static Saga of(double eta) {
        return new Saga(eta, false);
    }

    /** The faulty variant whose table is never updated. */
    public static Saga frozenTable(double eta) {
        return new Saga(eta, true);
    }

    public double eta() {
        return eta;
    }

    @Override
    public String id() {
        return frozen ? "saga-frozen-table" : "saga";
    }

    @Override
    public State init(double[] x0) {
        MethodArgs.requireStart(x0);
        return new State(x0.clone(), null, 0);
    }

    /** A state at x0 with a given table of stored gradients (rows copied; n rows of length d). */
    public State init(double[] x0, double[][] table) {
        if (x0 == null || x0.length == 0 || table == null || table.length == 0) {
            throw new IllegalArgumentException("x0 and the table must be non-empty");
        }
        double[][] t = new double[table.length][];
        for (int i = 0; i < table.length; i++) {
            if (table[i].length != x0.length) {
                throw new IllegalArgumentException("table row " + i + " has length " + table[i].length);
            }
            t[i] = table[i].clone();
        }
        return new State(x0.clone(), t, 0);
    }

    /** The estimate grad f_j(x) - g_j + (1/n) sum_i g_i at the state, for index j. */
    public double[] estimate(State s, IndexOracle oracle, int j) {
        double[][] table = s.table == null ? fill(s.x, oracle) : s.table;
        return estimate(s.x, table, oracle, j, new double[s.x.length]);
    }

    private static double[] estimate(double[] x, double[][] table, IndexOracle oracle, int j, double[] gj) {
        int n = table.length;
        int d = x.length;
        oracle.exampleGradient(j, x, gj);
        double[] v = new double[d];
        for (int k = 0; k < d; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += table[i][k];
            }
            v[k] = gj[k] - table[j][k] + mean / n;
        }
        return v;
    }

    private static double[][] fill(double[] x, IndexOracle oracle) {
        double[][] t = new double[oracle.n()][x.length];
        for (int i = 0; i < t.length; i++) {
            oracle.exampleGradient(i, x, t[i]);
        }
        return t;
    }

    @Override
    public State step(State s, GradientOracle oracle) {
        if (!(oracle instanceof IndexOracle io)) {
            throw new MethodRefusal("SAGA needs per-example gradients and an index sampler (an IndexOracle)");
        }
        double[][] table = s.table == null ? fill(s.x, io) : s.table;
        if (table.length != io.n()) {
            throw new IllegalArgumentException("table has " + table.length + " rows, the oracle " + io.n() + " terms");
        }
        int j = io.nextIndex(io.n());
        double[] gj = new double[s.x.length];
        double[] v = estimate(s.x, table, io, j, gj);
        double[] next = new double[s.x.length];
        for (int k = 0; k < next.length; k++) {
            next[k] = s.x[k] - eta * v[k];
        }
        double[][] t = table;
        if (!frozen) {
            t = table.clone();
            t[j] = gj;
        }
        return new State(next, t, s.t + 1);
    }

    @Override
    public String toString() {
        return id() + "(eta = " + Num.fmt(eta) + ")";
    }

    /** x_t, the table of stored gradients (null until the first step fills it), t. Immutable. */
    public static final class State extends IterateState {
        private final double[][] table;

        State(double[] x, double[][] table, int t) {
            super(x, t);
            this.table = table;
        }

        /** A copy of the stored gradient of term i (null before the table is filled). */
        public double[] stored(int i) {
            return table == null ? null : table[i].clone();
        }

        @Override
        public String toString() {
            return "saga state t = " + t + ", x = " + Arrays.toString(x);
        }
    }
}
