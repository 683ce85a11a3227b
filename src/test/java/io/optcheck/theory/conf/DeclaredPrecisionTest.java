package io.optcheck.theory.conf;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.api.Precision;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.method.plugin.ReferencePlugin;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.TheoremRunner;
import org.junit.jupiter.api.Test;

/** conf.declared-precision on a gradient descent that computes in float while it declares double. */
class DeclaredPrecisionTest {

    /** GD whose iterate is stored in float: x+ = (float) (x - lr g). Declares {@code declared}. */
    static final class FloatGd implements PluggableOptimizer {
        private final Precision declared;

        FloatGd(Precision declared) {
            this.declared = declared;
        }

        @Override
        public String id() {
            return "float-gd-declared-" + declared.id();
        }

        @Override
        public MethodKind kind() {
            return MethodKind.GD;
        }

        @Override
        public Precision precision() {
            return declared;
        }

        @Override
        public Optimizer<?> create(Hyperparameters h) {
            double lr = h.get("lr");
            return new Optimizer<double[]>() {
                @Override
                public double[] init(double[] x0) {
                    double[] x = new double[x0.length];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = (float) x0[i];
                    }
                    return x;
                }

                @Override
                public double[] step(double[] x, Oracle oracle) {
                    double[] g = oracle.gradient(x);
                    double[] next = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        next[i] = (float) (x[i] - lr * g[i]);
                    }
                    return next;
                }

                @Override
                public double[] position(double[] x) {
                    return x.clone();
                }
            };
        }
    }

    private static Result run(PluggableOptimizer p) {
        DeclaredPrecision c = new DeclaredPrecision(PluginProvider.of(p));
        Regime r = c.regime("holds");
        return TheoremRunner.run(c, r, 200, RunSettings.ci());
    }

    @Test
    void aFloatComputationDeclaredAsDoubleFailsWithTheEvidence() {
        Result res = run(new FloatGd(Precision.FLOAT64));
        assertThat(res.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(res.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(res.counterexample()).isNotNull();
        assertThat(res.counterexample().summary()).contains("float32 number");
        // the evidence: per step, the coordinates on the float32 grid, for the method and the reference
        assertThat(res.series().curves())
                .containsKeys("coordinates of x_t that are float32 numbers", "same, float64 reference");
    }

    @Test
    void theSameComputationDeclaredAsFloat32IsCheckedAgainstBfloat16AndPasses() {
        Result res = run(new FloatGd(Precision.FLOAT32));
        assertThat(res.outcome()).isEqualTo(Outcome.HELD);
        assertThat(res.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aFloat64GradientDescentPassesAndABfloat16DeclarationIsNotApplicable() {
        assertThat(run(new ReferencePlugin(MethodKind.GD)).verdict()).isEqualTo(Verdict.PASS);
        assertThat(run(new FloatGd(Precision.BFLOAT16)).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    /** "GD" that jumps to 0 in one step: its iterates are float32 numbers for another reason than float arithmetic. */
    static final class JumpToZero implements PluggableOptimizer {
        @Override
        public String id() {
            return "jump-to-zero";
        }

        @Override
        public MethodKind kind() {
            return MethodKind.GD;
        }

        @Override
        public Optimizer<?> create(Hyperparameters h) {
            return new Optimizer<double[]>() {
                @Override
                public double[] init(double[] x0) {
                    return x0.clone();
                }

                @Override
                public double[] step(double[] x, Oracle oracle) {
                    oracle.gradient(x);
                    return new double[x.length];
                }

                @Override
                public double[] position(double[] x) {
                    return x.clone();
                }
            };
        }
    }

    @Test
    void iteratesOnTheFloat32GridThatDoNotFollowTheReferenceAreNotTakenForFloatArithmetic() {
        // Every iterate is 0, a float32 number, but far from GD's: another update, which
        // conf.reference-equivalence reports; the precision check holds.
        Result res = run(new JumpToZero());
        assertThat(res.outcome()).isEqualTo(Outcome.HELD);
    }
}
