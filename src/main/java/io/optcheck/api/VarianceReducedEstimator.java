package io.optcheck.api;

/**
 * A user's variance-reduced gradient ESTIMATOR that keeps state across calls (SAGA's table, a
 * cached full gradient) or sees a snapshot point (SVRG), checked as a finite-sum method: optcheck
 * runs x+ = x - lr v with it and applies the theorems of its {@link FiniteSumKind}.
 * <ul>
 *   <li>{@link FiniteSumKind#SVRG}: optcheck runs the epochs (inner length m, Option II snapshot
 *       drawn with nextIndex(m)) and passes the epoch's snapshot point x~ to every call; the
 *       estimate should be grad f_i(x) - grad f_i(x~) + grad f(x~) with i = nextIndex(n).</li>
 *   <li>{@link FiniteSumKind#SAGA}: the snapshot argument is null; the estimator keeps its table
 *       in its state, draws one index j = nextIndex(n) per call and returns
 *       grad f_j(x) - g_j + (1/n) sum_i g_i, storing g_j = grad f_j(x) in the new state.</li>
 * </ul>
 * Contract: do not modify the state passed in (return a new one), draw indices only from the
 * oracle, return a fresh array of length d with finite entries. A breach is an error result
 * naming the estimator and the step.
 *
 * @param <S> the estimator's state type
 */
public interface VarianceReducedEstimator<S> {

    /** The estimate and the estimator's state after it. */
    record Estimate<S>(double[] gradient, S state) {}

    /** The estimator id in reports. Default: the class's fully qualified name. */
    default String id() {
        return getClass().getName();
    }

    /** What the estimator claims to be. */
    FiniteSumKind kind();

    /** The state before the first call, at x_0 (n terms, dimension d). */
    S init(double[] x0, int n);

    /**
     * One estimate of grad f(x).
     *
     * @param state the state after the previous call (not to be modified)
     * @param x the current point
     * @param snapshot SVRG: the current epoch's snapshot point x~; SAGA: null
     * @param oracle per-example gradients and the random indices
     */
    Estimate<S> estimate(S state, double[] x, double[] snapshot, FiniteSumOracle oracle);
}
