package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.oracle.IndexOracle;
import io.optcheck.problem.Num;
import java.util.Arrays;

/**
 * Federated averaging with full participation and equal client weights (McMahan et al. 2017,
 * Algorithm 1 with C = 1 and full-batch local steps; the setting of Charles &amp; Konecny 2021,
 * sec. 2): each round every client k (the terms f_k of the oracle's finite sum) runs E local
 * gradient steps y &lt;- y - eta grad f_k(y) from the server model x, and the server sets x to the
 * average of the K results. Deterministic: no index is drawn. One {@link #step} is one round
 * (K E gradient calls).
 *
 * <p>Needs an {@link IndexOracle} (for the clients' gradients); any other oracle makes
 * {@link #step} refuse. NaN and infinite gradients propagate into x.
 */
public record FedAvg(double eta, int localSteps) implements Method<FedAvg.State> {

    /**
     * @param eta local step, finite and &gt; 0
     * @param localSteps E &gt;= 1
     */
    public FedAvg {
        MethodArgs.requirePositiveFinite(eta, "eta");
        if (localSteps < 1) {
            throw new IllegalArgumentException("local steps E must be >= 1, got " + localSteps);
        }
    }

    @Override
    public String id() {
        return "fedavg";
    }

    @Override
    public State init(double[] x0) {
        MethodArgs.requireStart(x0);
        return new State(x0.clone(), 0);
    }

    @Override
    public State step(State s, GradientOracle oracle) {
        if (!(oracle instanceof IndexOracle io)) {
            throw new MethodRefusal("FedAvg needs the clients' gradients (an IndexOracle)");
        }
        int d = s.x.length;
        int clients = io.n();
        double[] sum = new double[d];
        double[] g = new double[d];
        for (int k = 0; k < clients; k++) {
            double[] y = s.x.clone();
            for (int e = 0; e < localSteps; e++) {
                io.exampleGradient(k, y, g);
                for (int j = 0; j < d; j++) {
                    y[j] -= eta * g[j];
                }
            }
            for (int j = 0; j < d; j++) {
                sum[j] += y[j];
            }
        }
        for (int j = 0; j < d; j++) {
            sum[j] /= clients;
        }
        return new State(sum, s.t + 1);
    }

    @Override
    public String toString() {
        return "fedavg(eta = " + Num.fmt(eta) + ", E = " + localSteps + ")";
    }

    /** The server model x_t after t rounds. Immutable. */
    public static final class State extends IterateState {

        State(double[] x, int t) {
            super(x, t);
        }

        @Override
        public String toString() {
            return "fedavg state t = " + t + ", x = " + Arrays.toString(x);
        }
    }
}
