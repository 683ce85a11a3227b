package io.optcheck.theory.conf;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.Precision;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.result.Expected;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plug-in that declares float32 and computes in float (its iterate is stored as a float) is
 * checked in float32 end to end: the float64 regimes with float32's tolerance model, and the
 * float32 regimes of the catalog on the plug-in itself (the bfloat16 ones do not apply).
 */
class FloatPluginTheoremsTest {

    @Test
    void aFloat32GradientDescentPassesTheDescentLemmaAndQuadraticStabilityInEveryRegimeThatApplies() {
        PluginProvider p = PluginProvider.of(new DeclaredPrecisionTest.FloatGd(Precision.FLOAT32));
        List<Theorem<?>> theorems = Catalog.builtIn().applicableTo(p).stream()
                .filter(t -> t.id().equals("gd.descent-lemma") || t.id().equals("gd.quadratic-stability"))
                .toList();
        assertThat(theorems).hasSize(2);
        int float32Regimes = 0;
        for (Theorem<?> t : theorems) {
            for (Regime r : t.regimes()) {
                if (r.lowPrecision().filter(q -> q == Precision.BFLOAT16).isPresent()) {
                    assertThat(t.notApplicable(r)).as(t.id() + "/" + r.id()).isPresent();
                    continue;
                }
                int tries = r.expected() == Expected.BREAKS ? Specs.load(t.id()).ciTries() : 200;
                Result res = TheoremRunner.run(t, r, tries, RunSettings.ci());
                assertThat(res.precision()).isEqualTo("float32");
                assertThat(res.verdict())
                        .as(res.id() + ": " + res.outcome()
                                + (res.counterexample() == null
                                        ? ""
                                        : " " + res.counterexample().summary()))
                        .isEqualTo(Verdict.PASS);
                if (r.lowPrecision().isPresent()) {
                    float32Regimes++;
                    assertThat(res.outcome()).isIn(Outcome.HELD, Outcome.BROKEN);
                }
            }
        }
        // float32-rounded and float32-stagnation of the descent lemma, float32-rounded and
        // float32-contraction of quadratic stability
        assertThat(float32Regimes).isEqualTo(4);
    }

    @Test
    void theSameComputationDeclaredAsFloat64FailsTheFloat64Contraction() {
        // Checked with float64's tolerance, float rounding of the iterate shortens a step of the
        // step-by-step contraction, which is an equality along the top eigenvector.
        PluginProvider p = PluginProvider.of(new DeclaredPrecisionTest.FloatGd(Precision.FLOAT64));
        Theorem<?> qs = Catalog.builtIn().applicableTo(p).stream()
                .filter(t -> t.id().equals("gd.quadratic-stability"))
                .findFirst()
                .orElseThrow();
        Result res = TheoremRunner.run(qs, qs.regime("holds"), 200, RunSettings.ci());
        assertThat(res.precision()).isEqualTo("float64");
        assertThat(res.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(res.verdict()).isEqualTo(Verdict.FAIL);
    }
}
