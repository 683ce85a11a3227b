package io.optcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.result.Expected;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole catalog at CI depth, one test per theorem x method x regime: every verdict must be
 * "pass" (the regime held or broke as the theory says), or "info" for a regime where the theory
 * gives no guarantee; no result may be an error.
 */
class CatalogProperties {

    @TestFactory
    Stream<DynamicTest> everyRegimeAtCiDepth() {
        Catalog catalog = Catalog.builtIn();
        RunSettings settings = RunSettings.ci();
        return catalog.theorems().stream()
                .flatMap(t -> t.regimes().stream()
                        .map(r -> DynamicTest.dynamicTest(
                                t.id() + " [" + r.conclusion() + "] " + t.methodId() + " / " + r.id() + " (expected "
                                        + r.expected().json() + ")",
                                () -> {
                                    Spec spec = Specs.load(t.id());
                                    Result res = TheoremRunner.run(
                                            t, r, settings.triesFor(spec.ciTries(), spec.fullTries()), settings);
                                    System.out.println(res.id() + " -> " + res.outcome() + " worst=" + res.worstRatio()
                                            + " foundBy=" + res.foundBy() + " tries=" + res.tries()
                                            + (res.counterexample() != null
                                                    ? "\n   "
                                                            + res.counterexample()
                                                                    .summary()
                                                    : "")
                                            + (res.error() != null
                                                    ? "\n   ERROR "
                                                            + res.error().message()
                                                    : "")
                                            + (res.threshold() != null ? "\n   threshold " + res.threshold() : ""));
                                    // pass: held or broke as the theory says; info: a "no guarantee" regime, reported
                                    // only.
                                    assertThat(res.verdict())
                                            .as(res.id() + ": " + res.outcome())
                                            .isEqualTo(r.expected() == Expected.NONE ? Verdict.INFO : Verdict.PASS);
                                    assertThat(res.outcome())
                                            .as(res.id() + " must not err")
                                            .isNotEqualTo(Outcome.ERROR);
                                })));
    }
}
