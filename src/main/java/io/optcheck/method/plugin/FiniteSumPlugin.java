package io.optcheck.method.plugin;

import io.optcheck.api.FiniteSumKind;
import io.optcheck.api.FiniteSumOptimizer;
import io.optcheck.api.Hyperparameters;
import io.optcheck.api.PluggableFiniteSum;
import io.optcheck.api.VarianceReducedEstimator;
import java.util.Objects;

/**
 * A finite-sum plug-in as optcheck runs it: a user's whole method ({@link PluggableFiniteSum}) or
 * a user's stateful estimator ({@link VarianceReducedEstimator}) under optcheck's step rule
 * ({@link EstimatorSteps}). Either way the methods it builds are {@link PluginMethod}s, guarded
 * like every plug-in, that need an {@code IndexOracle}. Immutable.
 */
public final class FiniteSumPlugin {

    private final PluggableFiniteSum method;
    private final VarianceReducedEstimator<?> estimator;
    private final String id;
    private final FiniteSumKind kind;

    private FiniteSumPlugin(PluggableFiniteSum method, VarianceReducedEstimator<?> estimator) {
        this.method = method;
        this.estimator = estimator;
        Object p = method != null ? method : estimator;
        String name = p.getClass().getName();
        this.id = method != null ? method.id() : estimator.id();
        this.kind = method != null ? method.kind() : estimator.kind();
        if (id == null || id.isBlank() || id.indexOf('/') >= 0) {
            throw new IllegalArgumentException(name + ".id() must be a non-blank id without '/', got '" + id + "'");
        }
        if (kind == null) {
            throw new IllegalArgumentException(name + ".kind() returned null; declare what it claims to be:"
                    + " FiniteSumKind.SVRG or FiniteSumKind.SAGA");
        }
    }

    /**
     * A whole finite-sum method.
     *
     * @throws IllegalArgumentException naming the class when its id or kind is unusable
     */
    public static FiniteSumPlugin of(PluggableFiniteSum method) {
        return new FiniteSumPlugin(Objects.requireNonNull(method, "method"), null);
    }

    /**
     * A stateful estimator under optcheck's step x+ = x - lr v.
     *
     * @throws IllegalArgumentException naming the class when its id or kind is unusable
     */
    public static FiniteSumPlugin of(VarianceReducedEstimator<?> estimator) {
        return new FiniteSumPlugin(null, Objects.requireNonNull(estimator, "estimator"));
    }

    public String id() {
        return id;
    }

    public FiniteSumKind kind() {
        return kind;
    }

    /** True for a {@link VarianceReducedEstimator}, stepped by optcheck. */
    public boolean isEstimator() {
        return estimator != null;
    }

    /** The user's class. */
    public Class<?> pluginClass() {
        return (method != null ? method : estimator).getClass();
    }

    /**
     * A guarded method with these hyperparameters (lr, and m for SVRG).
     *
     * @throws IllegalArgumentException naming the method and the values when it rejects them or returns null
     */
    public PluginMethod<?> create(Hyperparameters h) {
        if (estimator != null) {
            int m = kind == FiniteSumKind.SVRG ? (int) h.get("m") : 1;
            return PluginMethod.of(id, steps(estimator, h.get("lr"), m));
        }
        FiniteSumOptimizer<?> o;
        try {
            o = method.create(h);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "method " + id + " rejected hyperparameters " + h.values() + ": " + e.getMessage(), e);
        }
        if (o == null) {
            throw new IllegalArgumentException("method " + id + ": create(" + h.values() + ") returned null");
        }
        return PluginMethod.of(id, o);
    }

    private static <U> EstimatorSteps<U> steps(VarianceReducedEstimator<U> e, double lr, int m) {
        return new EstimatorSteps<>(e, lr, m);
    }

    @Override
    public String toString() {
        return (estimator != null ? "estimator " : "method ") + id + " (" + kind.id() + ")";
    }
}
