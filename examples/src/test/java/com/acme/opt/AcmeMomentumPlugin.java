package com.acme.opt;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import io.optcheck.api.PluggableOptimizer;

/**
 * The adapter that hands AcmeMomentum to optcheck. It lives in test code, so the optimizer
 * itself ships without an optcheck dependency. It declares what AcmeMomentum claims to be
 * (the heavy-ball method), and builds one with the hyperparameters each theorem chooses.
 */
public final class AcmeMomentumPlugin implements PluggableOptimizer {

    @Override
    public String id() {
        return "acme.momentum";
    }

    @Override
    public MethodKind kind() {
        return MethodKind.HEAVY_BALL;
    }

    @Override
    public Optimizer<AcmeMomentum.State> create(Hyperparameters h) {
        AcmeMomentum m = new AcmeMomentum(h.get("lr"), h.get("momentum"));
        return new Optimizer<>() {
            @Override
            public AcmeMomentum.State init(double[] x0) {
                return m.start(x0);
            }

            @Override
            public AcmeMomentum.State step(AcmeMomentum.State state, Oracle oracle) {
                return m.step(state, oracle::gradient);
            }

            @Override
            public double[] position(AcmeMomentum.State state) {
                return state.x().clone();
            }

            @Override
            public boolean supportsCopy() {
                return true;
            }

            @Override
            public AcmeMomentum.State copy(AcmeMomentum.State state) {
                return new AcmeMomentum.State(state.x().clone(), state.v().clone());
            }
        };
    }
}
