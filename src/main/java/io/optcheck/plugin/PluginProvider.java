package io.optcheck.plugin;

import io.optcheck.method.Hyperparameters;
import io.optcheck.method.MethodKind;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.MethodProviders;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link PluggableOptimizer} as a {@link MethodProvider}: the methods it builds are
 * {@link PluginMethod}s, which run the user's optimizer behind guards (exceptions, NaN, wrong
 * length, modified inputs, and a per-step time limit). Immutable.
 *
 * <p>The per-step time limit is {@link #DEFAULT_STEP_TIMEOUT} (10 s) unless the system property
 * {@code optcheck.stepTimeoutSeconds} or {@link #withStepTimeout} says otherwise.
 */
public final class PluginProvider implements MethodProvider {

    /** The default limit for one call into a plug-in (init, step, position, copy): 10 seconds. */
    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(10);

    private final PluggableOptimizer plugin;
    private final Duration stepTimeout;
    private final Map<String, String> conventions;

    private PluginProvider(PluggableOptimizer plugin, Duration stepTimeout) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        if (stepTimeout.isNegative() || stepTimeout.isZero()) {
            throw new IllegalArgumentException("the step timeout must be positive, got " + stepTimeout);
        }
        this.stepTimeout = stepTimeout;
        String pid = plugin.id();
        if (pid == null || pid.isBlank() || pid.indexOf('/') >= 0) {
            throw new IllegalArgumentException(plugin.getClass().getName() + ".id() must be a non-blank id without '/', got '"
                + pid + "'");
        }
        if (plugin.kind() == null) {
            throw new IllegalArgumentException(plugin.getClass().getName() + ".kind() returned null; declare what the optimizer"
                + " claims to be, e.g. MethodKind.GD");
        }
        try {
            this.conventions = MethodProviders.resolvedConventions(plugin.kind(), plugin.conventions());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method " + pid + " declares conventions " + plugin.conventions() + ": "
                + e.getMessage());
        }
    }

    /** The provider of a plug-in, with the default (or system-property) step timeout. */
    public static PluginProvider of(PluggableOptimizer plugin) {
        String s = System.getProperty("optcheck.stepTimeoutSeconds");
        Duration d = DEFAULT_STEP_TIMEOUT;
        if (s != null && !s.isBlank()) {
            d = Duration.ofMillis(Math.round(Double.parseDouble(s.trim()) * 1000));
        }
        return new PluginProvider(plugin, d);
    }

    /** The same provider with another per-call time limit (positive). */
    public PluginProvider withStepTimeout(Duration timeout) {
        return new PluginProvider(plugin, timeout);
    }

    /** The per-call time limit. */
    public Duration stepTimeout() {
        return stepTimeout;
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
     */
    @Override
    public PluginMethod<?> create(Hyperparameters h) {
        Optimizer<?> o;
        try {
            o = plugin.create(h);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method " + id() + " rejected hyperparameters " + h.values() + ": "
                + e.getMessage(), e);
        }
        if (o == null) {
            throw new IllegalArgumentException("method " + id() + ": create(" + h.values() + ") returned null");
        }
        return PluginMethod.of(id(), o, stepTimeout);
    }

    @Override
    public String toString() {
        return "plug-in " + id() + " (" + kind().id() + ")";
    }

    static String describe(Duration d) {
        double s = d.toNanos() / 1e9;
        return String.format(Locale.ROOT, "%s s", s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s));
    }

}
