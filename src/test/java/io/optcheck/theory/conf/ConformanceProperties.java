package io.optcheck.theory.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.optcheck.api.MethodKind;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.method.plugin.ReferencePlugin;
import io.optcheck.prop.Phase;
import io.optcheck.result.Expected;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Spec;
import io.optcheck.theory.Specs;
import io.optcheck.theory.TheoremRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance properties on optcheck's reference implementations, each wrapped as a user's
 * plug-in (so through the adapter and its guards), for one kind of each shape: GD (linear, every
 * equivariance), Nesterov (gain t + 1 in the equivariance tolerance), AdamW (normalized, decay).
 * As for the catalog: every applicable regime passes at CI depth, every holds regime breaks with
 * its bounds tightened by 1e-3, every breaking regime breaks without edge cases, and code and
 * spec agree.
 */
class ConformanceProperties {

    static final List<MethodKind> KINDS = List.of(MethodKind.GD, MethodKind.NESTEROV, MethodKind.ADAMW);

    static Stream<ConformanceProperty> properties() {
        return KINDS.stream().flatMap(k -> Conformance.all(PluginProvider.of(new ReferencePlugin(k))).stream());
    }

    @TestFactory
    Stream<DynamicTest> everyRegimeAtCiDepth() {
        return properties()
                .flatMap(c -> c.regimes().stream()
                        .map(r ->
                                DynamicTest.dynamicTest(c.id() + " " + c.kind().id() + " / " + r.id(), () -> {
                                    Spec spec = Specs.load(c.id());
                                    Result res = TheoremRunner.run(c, r, spec.ciTries(), RunSettings.ci());
                                    System.out.println(res.id() + " -> " + res.outcome() + " worst=" + res.worstRatio()
                                            + (res.counterexample() != null
                                                    ? "\n   "
                                                            + res.counterexample()
                                                                    .summary()
                                                    : "")
                                            + (res.error() != null
                                                    ? "\n   ERROR "
                                                            + res.error().message()
                                                    : "")
                                            + (res.extra().containsKey("notApplicable")
                                                    ? "\n   n/a: " + res.extra().get("notApplicable")
                                                    : ""));
                                    if (c.notApplicable(r).isPresent()) {
                                        assertThat(res.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
                                        assertThat(res.verdict()).isEqualTo(Verdict.INFO);
                                        assertThat((String) res.extra().get("notApplicable"))
                                                .isNotBlank();
                                    } else {
                                        assertThat(res.verdict()).as(res.id()).isEqualTo(Verdict.PASS);
                                    }
                                })));
    }

    @TestFactory
    Stream<DynamicTest> teeth() {
        return properties()
                .flatMap(c -> c.regimes().stream()
                        .filter(r -> c.notApplicable(r).isEmpty())
                        .map(r -> DynamicTest.dynamicTest(
                                c.id() + " " + c.kind().id() + " / " + r.id()
                                        + (r.expected() == Expected.HOLDS
                                                ? " tightened by 1e-3"
                                                : " without edge cases"),
                                () -> {
                                    if (r.expected() == Expected.HOLDS) {
                                        Result res = TheoremRunner.run(
                                                c.withTightenedBounds(1e-3), r, 200, RunSettings.ci());
                                        assertThat(res.outcome()).as(res.id()).isEqualTo(Outcome.BROKEN);
                                    } else {
                                        Result res = TheoremRunner.run(
                                                c, r, 200, RunSettings.ci().withEdgeCases(false));
                                        assertThat(res.outcome()).as(res.id()).isEqualTo(Outcome.BROKEN);
                                        assertThat(res.foundBy()).isNotEqualTo(Phase.EDGE);
                                        assertThat(res.counterexample()).isNotNull();
                                    }
                                })));
    }

    @TestFactory
    Stream<DynamicTest> specsAgree() {
        return Conformance.all(PluginProvider.of(new ReferencePlugin(MethodKind.GD))).stream()
                .map(c -> DynamicTest.dynamicTest(c.id(), () -> {
                    Spec spec = Specs.load(c.id());
                    assertThat(spec.method()).isEqualTo("any");
                    assertThatCode(c::validate).doesNotThrowAnyException();
                    assertThat(c.spec()).isSameAs(spec);
                    assertThat(c.regimes().stream().map(Regime::id).toList())
                            .isEqualTo(spec.regimes().stream()
                                    .map(Spec.RegimeSpec::id)
                                    .toList());
                    assertThat(Specs.pathOf(c.id())).startsWith("specs/conf/");
                }));
    }

    static Regime holds(ConformanceProperty c) {
        return c.regime("holds");
    }
}
