package io.optcheck.theory.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.report.Outcome;
import io.optcheck.report.Result;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import org.junit.jupiter.api.Test;

/**
 * THEOREMS.md section 5 on the built-in methods: the worst ratio of each holds regime reaches
 * its tight value, and each breaking regime breaks (the catalog-wide tests also run them; these
 * print the numbers the spec quotes).
 */
class Section5TheoremsTest {

  static Result run(Theorem<?> t, String regime, int tries) {
    Result r = TheoremRunner.run(t, t.regime(regime), tries, RunSettings.ci());
    System.out.println(r.id() + " -> " + r.outcome() + " worst=" + r.worstRatio() + " foundBy=" + r.foundBy()
        + (r.counterexample() != null ? "\n   " + r.counterexample().summary() : "")
        + (r.error() != null ? "\n   ERROR " + r.error().message() : ""));
    return r;
  }

  @Test
  void signSgdIsTightAtKOneAndBreaksAtBatchOne() {
    Result h = run(new SignSgdRate(), "holds", 300);
    assertThat(h.outcome()).isEqualTo(Outcome.HELD);
    assertThat(h.worstRatio()).isBetween(0.999, 1.0 + 1e-12);
    Result b = run(new SignSgdRate(), "drop:full-gradient", 300);
    assertThat(b.outcome()).isEqualTo(Outcome.BROKEN);
  }

  @Test
  void adaGradRegretHoldsOnConvexAndAdversarialAndBreaksWhenNotConvex() {
    Result h = run(new AdaGradRegret(), "holds", 300);
    assertThat(h.outcome()).isEqualTo(Outcome.HELD);
    Result a = run(new AdaGradRegret(), "adversarial", 300);
    assertThat(a.outcome()).isEqualTo(Outcome.HELD);
    Result b = run(new AdaGradRegret(), "drop:convex", 200);
    assertThat(b.outcome()).isEqualTo(Outcome.BROKEN);
  }

  @Test
  void amsGradRegretHoldsUnderTheConventionsWithAMonotoneDenominator() {
    for (String r : new String[] {"holds", "max-over-corrected", "bias-corrected"}) {
      Result h = run(new AmsGradRegret(), r, 300);
      if (!r.equals("bias-corrected")) {
        assertThat(h.outcome()).as(r).isEqualTo(Outcome.HELD);
      }
    }
  }

  @Test
  void rmsPropStepBoundIsTightAndAmsGradsRegretBoundFailsWithoutTheMax() {
    Result h = run(new RmsPropStepBound(), "holds", 300);
    assertThat(h.outcome()).isEqualTo(Outcome.HELD);
    assertThat(h.worstRatio()).isBetween(0.999, 1.0 + 1e-12);
    assertThat(run(new RmsPropStepBound(), "regret-without-max", 300).outcome()).isEqualTo(Outcome.BROKEN);
  }
}
