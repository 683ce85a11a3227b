package io.optcheck.api;

/**
 * A user's finite-sum method (SVRG, SAGA) as optcheck checks it: an {@link Optimizer} whose steps
 * see a {@link FiniteSumOracle}. The contract of {@link Optimizer} applies (a step does not modify
 * the state it is given; the same answers give the same iterates), and each step does what the
 * declared {@link FiniteSumKind} says.
 *
 * @param <S> the method's state type (SVRG: iterate, snapshot and its full gradient; SAGA:
 *     iterate and table)
 */
public interface FiniteSumOptimizer<S> extends Optimizer<S> {

    /** One step: the state at t + 1, drawing its indices from {@code oracle}. */
    S step(S state, FiniteSumOracle oracle);

    /**
     * Calls {@link #step(Object, FiniteSumOracle)}; optcheck always hands a finite-sum method a
     * {@link FiniteSumOracle}.
     *
     * @throws IllegalStateException for any other oracle
     */
    @Override
    default S step(S state, Oracle oracle) {
        if (oracle instanceof FiniteSumOracle f) {
            return step(state, f);
        }
        throw new IllegalStateException(getClass().getName()
                + " is a finite-sum method: it needs a FiniteSumOracle (per-example gradients and indices), got "
                + oracle.getClass().getName());
    }
}
