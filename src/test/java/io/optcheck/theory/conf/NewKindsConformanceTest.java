package io.optcheck.theory.conf;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.MethodKind;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.TheoremRunner;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The kinds NADAM, ADAMAX, ADADELTA and ADABELIEF and the declared conventions of NESTEROV,
 * ADAGRAD and AMSGRAD, on plug-ins written from the papers ({@link KindFixtures}): a correct
 * plug-in passes reference equivalence, zero gradient and (where it holds) gradient-scale
 * invariance; a planted bug, or a convention followed but not declared, fails reference
 * equivalence.
 */
class NewKindsConformanceTest {

    private static Result run(ConformanceProperty c, int tries) {
        return TheoremRunner.run(c, c.regime("holds"), tries, RunSettings.ci());
    }

    private static Outcome equivalence(PluggableOptimizer p) {
        return run(new ReferenceEquivalence(PluginProvider.of(p)), 150).outcome();
    }

    @TestFactory
    Stream<DynamicTest> correctPluginsOfTheNewKindsPass() {
        return Stream.of(
                        KindFixtures.nadam(false),
                        KindFixtures.adamax(false),
                        KindFixtures.adadelta(false),
                        KindFixtures.adabelief(false))
                .map(p -> DynamicTest.dynamicTest(p.id(), () -> {
                    PluginProvider pp = PluginProvider.of(p);
                    Result eq = run(new ReferenceEquivalence(pp), 100);
                    assertThat(eq.outcome()).as(eq.id()).isEqualTo(Outcome.HELD);
                    assertThat(run(new ZeroGradient(pp), 100).outcome()).isEqualTo(Outcome.HELD);
                    Result si = run(new GradientScaleInvariance(pp), 100);
                    // Derived per kind (GradientScaleInvariance): exact at eps = 0 for Nadam, AdaMax and
                    // AdaBelief with b1, b2 > 0; none for AdaDelta.
                    assertThat(si.outcome())
                            .as(si.id() + " " + si.extra())
                            .isEqualTo(p.kind() == MethodKind.ADADELTA ? Outcome.NOT_APPLICABLE : Outcome.HELD);
                }));
    }

    @TestFactory
    Stream<DynamicTest> plantedBugsOfTheNewKindsAreCaught() {
        return Stream.of(
                        KindFixtures.nadam(true),
                        KindFixtures.adamax(true),
                        KindFixtures.adadelta(true),
                        KindFixtures.adabelief(true))
                .map(p -> DynamicTest.dynamicTest(
                        p.id(), () -> assertThat(equivalence(p)).isEqualTo(Outcome.BROKEN)));
    }

    @Test
    void adaBeliefWithB1ZeroAllowedHasNoScaleInvarianceCheck() {
        PluginProvider pp = PluginProvider.of(KindFixtures.of(
                "adabelief-any-b1", MethodKind.ADABELIEF, Map.of(), Map.of(), 0, (h, t, g, x, a, b, c) -> {}));
        Result si = run(new GradientScaleInvariance(pp), 10);
        assertThat(si.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat((String) si.extra().get("notApplicable")).contains("b1 = 0");
    }

    @Test
    void aPyTorchAdaMaxPassesWhenItDeclaresEpsInsideTheMaximumAndIsCaughtWhenItDoesNot() {
        assertThat(equivalence(KindFixtures.adamaxTorch(true))).isEqualTo(Outcome.HELD);
        assertThat(equivalence(KindFixtures.adamaxTorch(false))).isEqualTo(Outcome.BROKEN);
    }

    @Test
    void nesterovWithMomentumCountedFromOnePassesUnderItsDeclaredForm() {
        Result ok = run(
                new ReferenceEquivalence(PluginProvider.of(KindFixtures.nesterovTFrom1("simplified-t-from-1"))), 150);
        assertThat(ok.outcome()).isEqualTo(Outcome.HELD);
        assertThat(ok.conventions()).containsEntry("nesterov-form", "simplified-t-from-1");
        // the same method declared as the built-in simplified form differs from step 2 on (1/4 vs 0)
        assertThat(equivalence(KindFixtures.nesterovTFrom1("simplified"))).isEqualTo(Outcome.BROKEN);
    }

    @Test
    void adaGradsInitialAccumulatorIsADeclaredConvention() {
        Result ok = run(
                new ReferenceEquivalence(
                        PluginProvider.of(KindFixtures.adagrad(0.1, Map.of("initial-accumulator", "0.1")))),
                150);
        assertThat(ok.outcome()).isEqualTo(Outcome.HELD);
        assertThat(ok.conventions()).containsEntry("initial-accumulator", "0.1");
        assertThat(equivalence(KindFixtures.adagrad(0, Map.of()))).isEqualTo(Outcome.HELD);
        assertThat(equivalence(KindFixtures.adagrad(0.1, Map.of()))).isEqualTo(Outcome.BROKEN);
    }

    @Test
    void amsGradsMaximumOverTheCorrectedSecondMomentIsADeclaredConvention() {
        assertThat(equivalence(KindFixtures.amsgradMaxCorrected(Map.of("max-over", "corrected"))))
                .isEqualTo(Outcome.HELD);
        assertThat(equivalence(KindFixtures.amsgradMaxCorrected(Map.of()))).isEqualTo(Outcome.BROKEN);
    }
}
