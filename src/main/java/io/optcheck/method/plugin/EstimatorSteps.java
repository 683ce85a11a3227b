package io.optcheck.method.plugin;

import io.optcheck.api.FiniteSumKind;
import io.optcheck.api.FiniteSumOptimizer;
import io.optcheck.api.FiniteSumOracle;
import io.optcheck.api.VarianceReducedEstimator;
import java.util.Arrays;

/**
 * optcheck's step rule around a user's {@link VarianceReducedEstimator}: x+ = x - lr v, and for
 * an SVRG estimator the epochs of SVRG Option II exactly as optcheck's own {@code Svrg} runs them
 * (the pick t uniform in {0, ..., m-1} is drawn with nextIndex(m) at the start of the epoch, the
 * m-th inner step returns x_pick, which becomes the next snapshot). The estimator sees the
 * snapshot point and keeps its own state; what it returns is checked (length d, finite entries).
 * Wrapped in a {@link PluginMethod} by {@link FiniteSumPlugin}, so its calls carry the same
 * guards as a user's optimizer.
 */
final class EstimatorSteps<U> implements FiniteSumOptimizer<EstimatorSteps.State<U>> {

    /**
     * The iterate, the snapshot, the inner index k, the epoch's pick (-1 before it is drawn) and the
     * picked iterate, whether the estimator has been initialised, and its state (which may be null).
     */
    record State<U>(double[] x, double[] snapshot, int k, int pick, double[] picked, boolean started, U user) {}

    private final VarianceReducedEstimator<U> estimator;
    private final double lr;
    private final int m;

    EstimatorSteps(VarianceReducedEstimator<U> estimator, double lr, int m) {
        this.estimator = estimator;
        this.lr = lr;
        this.m = m;
    }

    @Override
    public State<U> init(double[] x0) {
        return new State<>(x0.clone(), x0.clone(), 0, -1, null, false, null);
    }

    @Override
    public State<U> step(State<U> s, FiniteSumOracle oracle) {
        U user = s.started() ? s.user() : estimator.init(s.x().clone(), oracle.n());
        boolean svrg = estimator.kind() == FiniteSumKind.SVRG;
        int pick = s.pick();
        if (svrg && s.k() == 0) {
            pick = oracle.nextIndex(m);
        }
        VarianceReducedEstimator.Estimate<U> e =
                estimator.estimate(user, s.x().clone(), svrg ? s.snapshot().clone() : null, oracle);
        if (e == null || e.gradient() == null) {
            throw new IllegalStateException("estimator " + estimator.id() + " returned no estimate (null)");
        }
        double[] v = e.gradient();
        if (v.length != s.x().length) {
            throw new IllegalStateException("estimator " + estimator.id() + " returned an estimate of length "
                    + v.length + ", the dimension is " + s.x().length);
        }
        double[] next = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            if (!Double.isFinite(v[j])) {
                throw new IllegalStateException("estimator " + estimator.id() + " returned " + v[j] + " at coordinate "
                        + j + " from finite gradients: " + Arrays.toString(v));
            }
            next[j] = s.x()[j] - lr * v[j];
        }
        if (!svrg) {
            return new State<>(next, s.snapshot(), s.k() + 1, -1, null, true, e.state());
        }
        double[] picked = s.k() == pick ? s.x() : s.picked();
        int k = s.k() + 1;
        if (k < m) {
            return new State<>(next, s.snapshot(), k, pick, picked, true, e.state());
        }
        return new State<>(picked.clone(), picked.clone(), 0, -1, null, true, e.state());
    }

    @Override
    public double[] position(State<U> s) {
        return s.x().clone();
    }
}
