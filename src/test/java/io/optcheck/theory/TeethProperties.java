package io.optcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.prop.Phase;
import io.optcheck.result.Expected;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The design rules' "a check has teeth" and "counterexamples are found, not handed in", for
 * every theorem of the catalog:
 * <ul>
 *   <li>every holds regime, run with its bounds tightened by 1e-3 (or given a wrong constant
 *       where the bound is not tight), must break;</li>
 *   <li>every breaking regime must still break with the edge-case phase switched off.</li>
 * </ul>
 */
class TeethProperties {

    static final double EPS = 1e-3;

    @TestFactory
    Stream<DynamicTest> tightenedBoundsAreCaught() {
        return Catalog.builtIn().theorems().stream()
                .flatMap(t -> t.regimes().stream()
                        .filter(r -> r.expected() == Expected.HOLDS)
                        .map(r -> DynamicTest.dynamicTest(
                                t.id() + " / " + r.id() + " with bounds tightened by 1e-3", () -> {
                                    Result res =
                                            TheoremRunner.run(t.withTightenedBounds(EPS), r, 1000, RunSettings.ci());
                                    assertThat(res.outcome())
                                            .as(res.id() + " must break with a wrong bound")
                                            .isEqualTo(Outcome.BROKEN);
                                })));
    }

    @TestFactory
    Stream<DynamicTest> breakingRegimesBreakWithoutEdgeCases() {
        return Catalog.builtIn().theorems().stream()
                .flatMap(t -> t.regimes().stream()
                        .filter(Regime::breaking)
                        .map(r -> DynamicTest.dynamicTest(t.id() + " / " + r.id() + " without edge cases", () -> {
                            Result res = TheoremRunner.run(
                                    t, r, 1000, RunSettings.ci().withEdgeCases(false));
                            // A refusal (the method reported it cannot proceed) counts as broken where a break is
                            // expected (DESIGN.md "Outcomes", Verdicts).
                            assertThat(res.outcome()).as(res.id()).isIn(Outcome.BROKEN, Outcome.REFUSED);
                            assertThat(res.foundBy()).as(res.id()).isNotEqualTo(Phase.EDGE);
                            assertThat(res.counterexample()).isNotNull();
                        })));
    }
}
