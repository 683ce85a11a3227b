package io.optcheck.method.plugin;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.api.Precision;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.MethodProviders;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link PluggableOptimizer} as a {@link MethodProvider}: the methods it builds are
 * {@link PluginMethod}s, which call the user's optimizer directly behind guards (exceptions, NaN,
 * wrong length, modified inputs). Immutable. Time limits are per try, set where the regime runs
 * (the command line's worker supervision, or {@code OptimizerCheck.tryTimeout} in JUnit).
 */
public final class PluginProvider implements MethodProvider {

    private final PluggableOptimizer plugin;
    private final Map<String, String> conventions;
    private final Precision precision;

    private PluginProvider(PluggableOptimizer plugin) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        String pid = plugin.id();
        if (pid == null || pid.isBlank() || pid.indexOf('/') >= 0) {
            throw new IllegalArgumentException(
                    plugin.getClass().getName() + ".id() must be a non-blank id without '/', got '" + pid + "'");
        }
        if (plugin.kind() == null) {
            throw new IllegalArgumentException(plugin.getClass().getName()
                    + ".kind() returned null; declare what the optimizer" + " claims to be, e.g. MethodKind.GD");
        }
        this.precision = plugin.precision();
        if (precision == null) {
            throw new IllegalArgumentException(plugin.getClass().getName()
                    + ".precision() returned null; declare the format the optimizer computes in, e.g. Precision.FLOAT32,"
                    + " or leave the default (FLOAT64)");
        }
        try {
            this.conventions = MethodProviders.resolvedConventions(plugin.kind(), plugin.conventions());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "method " + pid + " declares conventions " + plugin.conventions() + ": " + e.getMessage());
        }
    }

    /**
     * The provider of a plug-in.
     *
     * @throws IllegalArgumentException naming the class when its id, kind or conventions are unusable
     */
    public static PluginProvider of(PluggableOptimizer plugin) {
        return new PluginProvider(plugin);
    }

    /** The plug-in. */
    public PluggableOptimizer plugin() {
        return plugin;
    }

    @Override
    public String id() {
        return plugin.id();
    }

    @Override
    public MethodKind kind() {
        return plugin.kind();
    }

    /** The declared conventions with the defaults of {@link MethodProviders} filled in. */
    @Override
    public Map<String, String> conventions() {
        return conventions;
    }

    /** The declared format. */
    @Override
    public Precision precision() {
        return precision;
    }

    /** The declared hyperparameter ranges. */
    public Map<String, PluggableOptimizer.Range> ranges() {
        Map<String, PluggableOptimizer.Range> r = plugin.hyperparameterRanges();
        return r == null ? Map.of() : r;
    }

    /**
     * A guarded method around {@code plugin.create(h)}.
     *
     * @throws IllegalArgumentException naming the method and the hyperparameters when the plug-in
     *     rejects them or returns null
     * @throws IllegalStateException naming the error when create() throws a LinkageError (a
     *     library that cannot be loaded: ExceptionInInitializerError, NoClassDefFoundError,
     *     UnsatisfiedLinkError): an error result of the regime, never the end of the run
     */
    @Override
    public PluginMethod<?> create(Hyperparameters h) {
        Optimizer<?> o;
        try {
            o = plugin.create(h);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "method " + id() + " rejected hyperparameters " + h.values() + ": " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw new IllegalStateException(
                    "method " + id() + " cannot be built: create(" + h.values() + ") threw " + PluginMethod.describe(e),
                    e);
        }
        if (o == null) {
            throw new IllegalArgumentException("method " + id() + ": create(" + h.values() + ") returned null");
        }
        return PluginMethod.of(id(), o);
    }

    @Override
    public String toString() {
        return "plug-in " + id() + " (" + kind().id() + ")";
    }
}
