package io.optcheck.junit;

import io.optcheck.api.PluggableFiniteSum;
import io.optcheck.api.VarianceReducedEstimator;
import io.optcheck.method.plugin.FiniteSumPlugin;
import io.optcheck.run.TimeBox;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.vr.PluginVr;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

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
public final class FiniteSumCheck {

    private final Supplier<FiniteSumPlugin> plugin;
    private final Class<?> pluginClass;
    private final CheckSettings settings;

    private FiniteSumCheck(Supplier<FiniteSumPlugin> plugin, Class<?> pluginClass, CheckSettings settings) {
        this.plugin = plugin;
        this.pluginClass = pluginClass;
        this.settings = settings;
    }

    /** A check of a whole finite-sum method. */
    public static FiniteSumCheck of(PluggableFiniteSum method) {
        return new FiniteSumCheck(() -> FiniteSumPlugin.of(method), method.getClass(), CheckSettings.DEFAULT);
    }

    /** A check of a stateful estimator, stepped by optcheck (x+ = x - lr v). */
    public static FiniteSumCheck of(VarianceReducedEstimator<?> estimator) {
        return new FiniteSumCheck(() -> FiniteSumPlugin.of(estimator), estimator.getClass(), CheckSettings.DEFAULT);
    }

    private FiniteSumCheck with(CheckSettings s) {
        return new FiniteSumCheck(plugin, pluginClass, s);
    }

    /** Only these theorems: ids, or prefixes ending in '*'. */
    public FiniteSumCheck theorems(String... idsOrPrefixes) {
        return with(settings.theorems(idsOrPrefixes));
    }

    /** Tries per regime instead of each spec's CI count (at least 1). */
    public FiniteSumCheck tries(int n) {
        return with(settings.withTries(n));
    }

    /** Another seed (the default is fixed). */
    public FiniteSumCheck seed(long s) {
        return with(settings.withSeed(s));
    }

    /** Another limit for one try (default {@link TimeBox#defaultTimeout()}). */
    public FiniteSumCheck tryTimeout(Duration d) {
        return with(settings.withTryTimeout(d));
    }

    /** The dynamic tests: one container per theorem, one test per regime. */
    public Stream<DynamicNode> tests() {
        return RegimeTests.tree(plan());
    }

    CheckPlan plan() {
        List<Theorem<?>> theorems;
        String problem = null;
        try {
            theorems = PluginVr.of(plugin.get()).stream()
                    .filter(t -> settings.selects(t.id()))
                    .toList();
            if (theorems.isEmpty()) {
                problem = "no finite-sum theorem matches the filters " + settings.filters()
                        + "; the theorems are vr.svrg (for SVRG) and vr.saga (for SAGA). Zero applicable theorems is"
                        + " an error, not a pass.";
            }
        } catch (IllegalArgumentException e) {
            theorems = List.of();
            problem = e.getMessage();
        }
        return new CheckPlan(
                theorems,
                problem,
                problem != null ? List.of() : PluginVr.listing(theorems),
                settings,
                "--finite-sum-class",
                pluginClass.getName());
    }
}
