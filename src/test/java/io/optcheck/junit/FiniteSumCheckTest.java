package io.optcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.FiniteSumKind;
import io.optcheck.api.FiniteSumOptimizer;
import io.optcheck.api.FiniteSumOracle;
import io.optcheck.api.Hyperparameters;
import io.optcheck.api.PluggableFiniteSum;
import io.optcheck.api.VarianceReducedEstimator;
import io.optcheck.result.Outcome;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A user's SVRG or SAGA as its own plug-in kind: correct ones (written from the papers in
 * {@link FiniteSumPlugins}, a whole method or a stateful estimator) pass vr.svrg / vr.saga from
 * the states they reach; a SAGA whose table is never updated, an SVRG whose snapshot is never
 * refreshed and an SVRG estimator whose cached snapshot gradient goes stale are caught; a SAGA that
 * updates its table in place (modifying the state it was given) is an error naming the fix.
 */
class FiniteSumCheckTest {

    static final int TRIES = 300;

    /**
     * Outcome per "theorem / regime" of the regimes run on the plug-in. The spec's other regimes
     * must each come back not applicable with a reason (the report says what was not checked).
     */
    static Map<String, CheckPlan.Outcome> run(FiniteSumCheck check) {
        CheckPlan plan = check.plan();
        assertThat(plan.problem()).isNull();
        Map<String, CheckPlan.Outcome> m = new LinkedHashMap<>();
        for (Theorem<?> t : plan.theorems()) {
            for (Regime r : t.regimes()) {
                CheckPlan.Outcome o = plan.run(t, r);
                if (o.kind() == CheckPlan.Kind.NOT_APPLICABLE) {
                    assertThat(o.text()).as(t.id() + " / " + r.id()).isNotBlank();
                } else {
                    m.put(t.id() + " / " + r.id(), o);
                }
            }
        }
        return m;
    }

    @Test
    void theRegimesNotRunOnAPlugInAreListedWithTheirReasons() {
        CheckPlan plan = FiniteSumCheck.of(new FiniteSumPlugins.Svrg(false)).plan();
        Theorem<?> svrg = plan.theorems().get(0);
        assertThat(svrg.notApplicable(svrg.regime("holds")))
                .hasValueSatisfying(why -> assertThat(why).contains("m n^m index paths", "variance-bound"));
        assertThat(svrg.notApplicable(svrg.regime("stale-snapshot-variance")))
                .hasValueSatisfying(why -> assertThat(why).contains("snapshot never refreshed", "planted fault"));
        assertThat(svrg.notApplicable(svrg.regime("drop:components-convex")))
                .hasValueSatisfying(why -> assertThat(why).contains("components-convex dropped"));
        assertThat(svrg.notApplicable(svrg.regime("variance-bound"))).isEmpty();
        Theorem<?> saga = FiniteSumCheck.of(new FiniteSumPlugins.Saga(false, false))
                .plan()
                .theorems()
                .get(0);
        assertThat(saga.notApplicable(saga.regime("iterate-rate-rotated")))
                .hasValueSatisfying(why -> assertThat(why).contains("tower property"));
        assertThat(saga.notApplicable(saga.regime("non-quadratic")))
                .hasValueSatisfying(why -> assertThat(why).contains("a state it draws"));
        assertThat(saga.notApplicable(saga.regime("holds"))).isEmpty();
    }

    private static void allPass(Map<String, CheckPlan.Outcome> m) {
        assertThat(m).isNotEmpty();
        m.forEach((k, o) -> assertThat(o.kind()).as(k + ": " + o.text()).isEqualTo(CheckPlan.Kind.PASSED));
    }

    @Test
    void aCorrectSagaPassesTheLyapunovContractionAndUnbiasedness() {
        Map<String, CheckPlan.Outcome> m =
                run(FiniteSumCheck.of(new FiniteSumPlugins.Saga(false, false)).tries(TRIES));
        assertThat(m.keySet()).containsExactlyInAnyOrder("vr.saga / holds", "vr.saga / rotated", "vr.saga / unbiased");
        allPass(m);
        assertThat(m.get("vr.saga / holds").result().method()).isEqualTo("test.saga");
        assertThat(m.get("vr.saga / holds").result().conventions()).containsEntry("kind", "saga");
    }

    /** Planted: the table is never updated; still unbiased, but V no longer contracts from reached states. */
    @Test
    void aSagaWhoseTableIsNeverUpdatedIsCaught() {
        Map<String, CheckPlan.Outcome> m =
                run(FiniteSumCheck.of(new FiniteSumPlugins.Saga(true, false)).tries(TRIES));
        CheckPlan.Outcome o = m.get("vr.saga / holds");
        assertThat(o.kind()).isEqualTo(CheckPlan.Kind.FAILED);
        assertThat(o.result().counterexample()).isNotNull();
        assertThat(o.text()).contains("E[V_{k+1}] vs (1 - eta mu) V_k", "--finite-sum-class");
        assertThat(m.get("vr.saga / rotated").kind()).isEqualTo(CheckPlan.Kind.FAILED);
        assertThat(m.get("vr.saga / unbiased").kind()).isEqualTo(CheckPlan.Kind.PASSED);
    }

