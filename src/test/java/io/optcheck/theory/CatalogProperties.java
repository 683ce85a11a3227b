package io.optcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.report.Result;
import io.optcheck.report.Verdict;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole catalog at CI depth, one test per theorem x method x regime: every verdict must be
 * "pass" (the regime held or broke as the theory says), or "info" with an outcome held or broken
 * for a regime where the theory gives no guarantee (expected none).
 */
class CatalogProperties {

  @TestFactory
  Stream<DynamicTest> everyRegimeAtCiDepth() {
    Catalog catalog = Catalog.builtIn();
    RunSettings settings = RunSettings.ci();
    return catalog.theorems().stream().flatMap(t -> t.regimes().stream().map(r ->
        DynamicTest.dynamicTest(t.id() + " [" + r.conclusion() + "] " + t.methodId() + " / " + r.id()
            + " (expected " + r.expected().json() + ")", () -> {
              Spec spec = Specs.load(t.id());
              Result res = TheoremRunner.run(t, r, settings.triesFor(spec.ciTries(), spec.fullTries()), settings);
              System.out.println(res.id() + " -> " + res.outcome() + " worst=" + res.worstRatio()
                  + " foundBy=" + res.foundBy() + " tries=" + res.tries()
                  + (res.counterexample() != null ? "\n   " + res.counterexample().summary() : "")
                  + (res.error() != null ? "\n   ERROR " + res.error().message() : "")
                  + (res.threshold() != null ? "\n   threshold " + res.threshold() : ""));
              // A regime with no guarantee either way (expected none) always has verdict info; it must
              // still run to an outcome (held or broken), not end in an error.
              assertThat(res.verdict()).as(res.id() + ": " + res.outcome())
                  .isEqualTo(r.expected() == io.optcheck.report.Expected.NONE ? Verdict.INFO : Verdict.PASS);
              if (r.expected() == io.optcheck.report.Expected.NONE) {
                assertThat(res.outcome()).as(res.id()).isIn(io.optcheck.report.Outcome.HELD,
                    io.optcheck.report.Outcome.BROKEN);
              }
            })));
  }
}
