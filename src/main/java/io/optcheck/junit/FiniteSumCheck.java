package io.optcheck.junit;

import io.optcheck.api.PluggableFiniteSum;
import io.optcheck.api.VarianceReducedEstimator;
import io.optcheck.method.plugin.FiniteSumPlugin;
import io.optcheck.run.PluginSelection;
import io.optcheck.theory.vr.PluginVr;
import java.util.function.Supplier;

/**
 * Checks your SVRG or SAGA from JUnit 5, a whole method or a stateful estimator:
 *
 * <pre>{@code
 * class MySagaTest {
 *     @TestFactory
 *     Stream<DynamicNode> optcheck() {
 *         return FiniteSumCheck.of(new MySaga()).tests();
 *     }
 * }
 * }</pre>
 *
 * The plug-in runs on generated finite sums (diagonal quadratic components with certified L and
 * mu) along drawn index paths; from each state it reaches, every index its next step can draw is
 * enumerated and the declared kind's theorem is checked EXACTLY ({@link PluginVr}): vr.saga's
 * one-step Lyapunov contraction and unbiasedness for SAGA, vr.svrg's unbiasedness and variance
 * bound for SVRG. A failing regime's message has the labelled lines of {@link OptimizerCheck}'s
 * and a replay line for {@code --finite-sum-class}.
 *
 * <p>Immutable; the options return a new object, as in {@link OptimizerCheck}.
 */
public final class FiniteSumCheck extends PluginCheck<FiniteSumCheck> {

    private final Supplier<FiniteSumPlugin> plugin;
    private final Class<?> pluginClass;

    private FiniteSumCheck(Supplier<FiniteSumPlugin> plugin, Class<?> pluginClass, CheckSettings settings) {
        super(settings);
        this.plugin = plugin;
        this.pluginClass = pluginClass;
    }

    /** A check of a whole finite-sum method. */
    public static FiniteSumCheck of(PluggableFiniteSum method) {
        return new FiniteSumCheck(() -> FiniteSumPlugin.of(method), method.getClass(), CheckSettings.DEFAULT);
    }

    /** A check of a stateful estimator, stepped by optcheck (x+ = x - lr v). */
    public static FiniteSumCheck of(VarianceReducedEstimator<?> estimator) {
        return new FiniteSumCheck(() -> FiniteSumPlugin.of(estimator), estimator.getClass(), CheckSettings.DEFAULT);
    }

    @Override
    FiniteSumCheck with(CheckSettings s) {
        return new FiniteSumCheck(plugin, pluginClass, s);
    }

    @Override
    CheckPlan plan() {
        return CheckPlan.of(
                () -> PluginSelection.finiteSum(plugin.get(), settings.filters()),
                settings,
                "--finite-sum-class",
                pluginClass.getName());
    }
}
