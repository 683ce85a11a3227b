package io.optcheck.theory.conf;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.method.plugin.ReferencePlugin;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.TheoremRunner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conformance properties catching planted defects in plug-ins. */
class PluginConformanceTest {

    /** Adam as often written: m^/(sqrt(v^) + eps) without a guard, so 0/0 = NaN at g = 0 with eps = 0. */
    static final class NaiveAdam implements PluggableOptimizer {
        private final Map<String, Range> ranges;

        NaiveAdam(Map<String, Range> ranges) {
            this.ranges = ranges;
        }

        @Override
        public String id() {
            return "naive-adam";
        }

        @Override
        public MethodKind kind() {
            return MethodKind.ADAM;
        }

        @Override
        public Map<String, Range> hyperparameterRanges() {
            return ranges;
        }

        record S(double[] x, double[] m, double[] v, int t) {}

        @Override
        public Optimizer<?> create(Hyperparameters h) {
            double lr = h.get("lr");
            double b1 = h.get("b1");
            double b2 = h.get("b2");
            double eps = h.get("eps");
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
                        x[i] -= lr * mh / (Math.sqrt(vh) + eps);
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

    private static Result run(ConformanceProperty c, int tries) {
        return TheoremRunner.run(c, c.regime("holds"), tries, RunSettings.ci());
    }

    @Test
    void robustnessFindsTheNaNOfAnUnguardedAdamAtEpsZero() {
        Result r = run(new Robustness(PluginProvider.of(new NaiveAdam(Map.of()))), 200);
        assertThat(r.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(r.counterexample().summary()).contains("non-finite", "naive-adam");
        assertThat(r.counterexample().fields()).containsEntry("eps", 0.0);
    }

    @Test
    void declaringEpsPositiveMakesItRobustAndScaleInvarianceNotApplicable() {
        PluginProvider p = PluginProvider.of(new NaiveAdam(Map.of("eps", new PluggableOptimizer.Range(1e-8, 1e-8))));
        assertThat(run(new Robustness(p), 200).outcome()).isEqualTo(Outcome.HELD);
        Result si = run(new GradientScaleInvariance(p), 200);
        assertThat(si.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat((String) si.extra().get("notApplicable"))
                .contains("declares eps in [1.0E-8, 1.0E-8]", "excludes eps = 0.0");
        // the naive formula is Kingma & Ba's, so with eps > 0 it matches the reference
        assertThat(run(new ReferenceEquivalence(p), 200).outcome()).isEqualTo(Outcome.HELD);
    }

    @Test
    void anAdamWithLrOffByOnePartInAMillionFailsReferenceEquivalence() {
        PluginProvider p = PluginProvider.of(new ReferencePlugin(MethodKind.ADAM, Map.of(), 1 + 1e-6, "adam-lr-off"));
        Result r = run(new ReferenceEquivalence(p), 200);
        assertThat(r.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(r.conventions()).containsEntry("eps", "outside-sqrt").containsEntry("bias-correction", "on");
    }

    @Test
    void aDeclaredConventionIsAnOptionNotAFailure() {
        // eps inside the square root, declared: matches the reference under that convention ...
        PluginProvider inside = PluginProvider.of(
                new ReferencePlugin(MethodKind.ADAM, Map.of("eps", "inside-sqrt"), 1, "adam-eps-inside"));
        Result ok = run(new ReferenceEquivalence(inside), 100);
        assertThat(ok.outcome()).isEqualTo(Outcome.HELD);
        assertThat(ok.conventions()).containsEntry("eps", "inside-sqrt");
        // ... and the same optimizer declared with the default convention is caught.
        PluginProvider mislabelled = PluginProvider.of(new PluggableOptimizer() {
            @Override
            public String id() {
                return "adam-eps-inside-undeclared";
            }

            @Override
            public MethodKind kind() {
                return MethodKind.ADAM;
            }

            @Override
            public Optimizer<?> create(Hyperparameters h) {
                return new ReferencePlugin(MethodKind.ADAM, Map.of("eps", "inside-sqrt"), 1, "x").create(h);
            }
        });
        assertThat(run(new ReferenceEquivalence(mislabelled), 100).outcome()).isEqualTo(Outcome.BROKEN);
    }
}
