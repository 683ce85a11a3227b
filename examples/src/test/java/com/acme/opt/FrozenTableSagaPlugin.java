package com.acme.opt;

import io.optcheck.api.FiniteSumKind;
import io.optcheck.api.FiniteSumOptimizer;
import io.optcheck.api.FiniteSumOracle;
import io.optcheck.api.Hyperparameters;
import io.optcheck.api.PluggableFiniteSum;

/**
 * A deliberately wrong SAGA, to show what optcheck catches: it computes the SAGA step but keeps the
 * table of its first step forever (the new gradient is never stored). Its estimator stays
 * unbiased, so unbiasedness holds; its variance no longer vanishes at x*, and the Lyapunov
 * function stops contracting once the iterate has moved away from where the table was filled.
 */
public final class FrozenTableSagaPlugin implements PluggableFiniteSum {

    @Override
    public String id() {
        return "acme.saga-frozen-table-bug";
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
                AcmeSaga.Gradients f = AcmeSagaPlugin.gradients(oracle);
                AcmeSaga.Table table = s.table() == null ? AcmeSaga.Table.at(f, s.x()) : s.table();
                AcmeSaga.State next = AcmeSaga.step(new AcmeSaga.State(s.x(), table), f, lr, oracle::nextIndex);
                return new AcmeSaga.State(next.x(), table); // the bug: the updated table is dropped
            }

            @Override
            public double[] position(AcmeSaga.State s) {
                return s.x().clone();
            }
        };
    }
}