    /** A table updated in place changes the state the step was given: an error naming the fix. */
    @Test
    void aSagaThatModifiesItsStateIsAnError() {
        Map<String, CheckPlan.Outcome> m =
                run(FiniteSumCheck.of(new FiniteSumPlugins.Saga(false, true)).tries(50));
        CheckPlan.Outcome o = m.get("vr.saga / holds");
        assertThat(o.result().outcome()).isEqualTo(Outcome.ERROR);
        assertThat(o.text()).contains("must not modify the state it is given");
    }

    @Test
    void aCorrectSvrgPassesUnbiasednessAndTheVarianceBound() {
        Map<String, CheckPlan.Outcome> m =
                run(FiniteSumCheck.of(new FiniteSumPlugins.Svrg(false)).tries(TRIES));
        assertThat(m.keySet())
                .containsExactly("vr.svrg / unbiased", "vr.svrg / variance-bound", "vr.svrg / variance-bound-rotated");
        allPass(m);
    }

    /** Planted: the snapshot is never refreshed. */
    @Test
    void anSvrgWhoseSnapshotIsNeverRefreshedIsCaught() {
        Map<String, CheckPlan.Outcome> m =
                run(FiniteSumCheck.of(new FiniteSumPlugins.Svrg(true)).tries(TRIES));
        assertThat(m.get("vr.svrg / variance-bound").kind()).isEqualTo(CheckPlan.Kind.FAILED);
        assertThat(m.get("vr.svrg / variance-bound-rotated").kind()).isEqualTo(CheckPlan.Kind.FAILED);
        assertThat(m.get("vr.svrg / unbiased").kind()).isEqualTo(CheckPlan.Kind.PASSED);
    }

    @Test
    void aCorrectSvrgEstimatorPassesAndOneWithAStaleCacheIsCaught() {
        Map<String, CheckPlan.Outcome> ok =
                run(FiniteSumCheck.of(new FiniteSumPlugins.SvrgEstimator(false)).tries(TRIES));
        allPass(ok);
        assertThat(ok.get("vr.svrg / variance-bound").result().conventions())
                .containsEntry("steps", "optcheck's x+ = x - lr v around the estimator");
        Map<String, CheckPlan.Outcome> stale =
                run(FiniteSumCheck.of(new FiniteSumPlugins.SvrgEstimator(true)).tries(TRIES));
        assertThat(stale.get("vr.svrg / variance-bound").kind()).isEqualTo(CheckPlan.Kind.FAILED);
    }

    @Test
    void aSagaEstimatorSteppedByOptcheckPasses() {
        Map<String, CheckPlan.Outcome> m =
                run(FiniteSumCheck.of(new FiniteSumPlugins.SagaEstimator()).tries(TRIES));
        assertThat(m).containsKeys("vr.saga / holds", "vr.saga / unbiased", "vr.saga / rotated");
        allPass(m);
    }

    @Test
    void anUnusableDeclarationIsNamedNotRun() {
        CheckPlan plan = FiniteSumCheck.of(new PluggableFiniteSum() {
                    @Override
                    public FiniteSumKind kind() {
                        return null;
                    }

                    @Override
                    public FiniteSumOptimizer<?> create(Hyperparameters h) {
                        return null;
                    }
                })
                .plan();
        assertThat(plan.problem()).contains("kind() returned null", "FiniteSumKind.SVRG or FiniteSumKind.SAGA");
        assertThat(plan.theorems()).isEmpty();
    }

    /** An estimator that returns an estimate of the wrong length: an error naming it, not a crash. */
    @Test
    void anEstimatorThatBreaksItsContractIsAnErrorNamingIt() {
        FiniteSumPlugins.SagaEstimator good = new FiniteSumPlugins.SagaEstimator();
        VarianceReducedEstimator<double[][]> shortOne = new VarianceReducedEstimator<>() {
            @Override
            public String id() {
                return "test.short-estimate";
            }

            @Override
            public FiniteSumKind kind() {
                return FiniteSumKind.SAGA;
            }

            @Override
            public double[][] init(double[] x0, int n) {
                return good.init(x0, n);
            }

            @Override
            public Estimate<double[][]> estimate(double[][] t, double[] x, double[] snapshot, FiniteSumOracle o) {
                Estimate<double[][]> e = good.estimate(t, x, snapshot, o);
                return new Estimate<>(new double[x.length + 1], e.state());
            }
        };
        CheckPlan.Outcome o = run(FiniteSumCheck.of(shortOne).tries(20)).get("vr.saga / holds");
        assertThat(o.result().outcome()).isEqualTo(Outcome.ERROR);
        assertThat(o.text()).contains("test.short-estimate", "returned an estimate of length");
    }
}
