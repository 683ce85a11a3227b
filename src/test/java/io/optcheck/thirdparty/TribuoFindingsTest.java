package io.optcheck.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.junit.OptimizerCheck;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import io.optcheck.theory.conf.PluginTheorems;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Tribuo adapters checked as a user checks an optimizer (the JUnit entry point
 * {@link OptimizerCheck}), and what broke, asserted so that a later optcheck change cannot
 * silently stop finding it. The evidence for each break is reproduced by hand in
 * {@link TribuoHandReproductionTest}.
 */
class TribuoFindingsTest {

    static final int TRIES = 60;

    /** Every conformance property and kind theorem except GD's (TribuoCatalogTest runs those). */
    static final String[] FILTER = {"conf.*", "adapt.*", "gd.heavy-ball*", "gd.nesterov*"};

    /** The adapters that keep every guarantee their declared kind has: one test per regime. */
    @TestFactory
    Stream<DynamicNode> adaptersThatConform() {
        return Stream.<PluggableOptimizer>of(
                        new TribuoSgd(),
                        new TribuoSgdMomentum(),
                        new TribuoSgdNesterov(),
                        new TribuoSgdSqrtDecay(),
                        new TribuoAdaGrad(),
                        new TribuoRmsProp())
                .flatMap(p -> OptimizerCheck.of(p).theorems(FILTER).tries(TRIES).tests());
    }

    /**
     * Tribuo's sqrt-decay SGD (declared b = 1, p = 1/2) is checked on its own schedule: the
     * Robbins-Monro regime for 0 &lt; p &lt;= 1/2 holds with every try run, and the sgd-kind
     * regimes that need another schedule are not applicable, with the reason.
     */
    @Test
    void sqrtDecaySgdIsCheckedOnItsDeclaredSchedule() {
        TribuoSgdSqrtDecay sqrt = new TribuoSgdSqrtDecay();
        Result r = run(sqrt, "sgd.robbins-monro", "p-le-half");
        assertThat(r.outcome()).isEqualTo(Outcome.HELD);
        assertThat(r.extra().get("outOfRangeTries")).isNull();
        Result holds = run(sqrt, "sgd.robbins-monro", "holds");
        assertThat(holds.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(String.valueOf(holds.extra().get("notApplicable"))).contains("needs p in (0.5, 1.0]");
    }

    /**
     * Found by this project and fixed in optcheck: conf.reference-equivalence used to compare
     * closed-loop trajectories, and broke on Tribuo's RMSProp through rounding alone. Shrunk case:
     * x0 = 1e-4, lr = 1e-4, rho = 0, eps = 1e-10 on f = x^2/2. Step 1 leaves x1 ~ 1e-10 by
     * cancellation, so the two implementations' x1 differ in the last bit of 1e-4 (1.4e-20); step
     * 2's update lr g/(|g| + eps) at |g| = eps has derivative lr eps/(|g| + eps)^2 = 2.5e5 in g, so
     * that bit became 3.4e-15 against the bound 2.5e-16 (ratio 13.6); hand reproduction:
     * TribuoHandReproductionTest.rmsPropRoundingIsAmplifiedNearGradientEqualsEps. The check now
     * feeds the reference the same gradients (open loop, GradientTape), and Tribuo's RMSProp holds.
     */
    @Test
    void rmsPropMatchesTheReferenceOnTheSameGradients() {
        Result r = run(new TribuoRmsProp(), "conf.reference-equivalence", "holds");
        assertThat(r.outcome()).isEqualTo(Outcome.HELD);
    }

    private static Result run(PluggableOptimizer p, String theorem, String regime) {
        for (Theorem<?> t : PluginTheorems.applicable(PluginProvider.of(p), Catalog.builtIn(), List.of(theorem))) {
            return TheoremRunner.run(t, t.regime(regime), TRIES, RunSettings.ci());
        }
        throw new AssertionError(theorem + " does not apply to " + p.id());
    }

    /**
     * Tribuo's Adam (real defect: the update is multiplied by sqrt(v) + eps instead of divided):
     * reference equivalence, gradient-scale invariance (conformance and adapt.scale-invariance)
     * and robustness all break; zero gradient and determinism/checkpoint still hold.
     */
    @Test
    void tribuoAdamBreaksWhatItsDefectBreaks() {
        TribuoAdam adam = new TribuoAdam();
        assertThat(run(adam, "conf.reference-equivalence", "holds").outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(run(adam, "conf.gradient-scale-invariance", "holds").outcome())
                .isEqualTo(Outcome.BROKEN);
        assertThat(run(adam, "adapt.scale-invariance", "holds").outcome()).isEqualTo(Outcome.BROKEN);
        Result robust = run(adam, "conf.robustness", "holds");
        assertThat(robust.outcome()).isIn(Outcome.BROKEN, Outcome.ERROR);
        assertThat(robust.counterexample().summary()).contains("Infinity");
        assertThat(run(adam, "conf.zero-gradient", "holds").outcome()).isEqualTo(Outcome.HELD);
        assertThat(run(adam, "conf.checkpoint-resume", "holds").outcome()).isEqualTo(Outcome.HELD);
    }

    /** AdaGrad without its declared eps &gt; 0: the zero-gradient property finds the NaN. */
    @Test
    void adaGradAtEpsZeroTurnsAZeroGradientIntoNaN() {
        PluggableOptimizer undeclared = new PluggableOptimizer() {
            final TribuoAdaGrad inner = new TribuoAdaGrad();

            @Override
            public String id() {
                return "tribuo.adagrad-eps-undeclared";
            }

            @Override
            public MethodKind kind() {
                return inner.kind();
            }

            @Override
            public Optimizer<?> create(Hyperparameters h) {
                return inner.create(h);
            }
        };
        assertThat(undeclared.hyperparameterRanges()).isEqualTo(Map.of());
        Result r = run(undeclared, "conf.zero-gradient", "holds");
        assertThat(r.outcome()).isIn(Outcome.BROKEN, Outcome.ERROR);
        assertThat(r.error() != null ? r.error().message() : r.counterexample().summary())
                .contains("NaN");
    }
}
