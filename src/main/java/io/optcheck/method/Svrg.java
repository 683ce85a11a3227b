package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.oracle.IndexOracle;
import io.optcheck.problem.Num;
import java.util.Arrays;

/**
 * SVRG (Johnson &amp; Zhang 2013, Procedure SVRG, Option II). Epoch s starts at the snapshot
 * x~ with its full gradient mu~ = grad f(x~) and x_0 = x~; inner steps t = 1..m draw i_t from the
 * oracle and move x_t = x_{t-1} - eta (grad f_i(x_{t-1}) - grad f_i(x~) + mu~). Option II: the
 * next snapshot is x_t for t drawn uniformly from {0, ..., m-1} (drawn from the oracle at the start
 * of the epoch). One {@link #step} is one inner step; the step that ends an epoch returns the new
 * snapshot as its iterate. With {@link #frozenSnapshot} the anchor x~, mu~ is never replaced (the
 * Option II pick still starts the next epoch): a faulty variant, kept for the breaking regime.
 *
 * <p>Needs an {@link IndexOracle}; any other oracle makes {@link #step} refuse. NaN and infinite
 * gradients propagate into x (the caller decides that a run has failed).
 */
public final class Svrg implements Method<Svrg.State> {

    private final double eta;
    private final int m;
    private final boolean frozen;

    private Svrg(double eta, int m, boolean frozen) {
        MethodArgs.requirePositiveFinite(eta, "eta");
        if (m < 1) {
            throw new IllegalArgumentException("inner length m must be >= 1, got " + m);
        }
        this.eta = eta;
        this.m = m;
        this.frozen = frozen;
    }

    /** SVRG, Option II, step eta and inner length m. */
    public static Svrg of(double eta, int m) {
        return new Svrg(eta, m, false);
    }

    /** The faulty variant that never refreshes its snapshot. */
    public static Svrg frozenSnapshot(double eta, int m) {
        return new Svrg(eta, m, true);
    }

    public double eta() {
        return eta;
    }

    public int innerLength() {
        return m;
    }

    @Override
    public String id() {
        return frozen ? "svrg-frozen-snapshot" : "svrg";
    }

    @Override
    public State init(double[] x0) {
        MethodArgs.requireStart(x0);
        return new State(x0.clone(), x0.clone(), null, 0, -1, null, 0, 0);
    }

    /**
     * The estimate grad f_i(x) - grad f_i(x~) + grad f(x~) at the state, for index i (the full
     * gradient at the snapshot is computed when the state does not hold it yet).
     */
    public double[] estimate(State s, IndexOracle oracle, int i) {
        int d = s.x.length;
        double[] mu = s.snapshotGradient;
        if (mu == null) {
            mu = new double[d];
            oracle.gradient(s.snapshot, mu);
        }
        double[] gi = new double[d];
        double[] gs = new double[d];
        oracle.exampleGradient(i, s.x, gi);
        oracle.exampleGradient(i, s.snapshot, gs);
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = gi[j] - gs[j] + mu[j];
        }
        return v;
    }

    @Override
    public State step(State s, GradientOracle oracle) {
        if (!(oracle instanceof IndexOracle io)) {
            throw new MethodRefusal("SVRG needs per-example gradients and an index sampler (an IndexOracle)");
        }
        int d = s.x.length;
        double[] mu = s.snapshotGradient;
        int pick = s.pick;
        if (s.k == 0 && (mu == null || pick < 0)) {
            if (mu == null) {
                mu = new double[d];
                io.gradient(s.snapshot, mu);
            }
            pick = io.nextIndex(m);
        }
        double[] picked = s.k == pick ? s.x : s.picked;
        int i = io.nextIndex(io.n());
        double[] gi = new double[d];
        double[] gs = new double[d];
        io.exampleGradient(i, s.x, gi);
        io.exampleGradient(i, s.snapshot, gs);
        double[] next = new double[d];
        for (int j = 0; j < d; j++) {
            next[j] = s.x[j] - eta * (gi[j] - gs[j] + mu[j]);
        }
        int k = s.k + 1;
        if (k < m) {
            return new State(next, s.snapshot, mu, k, pick, picked, s.t + 1, s.epoch);
        }
        // End of the epoch: Option II, the next epoch starts at x_pick; the anchor is replaced by it
        // (mu~ recomputed at the next step) unless the snapshot is frozen.
        if (frozen) {
            return new State(picked.clone(), s.snapshot, mu, 0, -1, null, s.t + 1, s.epoch + 1);
        }
        return new State(picked.clone(), picked.clone(), null, 0, -1, null, s.t + 1, s.epoch + 1);
    }

    @Override
    public String toString() {
        return id() + "(eta = " + Num.fmt(eta) + ", m = " + m + ")";
    }

    /**
     * x (the inner iterate, or the new snapshot after an epoch's last step), the snapshot x~ and
     * its full gradient (null until computed), the inner index k, the Option II pick of the epoch
     * (-1 before it is drawn) and the iterate picked so far, t, and the number of finished epochs.
     */
    public static final class State extends IterateState {
        private final double[] snapshot;
        private final double[] snapshotGradient;
        private final int k;
        private final int pick;
        private final double[] picked;
        private final int epoch;

        State(
                double[] x,
                double[] snapshot,
                double[] snapshotGradient,
                int k,
                int pick,
                double[] picked,
                int t,
                int epoch) {
            super(x, t);
            this.snapshot = snapshot;
            this.snapshotGradient = snapshotGradient;
            this.k = k;
            this.pick = pick;
            this.picked = picked;
            this.epoch = epoch;
        }

        /** The current snapshot x~ (a copy). */
        public double[] snapshot() {
            return snapshot.clone();
        }

        /** The number of finished epochs s. */
        public int epoch() {
            return epoch;
        }

        /** The inner index k in [0, m). */
        public int inner() {
            return k;
        }

        @Override
        public String toString() {
            return "svrg state t = " + t + ", epoch " + epoch + ", k = " + k + ", x = " + Arrays.toString(x);
        }
    }
}
