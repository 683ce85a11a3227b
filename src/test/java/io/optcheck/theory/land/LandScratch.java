package io.optcheck.theory.land;

import io.optcheck.report.Expected;
import io.optcheck.report.Result;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import org.junit.jupiter.api.Test;

class LandScratch {
  @Test
  void run() {
    String id = System.getProperty("thm");
    Theorem<?> t = Catalog.builtIn().get(id);
    for (Regime r : t.regimes()) {
      long st = System.nanoTime();
      Result res = TheoremRunner.run(t, r, 1000, RunSettings.ci());
      System.out.println("REG " + r.id() + " -> " + res.outcome() + " " + res.verdict() + " worst=" + res.worstRatio() + " foundBy=" + res.foundBy()
          + " ms=" + (System.nanoTime() - st) / 1000000
          + (res.counterexample() != null ? "\n   " + res.counterexample().summary() : "")
          + (res.error() != null ? "\n   ERROR " + res.error().message() : "")
          + (res.threshold() != null ? "\n   threshold " + res.threshold() : "") + "\n   extra " + res.extra());
      st = System.nanoTime();
      if (r.expected() == Expected.HOLDS) {
        Result tr = TheoremRunner.run(t.withTightenedBounds(1e-3), r, 1000, RunSettings.ci());
        System.out.println("  TEETH " + tr.outcome() + " foundBy=" + tr.foundBy() + " ms=" + (System.nanoTime() - st) / 1000000
            + (tr.counterexample() != null ? "\n   " + tr.counterexample().summary() : ""));
      } else if (r.expected() == Expected.BREAKS) {
        Result tr = TheoremRunner.run(t, r, 1000, RunSettings.ci().withEdgeCases(false));
        System.out.println("  NOEDGE " + tr.outcome() + " foundBy=" + tr.foundBy() + " ms=" + (System.nanoTime() - st) / 1000000);
      }
    }
  }
}
