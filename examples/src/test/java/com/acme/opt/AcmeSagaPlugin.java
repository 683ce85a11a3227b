package com.acme.opt;

import io.optcheck.api.FiniteSumKind;
import io.optcheck.api.FiniteSumOptimizer;
import io.optcheck.api.FiniteSumOracle;
import io.optcheck.api.Hyperparameters;
import io.optcheck.api.PluggableFiniteSum;

/**
 * The adapter: AcmeSaga as an optcheck finite-sum method. It declares SAGA, takes lr from the
 * theorem (vr.saga chooses lr = 1/(2(mu n + L))), and reads the per-example gradients and the
 * index from optcheck's oracle, so that optcheck can enumerate every index a step can draw.
 */
public final class AcmeSagaPlugin implements PluggableFiniteSum {

    @Override
    public String id() {
        return "acme.saga";
    }

    @Override
    public FiniteSumKind kind() {
        return FiniteSumKind.SAGA;
    }

    @Override
    public FiniteSumOptimizer<AcmeSaga.State> create(Hyperparameters h) {
        double lr = h.get("lr");
        return new FiniteSumOptimizer<>() {
            @Override
            public AcmeSaga.State init(double[] x0) {
                return new AcmeSaga.State(x0.clone(), null);
            }

            @Override
            public AcmeSaga.State step(AcmeSaga.State s, FiniteSumOracle oracle) {
                return AcmeSaga.step(s, gradients(oracle), lr, oracle::nextIndex);
            }

            @Override
            public double[] position(AcmeSaga.State s) {
                return s.x().clone();
            }
        };
    }

    static AcmeSaga.Gradients gradients(FiniteSumOracle oracle) {
        return new AcmeSaga.Gradients() {
            @Override
            public int n() {
                return oracle.n();
            }

            @Override
            public double[] gradient(int i, double[] x) {
                return oracle.exampleGradient(i, x);
            }
        };
    }
}
