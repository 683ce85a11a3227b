package com.acme.opt;

import java.util.function.UnaryOperator;

/**
 * A team's own momentum optimizer, written without any reference to optcheck: the heavy-ball
 * method in velocity form, v_{t+1} = momentum v_t - lr grad f(x_t), x_{t+1} = x_t + v_{t+1}
 * (Polyak 1964). It is what optcheck checks in this example.
 */
public final class AcmeMomentum {

    private final double lr;
    private final double momentum;

    public AcmeMomentum(double lr, double momentum) {
        if (!(lr > 0) || !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("need lr > 0 and momentum in [0, 1), got " + lr + ", " + momentum);
        }
        this.lr = lr;
        this.momentum = momentum;
    }

    /** Position and velocity; never modified after construction. */
    public record State(double[] x, double[] v) {}

    public State start(double[] x0) {
        return new State(x0.clone(), new double[x0.length]);
    }

    /** One step; {@code gradient} maps a point to grad f there. */
    public State step(State s, UnaryOperator<double[]> gradient) {
        double[] g = gradient.apply(s.x());
        double[] v = new double[g.length];
        double[] x = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            v[i] = momentum * s.v()[i] - lr * g[i];
            x[i] = s.x()[i] + v[i];
        }
        return new State(x, v);
    }
}
