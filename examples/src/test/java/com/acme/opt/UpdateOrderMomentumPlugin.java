package com.acme.opt;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import io.optcheck.api.PluggableOptimizer;

/**
 * A deliberately wrong plug-in, to show what optcheck catches. It claims to be heavy ball, like
 * {@link AcmeMomentumPlugin}, but its step has the two updates in the wrong order, a mistake
 * that is easy to make when "x += v; v = momentum v - lr g" is written from memory:
 *
 * <pre>
 *   x_{t+1} = x_t + v_t                       (moves with the OLD velocity)
 *   v_{t+1} = momentum v_t - lr grad f(x_t)
 * </pre>
 *
 * The first step does not move at all (v_0 = 0), and from then on every step uses the gradient
 * of the previous iterate: x_{t+1} = x_t + momentum (x_t - x_{t-1}) - lr grad f(x_{t-1}), a
 * delayed-gradient method, not heavy ball.
 */
public final class UpdateOrderMomentumPlugin implements PluggableOptimizer {

    /** Position and velocity; never modified after construction. */
    public record State(double[] x, double[] v) {}

    @Override
    public String id() {
        return "acme.momentum-update-order-bug";
    }

    @Override
    public MethodKind kind() {
        return MethodKind.HEAVY_BALL;
    }

    @Override
    public Optimizer<State> create(Hyperparameters h) {
        double lr = h.get("lr");
        double momentum = h.get("momentum");
        return new Optimizer<>() {
            @Override
            public State init(double[] x0) {
                return new State(x0.clone(), new double[x0.length]);
            }

            @Override
            public State step(State s, Oracle oracle) {
                double[] g = oracle.gradient(s.x());
                double[] x = new double[g.length];
                double[] v = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    x[i] = s.x()[i] + s.v()[i]; // the bug: uses v_t, not v_{t+1}
                    v[i] = momentum * s.v()[i] - lr * g[i];
                }
                return new State(x, v);
            }

            @Override
            public double[] position(State s) {
                return s.x().clone();
            }

            @Override
            public boolean supportsCopy() {
                return true;
            }

            @Override
            public State copy(State s) {
                return new State(s.x().clone(), s.v().clone());
            }
        };
    }
}
