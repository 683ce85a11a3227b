package io.optcheck.theory.vr;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.report.Expected;
import io.optcheck.report.Outcome;
import io.optcheck.report.Result;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Spec;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The variance-reduction, one-step and FedAvg theorems at CI depth on their own, with what each
 * regime found printed (the catalog-wide tests run them again; this is the quick loop): holds
 * regimes hold, breaking regimes break with a shrunk counterexample, tightened bounds are caught,
 * and breaking regimes break with edge cases off and not in the edge phase.
 */
class VrCatalogProperties {

  private static Stream<Theorem<?>> mine() {
    return Catalog.builtIn().theorems().stream()
        .filter(t -> t.getClass().getPackageName().equals(VrCatalogProperties.class.getPackageName()));
  }

  @TestFactory
  Stream<DynamicTest> everyRegime() {
    return mine().flatMap(t -> t.regimes().stream().map(r -> DynamicTest.dynamicTest(t.id() + " / " + r.id(), () -> {
      Spec spec = Specs.load(t.id());
      long t0 = System.nanoTime();
      Result res = TheoremRunner.run((Theorem<?>) t, r, spec.ciTries(), RunSettings.ci());
      System.out.printf(Locale.ROOT, "%s -> %s worst=%s foundBy=%s %d ms%n   %s%n   threshold %s extra %s%n",
          res.id(), res.outcome(), res.worstRatio(), res.foundBy(), (System.nanoTime() - t0) / 1_000_000,
          res.counterexample() == null ? "-" : res.counterexample().summary(), res.threshold(), res.extra());
      if (r.expected() != Expected.NONE) {
        assertThat(res.outcome()).as(res.id())
            .isEqualTo(r.expected() == Expected.BREAKS ? Outcome.BROKEN : Outcome.HELD);
      }
      assertThat(res.outcome()).isNotEqualTo(Outcome.ERROR);
      if (r.expected() == Expected.BREAKS) {
        assertThat(res.counterexample()).isNotNull();
      }
    })));
  }

  @TestFactory
  Stream<DynamicTest> teethAndNoEdgeCases() {
    return mine().flatMap(t -> t.regimes().stream().filter(r -> r.expected() != Expected.NONE)
        .map(r -> DynamicTest.dynamicTest(t.id() + " / " + r.id(), () -> {
          Result res = r.expected() == Expected.BREAKS
              ? TheoremRunner.run((Theorem<?>) t, r, 1000, RunSettings.ci().withEdgeCases(false))
              : TheoremRunner.run((Theorem<?>) t.withTightenedBounds(1e-3), r, 1000, RunSettings.ci());
          System.out.printf(Locale.ROOT, "%s (%s) -> %s foundBy=%s%n   %s%n", res.id(),
              r.expected() == Expected.BREAKS ? "no edge cases" : "tightened 1e-3", res.outcome(), res.foundBy(),
              res.counterexample() == null ? "-" : res.counterexample().summary());
          assertThat(res.outcome()).as(res.id()).isEqualTo(Outcome.BROKEN);
          if (r.expected() == Expected.BREAKS) {
            assertThat(res.foundBy()).isNotEqualTo(io.optcheck.report.FoundBy.EDGE);
          }
        })));
  }
}
