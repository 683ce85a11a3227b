package io.optcheck.api;

/**
 * The class a user hands to optcheck to check a whole finite-sum method (from JUnit with
 * {@code FiniteSumCheck}, or with {@code --finite-sum-class} on the command line, where it needs
 * a public no-argument constructor). It declares the {@link FiniteSumKind} and builds instances
 * with the hyperparameters a theorem chooses (for vr.saga, lr = 1/(2(mu n + L))).
 */
public interface PluggableFiniteSum {

    /** The method id in reports. Default: the class's fully qualified name. */
    default String id() {
        return getClass().getName();
    }

    /** What the method claims to be. */
    FiniteSumKind kind();

    /**
     * A fresh method with these hyperparameters ({@link FiniteSumKind#hyperparameters()}; SVRG's
     * {@code m} is a whole number).
     *
     * @throws IllegalArgumentException when a value is outside what the method supports; the
     *     theorem then reports the instance as an error naming the value
     */
    FiniteSumOptimizer<?> create(Hyperparameters h);
}
