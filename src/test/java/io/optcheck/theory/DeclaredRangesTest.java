package io.optcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * No theorem runs a plug-in outside its declared hyperparameter ranges. A textbook Adam and AdamW
 * (Kingma and Ba's formula, Loshchilov and Hutter's decoupled decay, no guard against 0/0) declare
 * eps in [1e-12, 1e-2], as a user whose optimizer needs eps > 0 would. Before the rule,
 * adapt.scale-invariance/holds and adapt.adam-reference (holds, first-step, zero-gradient-no-move)
 * ran them at eps = 0 and reported the 0/0 as a failure.
 */
class DeclaredRangesTest {

    static final Map<String, PluggableOptimizer.Range> EPS_POSITIVE =
            Map.of("eps", new PluggableOptimizer.Range(1e-12, 1e-2));

    /** Adam (decoupled decay when {@code kind} is ADAMW); every call made with eps = 0 is recorded. */
    static class Textbook implements PluggableOptimizer {
        final MethodKind kind;
        final List<Hyperparameters> outside = new ArrayList<>();

        Textbook(MethodKind kind) {
            this.kind = kind;
        }

        @Override
        public String id() {
            return "textbook-" + kind.id();
        }

        @Override
        public MethodKind kind() {
            return kind;
        }

        @Override
        public Map<String, Range> hyperparameterRanges() {
            return EPS_POSITIVE;
        }

        record S(double[] x, double[] m, double[] v, int t) {}

        @Override
        public Optimizer<?> create(Hyperparameters h) {
            double lr = h.get("lr");
            double b1 = h.get("b1");
            double b2 = h.get("b2");
            double eps = h.get("eps");
            double wd = kind == MethodKind.ADAMW ? h.get("wd") : 0;
            if (!EPS_POSITIVE.get("eps").contains(eps)) {
                synchronized (outside) {
                    outside.add(h);
                }
            }
            return new Optimizer<S>() {
                @Override
                public S init(double[] x0) {
                    return new S(x0.clone(), new double[x0.length], new double[x0.length], 0);
                }

                @Override
                public S step(S s, Oracle o) {
                    double[] g = o.gradient(s.x());
                    int t = s.t() + 1;
                    double[] x = s.x().clone();
                    double[] m = s.m().clone();
                    double[] v = s.v().clone();
                    for (int i = 0; i < x.length; i++) {
                        m[i] = b1 * m[i] + (1 - b1) * g[i];
                        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                        double mh = m[i] / (1 - Math.pow(b1, t));
                        double vh = v[i] / (1 - Math.pow(b2, t));
                        x[i] = s.x()[i] - lr * mh / (Math.sqrt(vh) + eps) - lr * wd * s.x()[i];
                    }
                    return new S(x, m, v, t);
                }

                @Override
                public double[] position(S s) {
                    return s.x().clone();
                }
            };
        }
    }

    private static Theorem<?> retargeted(String id, PluggableOptimizer p) {
        return Catalog.builtIn().applicableTo(PluginProvider.of(p)).stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static Result run(Theorem<?> t, String regime) {
        return TheoremRunner.run(t, t.regime(regime), 100, RunSettings.ci());
    }

    @Test
    void scaleInvarianceAtEpsZeroDoesNotApplyToAnAdamDeclaringEpsPositive() {
        Textbook adam = new Textbook(MethodKind.ADAM);
        Theorem<?> t = retargeted("adapt.scale-invariance", adam);
        assertThat(t.notApplicable(t.regime("holds")))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains(
                                "textbook-adam declares eps in [1.0E-12, 0.01], which excludes eps = 0.0",
                                "assumes eps-zero"));
        Result r = run(t, "holds");
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(r.verdict()).isEqualTo(Verdict.INFO);
        // The breaking regime (eps > 0) still runs on it, and catches the break.
        assertThat(run(t, "drop:eps-zero").outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(adam.outside).isEmpty();
    }

    @Test
    void adamReferenceRunsAnAdamWOnlyInsideItsDeclaredRange() {
        Textbook adamw = new Textbook(MethodKind.ADAMW);
        Theorem<?> t = retargeted("adapt.adam-reference", adamw);
        Result first = run(t, "first-step");
        assertThat(first.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat((String) first.extra().get("notApplicable")).contains("excludes eps = 0.0", "eps-zero");
        for (String regime : List.of("holds", "zero-gradient-no-move")) {
            Result r = run(t, regime);
            assertThat(r.outcome()).as(regime + ": " + r.error()).isEqualTo(Outcome.HELD);
            assertThat(r.verdict()).isEqualTo(Verdict.PASS);
            // The edge value eps = 0 of the holds generator was skipped and counted, not run.
            assertThat(r.extra()).containsKey("outOfRangeTries");
        }
        assertThat(run(t, "drop:no-weight-decay").outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(adamw.outside).as("calls with eps outside [1e-12, 1e-2]").isEmpty();
    }

    @Test
    void anUndeclaredRangeStillRunsEpsZeroAndCatchesTheUnguardedZeroOverZero() {
        // Without the declaration eps = 0 is a legitimate value, and the textbook formula's 0/0 at a
        // zero gradient is a real defect: the rule does not hide it.
        PluggableOptimizer undeclared = new Textbook(MethodKind.ADAMW) {
            @Override
            public Map<String, Range> hyperparameterRanges() {
                return Map.of();
            }
        };
        Theorem<?> t = retargeted("adapt.adam-reference", undeclared);
        Result r = run(t, "zero-gradient-no-move");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void outOfRangeHyperparametersAreRefusedBeforeThePluginIsCalled() {
        Textbook adam = new Textbook(MethodKind.ADAM);
        PluginProvider p = PluginProvider.of(adam);
        assertThat(DeclaredRanges.excludes(p, Hyperparameters.of("eps", 0).with("lr", 0.1)))
                .hasValueSatisfying(m -> assertThat(m).contains("excludes eps = 0.0", "skipped"));
        assertThat(DeclaredRanges.excludes(p, Hyperparameters.of("eps", 1e-8).with("lr", 50)))
                .isEmpty();
        Assertions.assertThatThrownBy(() -> DeclaredRanges.create(p, Hyperparameters.of("eps", 0)))
                .isInstanceOf(DeclaredRanges.OutsideDeclaredRange.class);
        assertThat(adam.outside).isEmpty();
    }
}
