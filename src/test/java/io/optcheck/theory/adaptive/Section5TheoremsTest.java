package io.optcheck.theory.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.method.MethodKind;
import io.optcheck.plugin.PluggableOptimizer;
import io.optcheck.plugin.PluginProvider;
import io.optcheck.report.Outcome;
import io.optcheck.theory.conformance.KindFixtures;
import java.util.Map;
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

  // ---- The planted variants THEOREMS.md names, as plug-ins of the kind: each must be caught.

  static Result planted(io.optcheck.theory.RetargetableTheorem<?> t, PluggableOptimizer p, String regime) {
    return run(t.withMethod(PluginProvider.of(p)), regime, 300);
  }

  @Test
  void adaGradAccumulatingAbsoluteGradientsIsCaught() {
    PluggableOptimizer p = KindFixtures.of("adagrad-abs-g", MethodKind.ADAGRAD, Map.of(), Map.of(), 0, (h, t, g, x, v, b, c) -> {
      for (int i = 0; i < x.length; i++) {
        v[i] += Math.abs(g[i]);
        if (g[i] != 0) {
          x[i] -= h.get("lr") * g[i] / (Math.sqrt(v[i]) + h.get("eps"));
        }
      }
    });
    assertThat(planted(new AdaGradRegret(), p, "adversarial").outcome()).isEqualTo(Outcome.BROKEN);
    // a correct AdaGrad with TensorFlow's initial accumulator 0.1, declared, holds (the c = sqrt(v0) + eps term)
    assertThat(planted(new AdaGradRegret(), KindFixtures.adagrad(0.1, Map.of("initial-accumulator", "0.1")), "adversarial")
        .outcome()).isEqualTo(Outcome.HELD);
  }

  @Test
  void amsGradWithoutTheMaxIsCaught() {
    PluggableOptimizer p = KindFixtures.of("amsgrad-no-max", MethodKind.AMSGRAD, Map.of("bias-correction", "off"), Map.of(), 0,
        (h, t, g, x, m, v, vh) -> {
          for (int i = 0; i < x.length; i++) {
            m[i] = h.get("b1") * m[i] + (1 - h.get("b1")) * g[i];
            v[i] = h.get("b2") * v[i] + (1 - h.get("b2")) * g[i] * g[i];
            if (m[i] != 0) {
              x[i] -= h.get("lr") * m[i] / (Math.sqrt(v[i]) + h.get("eps"));
            }
          }
        });
    assertThat(planted(new AmsGradRegret(), p, "holds").outcome()).isEqualTo(Outcome.BROKEN);
  }

  @Test
  void rmsPropAccumulatingAbsoluteGradientsIsCaught() {
    PluggableOptimizer p = KindFixtures.of("rmsprop-abs-g", MethodKind.RMSPROP, Map.of(), Map.of(), 0, (h, t, g, x, v, b, c) -> {
      for (int i = 0; i < x.length; i++) {
        v[i] = h.get("rho") * v[i] + (1 - h.get("rho")) * Math.abs(g[i]);
        if (g[i] != 0) {
          x[i] -= h.get("lr") * g[i] / (Math.sqrt(v[i]) + h.get("eps"));
        }
      }
    });
    assertThat(planted(new RmsPropStepBound(), p, "holds").outcome()).isEqualTo(Outcome.BROKEN);
  }

  @Test
  void signSgdWithTwiceTheStepIsCaught() {
    PluggableOptimizer p = KindFixtures.of("signsgd-2lr", MethodKind.SIGN_SGD, Map.of(), Map.of(), 0, (h, t, g, x, a, b, c) -> {
      for (int i = 0; i < x.length; i++) {
        x[i] -= 2 * h.get("lr") * Math.signum(g[i]);
      }
    });
    assertThat(planted(new SignSgdRate(), p, "holds").outcome()).isEqualTo(Outcome.BROKEN);
  }

  @Test
  void expectedSmoothnessIsTightAndBreaksWithANonConvexComponent() {
    io.optcheck.theory.sgd.ExpectedSmoothness t = new io.optcheck.theory.sgd.ExpectedSmoothness();
    Result h = run(t, "holds", 300);
    assertThat(h.outcome()).isEqualTo(Outcome.HELD);
    assertThat(run(t, "drop:components-convex", 300).outcome()).isEqualTo(Outcome.BROKEN);
    // THEOREMS.md's planted variant, a step not divided by n: n = 4 times the step (a step 2 a is
    // not caught: gamma <= 1/L_max still satisfies the bound, ratio 1 + 8e-15)
    PluggableOptimizer times4 = KindFixtures.of("sgd-4a", MethodKind.SGD, Map.of(), Map.of(), 0, (hp, k, g, x, a, b, c) -> {
      for (int i = 0; i < x.length; i++) {
        x[i] -= 4 * hp.get("a") * g[i];
      }
    });
    assertThat(planted(t, times4, "holds").outcome()).isEqualTo(Outcome.BROKEN);
  }
}
