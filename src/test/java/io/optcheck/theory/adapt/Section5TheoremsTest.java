package io.optcheck.theory.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.MethodKind;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.theory.RetargetableTheorem;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import io.optcheck.theory.conf.KindFixtures;
import io.optcheck.theory.sgd.ExpectedSmoothness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * THEOREMS.md section 5: the worst ratio of each tight holds regime reaches its tight value on the
 * built-in method, and the planted variant each row names, written as a plug-in of the kind, is
 * caught. (CatalogProperties and TeethProperties run every regime, the tightened bounds and the
 * breaking regimes without edge cases.)
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
    void signSgdIsTightAtKOne() {
        Result h = run(new SignSgdRate(), "holds", 300);
        assertThat(h.outcome()).isEqualTo(Outcome.HELD);
        assertThat(h.worstRatio()).isBetween(0.999, 1.0 + 1e-12);
    }

    @Test
    void amsGradRegretHoldsUnderTheConventionsWithAMonotoneDenominator() {
        for (String r : new String[] {"holds", "max-over-corrected"}) {
            Result h = run(new AmsGradRegret(), r, 300);
            assertThat(h.outcome()).as(r).isEqualTo(Outcome.HELD);
            assertThat(h.worstRatio()).as(r).isBetween(0.999, 1.0 + 1e-12);
        }
    }

    @Test
    void rmsPropStepBoundIsTight() {
        Result h = run(new RmsPropStepBound(), "holds", 300);
        assertThat(h.outcome()).isEqualTo(Outcome.HELD);
        assertThat(h.worstRatio()).isBetween(0.999, 1.0 + 1e-12);
    }

    // ---- The planted variants THEOREMS.md names, as plug-ins of the kind: each must be caught.

    static Result planted(RetargetableTheorem<?> t, PluggableOptimizer p, String regime) {
        return run(t.withMethod(PluginProvider.of(p)), regime, 300);
    }

    @Test
    void adaGradAccumulatingAbsoluteGradientsIsCaught() {
        PluggableOptimizer p =
                KindFixtures.of("adagrad-abs-g", MethodKind.ADAGRAD, Map.of(), Map.of(), 0, (h, t, g, x, v, b, c) -> {
                    for (int i = 0; i < x.length; i++) {
                        v[i] += Math.abs(g[i]);
                        if (g[i] != 0) {
                            x[i] -= h.get("lr") * g[i] / (Math.sqrt(v[i]) + h.get("eps"));
                        }
                    }
                });
        assertThat(planted(new AdaGradRegret(), p, "adversarial").outcome()).isEqualTo(Outcome.BROKEN);
        // a correct AdaGrad with TensorFlow's initial accumulator 0.1, declared, holds (the c = sqrt(v0) + eps term)
        assertThat(planted(
                                new AdaGradRegret(),
                                KindFixtures.adagrad(0.1, Map.of("initial-accumulator", "0.1")),
                                "adversarial")
                        .outcome())
                .isEqualTo(Outcome.HELD);
    }

    @Test
    void amsGradWithoutTheMaxIsCaught() {
        PluggableOptimizer p = KindFixtures.of(
                "amsgrad-no-max",
                MethodKind.AMSGRAD,
                Map.of("bias-correction", "off"),
                Map.of(),
                0,
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
        PluggableOptimizer p =
                KindFixtures.of("rmsprop-abs-g", MethodKind.RMSPROP, Map.of(), Map.of(), 0, (h, t, g, x, v, b, c) -> {
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
        PluggableOptimizer p =
                KindFixtures.of("signsgd-2lr", MethodKind.SIGN_SGD, Map.of(), Map.of(), 0, (h, t, g, x, a, b, c) -> {
                    for (int i = 0; i < x.length; i++) {
                        x[i] -= 2 * h.get("lr") * Math.signum(g[i]);
                    }
                });
        assertThat(planted(new SignSgdRate(), p, "holds").outcome()).isEqualTo(Outcome.BROKEN);
    }

    @Test
    void expectedSmoothnessIsTightAndCatchesAStepNotDividedByN() {
        ExpectedSmoothness t = new ExpectedSmoothness();
        Result h = run(t, "holds", 300);
        assertThat(h.outcome()).isEqualTo(Outcome.HELD);
        assertThat(h.worstRatio()).isBetween(0.999, 1.0 + 1e-12);
        // THEOREMS.md's planted variant, a step not divided by n: n = 4 times the step (a step 2 a is
        // not caught: gamma <= 1/L_max still satisfies the bound, ratio 1 + 8e-15)
        PluggableOptimizer times4 =
                KindFixtures.of("sgd-4a", MethodKind.SGD, Map.of(), Map.of(), 0, (hp, k, g, x, a, b, c) -> {
                    for (int i = 0; i < x.length; i++) {
                        x[i] -= 4 * hp.get("a") * g[i];
                    }
                });
        assertThat(planted(t, times4, "holds").outcome()).isEqualTo(Outcome.BROKEN);
    }
}
