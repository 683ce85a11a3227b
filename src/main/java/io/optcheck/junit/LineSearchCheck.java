package io.optcheck.junit;

import io.optcheck.api.LineSearch;
import io.optcheck.run.PluginSelection;
import io.optcheck.theory.gd.PluginLineSearch;

/**
 * Checks your line search from JUnit 5:
 *
 * <pre>{@code
 * class MyLineSearchTest {
 *     @TestFactory
 *     Stream<DynamicNode> optcheck() {
 *         return LineSearchCheck.of(new MyBacktracking()).tests();
 *     }
 * }
 * }</pre>
 *
 * Steepest descent with the search runs on generated quadratics, and the condition the search
 * claims is checked at every accepted step with the constants it declares: gd.armijo always,
 * gd.wolfe and gd.zoutendijk for a strong Wolfe search ({@link PluginLineSearch}). A try that does
 * not finish within the try timeout (a search that never shrinks its step) fails its test with
 * "timeout"; the search's later regimes then fail unrun, since the thread cannot be stopped.
 *
 * <p>Immutable; the options return a new object, as in {@link OptimizerCheck}.
 */
public final class LineSearchCheck extends PluginCheck<LineSearchCheck> {

    private final LineSearch search;

    private LineSearchCheck(LineSearch search, CheckSettings settings) {
        super(settings);
        this.search = search;
    }

    /** A check of {@code search} against gd.armijo, gd.wolfe and gd.zoutendijk. */
    public static LineSearchCheck of(LineSearch search) {
        return new LineSearchCheck(search, CheckSettings.DEFAULT);
    }

    @Override
    LineSearchCheck with(CheckSettings s) {
        return new LineSearchCheck(search, s);
    }

    @Override
    CheckPlan plan() {
        return CheckPlan.of(
                () -> PluginSelection.lineSearch(search, settings.filters()),
                settings,
                "--line-search-class",
                search.getClass().getName());
    }
}
