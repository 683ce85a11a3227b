package io.optcheck.junit;

import io.optcheck.api.LineSearch;
import io.optcheck.run.TimeBox;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.gd.PluginLineSearch;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

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
public final class LineSearchCheck {

    private final LineSearch search;
    private final CheckSettings settings;

    private LineSearchCheck(LineSearch search, CheckSettings settings) {
        this.search = search;
        this.settings = settings;
    }

    /** A check of {@code search} against gd.armijo, gd.wolfe and gd.zoutendijk. */
    public static LineSearchCheck of(LineSearch search) {
        return new LineSearchCheck(search, CheckSettings.DEFAULT);
    }

    /** Only these theorems: ids, or prefixes ending in '*'. */
    public LineSearchCheck theorems(String... idsOrPrefixes) {
        return new LineSearchCheck(search, settings.theorems(idsOrPrefixes));
    }

    /** Tries per regime instead of each spec's CI count (at least 1). */
    public LineSearchCheck tries(int n) {
        return new LineSearchCheck(search, settings.withTries(n));
    }

    /** Another seed (the default is fixed). */
    public LineSearchCheck seed(long s) {
        return new LineSearchCheck(search, settings.withSeed(s));
    }

    /** Another limit for one try (default {@link TimeBox#defaultTimeout()}). */
    public LineSearchCheck tryTimeout(Duration d) {
        return new LineSearchCheck(search, settings.withTryTimeout(d));
    }

    /** The dynamic tests: one container per theorem, one test per regime. */
    public Stream<DynamicNode> tests() {
        return RegimeTests.tree(plan());
    }

    CheckPlan plan() {
        List<Theorem<?>> theorems;
        String problem = null;
        try {
            theorems = PluginLineSearch.all(search).stream()
                    .filter(t -> settings.selects(t.id()))
                    .toList();
            if (theorems.isEmpty()) {
                problem = "no line-search theorem matches the filters " + settings.filters()
                        + "; the theorems are gd.armijo,"
                        + " gd.wolfe and gd.zoutendijk. Zero applicable theorems is an error, not a pass.";
            }
        } catch (IllegalArgumentException e) {
            theorems = List.of();
            problem = e.getMessage();
        }
        List<String> listing = problem != null
                ? List.of()
                : theorems.stream()
                        .map(t -> "line search " + t.methodId() + " " + t.conventions() + ": " + t.id() + " / holds"
                                + t.notApplicable(t.regimes().get(0))
                                        .map(r -> ": not applicable: " + r)
                                        .orElse(""))
                        .toList();
        return new CheckPlan(
                theorems,
                problem,
                listing,
                settings,
                "--line-search-class",
                search.getClass().getName());
    }
}
