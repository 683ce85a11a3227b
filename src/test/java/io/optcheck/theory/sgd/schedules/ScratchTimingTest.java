package io.optcheck.theory.sgd.schedules;

import io.optcheck.report.Result;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.TheoremRunner;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.Regime;
import org.junit.jupiter.api.Test;

class ScratchTimingTest {
  @Test
  void timing() {
    long all = System.nanoTime();
    for (Theorem<?> t : java.util.List.<Theorem<?>>of(new DiminishingStep(), new RobbinsMonro()))
    for (Regime r : t.regimes()) {
      int tries = io.optcheck.theory.Specs.load(t.id()).ciTries();
      long t0 = System.nanoTime();
      Result res = TheoremRunner.run((Theorem) t, r, tries, RunSettings.ci());
      System.out.printf("%s -> %s worst=%s foundBy=%s %d ms tries=%d%n  %s%n  thr %s extra %s%n", res.id(), res.outcome(), res.worstRatio(), res.foundBy(),
          (System.nanoTime() - t0) / 1000000, res.tries(), res.counterexample() == null ? "-" : res.counterexample().summary(), res.threshold(), res.extra());
      long t1 = System.nanoTime();
      if (r.expected() == io.optcheck.report.Expected.HOLDS) {
        Result tt = TheoremRunner.run((Theorem) t.withTightenedBounds(1e-3), r, 1000, RunSettings.ci());
        System.out.printf("  teeth -> %s foundBy=%s %d ms%n  %s%n", tt.outcome(), tt.foundBy(), (System.nanoTime() - t1) / 1000000,
            tt.counterexample() == null ? "-" : tt.counterexample().summary());
      } else if (r.expected() == io.optcheck.report.Expected.BREAKS) {
        Result tt = TheoremRunner.run((Theorem) t, r, 1000, RunSettings.ci().withEdgeCases(false));
        System.out.printf("  no-edge -> %s foundBy=%s %d ms%n  %s%n", tt.outcome(), tt.foundBy(), (System.nanoTime() - t1) / 1000000,
            tt.counterexample() == null ? "-" : tt.counterexample().summary());
      }
    }
    System.out.println("TOTAL ms " + (System.nanoTime() - all) / 1000000);
  }
}
