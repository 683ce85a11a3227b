package io.optcheck.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Quadratic;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** First steps of the new reference implementations, computed by hand from the papers. */
class NewAdaptiveKindsTest {

    /** f = (1/2) 4 x^2 at x0 = 1: g_1 = 4. */
    private static double firstStep(MethodKind kind, Map<String, String> conv, Hyperparameters h) {
        Method<?> m = MethodProviders.reference(kind, conv).create(h);
        return step(m);
    }

    private static <S extends MethodState> double step(Method<S> m) {
        S s = m.init(new double[] {1});
        return m.step(s, new ExactOracle(Quadratic.diagonal(new double[] {4}))).x()[0];
    }

    private static Hyperparameters adamLike(double lr, double b1, double b2, double eps) {
        return Hyperparameters.of("lr", lr).with("b1", b1).with("b2", b2).with("eps", eps);
    }

    @Test
    void nadamsFirstStepIsLrTimesOnePlusB1OverOnePlusB1() {
        // m_1 = (1-b1) g, n_1 = b1 (1-b1) g/(1-b1^2) + g = g (1 + b1/(1+b1)); v^ = g^2.
        assertThat(firstStep(MethodKind.NADAM, Map.of(), adamLike(0.1, 0.5, 0.9, 0)))
                .isEqualTo(1 - 0.1 * (1 + 0.5 / 1.5), Offset.offset(1e-15));
        // Ruder's form: n_1 = b1 g + g.
        assertThat(firstStep(MethodKind.NADAM, Map.of("momentum-correction", "same-power"), adamLike(0.1, 0.5, 0.9, 0)))
                .isEqualTo(1 - 0.1 * 1.5, Offset.offset(1e-15));
    }

    @Test
    void adaMaxsFirstStepIsExactlyLrSignG() {
        assertThat(firstStep(MethodKind.ADAMAX, Map.of(), adamLike(0.25, 0.9, 0.999, 0)))
                .isEqualTo(0.75);
        // eps inside the maximum: u_1 = |g| + eps = 5, step lr (g / 5) = 0.25 * 0.8
        assertThat(firstStep(MethodKind.ADAMAX, Map.of("eps", "inside-max"), adamLike(0.25, 0.9, 0.999, 1)))
                .isEqualTo(1 - 0.25 * 0.8, Offset.offset(1e-15));
    }

    @Test
    void adaDeltasFirstStepIsSqrtEpsOverRmsG() {
        // E[g^2]_1 = (1 - rho) 16 = 1.6 at rho = 0.9; dx = -sqrt(eps)/sqrt(1.6 + eps) g with eps = 0.4: -sqrt(0.4/2) 4
        Hyperparameters h = Hyperparameters.of("lr", 1).with("rho", 0.9).with("eps", 0.4);
        assertThat(firstStep(MethodKind.ADADELTA, Map.of(), h)).isEqualTo(1 - Math.sqrt(0.2) * 4, Offset.offset(1e-15));
        // eps = 0: RMS[dx]_0 = 0, nothing moves
        assertThat(firstStep(MethodKind.ADADELTA, Map.of(), h.with("eps", 0))).isEqualTo(1.0);
    }

    @Test
    void adaBeliefsFirstStepIsLrSignGOverB1AtEpsZero() {
        // m_1 = (1-b1) g, g - m_1 = b1 g, s^_1 = b1^2 g^2: step lr sign(g)/b1
        assertThat(firstStep(MethodKind.ADABELIEF, Map.of(), adamLike(0.1, 0.5, 0.9, 0)))
                .isEqualTo(1 - 0.2, Offset.offset(1e-15));
    }

    @Test
    void nesterovCountedFromOneHasMomentumOneQuarterInStepTwo() {
        // On f = 0 (gradient 0) from x0, x1 = x0; give x1 != x0 with a linear gradient instead: f = x, g = 1.
        Method<?> from1 = MethodProviders.reference(MethodKind.NESTEROV, Map.of("nesterov-form", "simplified-t-from-1"))
                .create(Hyperparameters.of("lr", 1));
        Method<?> simplified = MethodProviders.reference(MethodKind.NESTEROV, Map.of("nesterov-form", "simplified"))
                .create(Hyperparameters.of("lr", 1));
        // x1 = -1 in both; x2 = x1 + m (x1 - x0) - 1: -2.25 with m = 1/4, -2 with m = 0
        assertThat(twoSteps(from1)).isEqualTo(-2.25);
        assertThat(twoSteps(simplified)).isEqualTo(-2.0);
    }

    private static <S extends MethodState> double twoSteps(Method<S> m) {
        GradientOracle unit = new GradientOracle() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double value(double[] x) {
                return x[0];
            }

            @Override
            public void gradient(double[] x, double[] out) {
                out[0] = 1;
            }

            @Override
            public long valueCalls() {
                return 0;
            }

            @Override
            public long gradientCalls() {
                return 0;
            }
        };
        S s = m.init(new double[] {0});
        return m.step(m.step(s, unit), unit).x()[0];
    }

    @Test
    void adaGradsInitialAccumulatorIsParsedAndChecked() {
        Hyperparameters h = Hyperparameters.of("lr", 1).with("eps", 0);
        // v_1 = v0 + 16: with v0 = 9, step 4/5
        assertThat(firstStep(MethodKind.ADAGRAD, Map.of("initial-accumulator", "9"), h))
                .isEqualTo(1 - 0.8, Offset.offset(1e-15));
        assertThat(firstStep(MethodKind.ADAGRAD, Map.of("initial-accumulator", "eps"), h.with("eps", 9)))
                .isEqualTo(1 - 4 / (5.0 + 9), Offset.offset(1e-15));
        assertThat(MethodProviders.resolvedConventions(MethodKind.ADAGRAD, Map.of()))
                .containsEntry("initial-accumulator", "0");
        assertThatThrownBy(() ->
                        MethodProviders.resolvedConventions(MethodKind.ADAGRAD, Map.of("initial-accumulator", "-1")))
                .hasMessageContaining("initial-accumulator");
    }
    /**
     * RMSProp's initial accumulator (ND4J starts it at eps): g_1 = 4, lr = 1, rho = 0.5. v_0 = 0:
     * v_1 = 8, x_1 = 1 - 4/sqrt(8); v_0 = 9 (a number): v_1 = 4.5 + 8 = 12.5; v_0 = eps = 9 with
     * eps = 9 outside the root as well: x_1 = 1 - 4/(sqrt(12.5) + 9).
     */
    @Test
    void rmsPropsInitialAccumulatorIsParsedAndChecked() {
        Hyperparameters h = Hyperparameters.of("lr", 1).with("rho", 0.5).with("eps", 0);
        Offset<Double> ulps = Offset.offset(1e-15);
        assertThat(firstStep(MethodKind.RMSPROP, Map.of(), h)).isEqualTo(1 - 4 / Math.sqrt(8), ulps);
        assertThat(firstStep(MethodKind.RMSPROP, Map.of("initial-accumulator", "9"), h))
                .isEqualTo(1 - 4 / Math.sqrt(12.5), ulps);
        assertThat(firstStep(MethodKind.RMSPROP, Map.of("initial-accumulator", "eps"), h.with("eps", 9)))
                .isEqualTo(1 - 4 / (Math.sqrt(12.5) + 9), ulps);
        assertThat(MethodProviders.resolvedConventions(MethodKind.RMSPROP, Map.of()))
                .containsEntry("initial-accumulator", "0");
        assertThatThrownBy(() ->
                        MethodProviders.resolvedConventions(MethodKind.RMSPROP, Map.of("initial-accumulator", "x")))
                .hasMessageContaining("initial-accumulator");
    }

    /**
     * AMSGrad in the reordered (eps-hat) form, two steps on f = 2 x^2 from x0 = 1 with lr = 0.5,
     * b1 = 0, b2 = 0.5, eps = 0. Step 1: g = 4, v = vhat = 8, lr_1 = 0.5 sqrt(0.5), x_1 = 1 -
     * lr_1 4/sqrt(8) = 0.5. Step 2: g = 2, v = 4 + 2 = 6, vhat = max(8, 6) = 8, lr_2 = 0.5
     * sqrt(0.75), x_2 = 0.5 - lr_2 2/sqrt(8) = 0.19381 (without the maximum: 0.5 - lr_2 2/sqrt(6)
     * = 0.14645).
     */
    @Test
    void amsGradEpsHatTakesTheMaximumOverTheRawSecondMoment() {
        Method<?> m = MethodProviders.reference(MethodKind.AMSGRAD, Map.of("eps", "eps-hat"))
                .create(adamLike(0.5, 0, 0.5, 0));
        assertThat(m.id()).isEqualTo("amsgrad");
        assertThat(twoStepsOnFourXSquaredHalf(m))
                .isEqualTo(0.5 - 0.5 * Math.sqrt(0.75) * 2 / Math.sqrt(8), Offset.offset(1e-15));
        assertThat(0.5 - 0.5 * Math.sqrt(0.75) * 2 / Math.sqrt(8)).isEqualTo(0.19381, Offset.offset(1e-5));
        assertThatThrownBy(() -> MethodProviders.reference(
                                MethodKind.AMSGRAD, Map.of("eps", "eps-hat", "max-over", "corrected"))
                        .create(adamLike(0.5, 0, 0.5, 0)))
                .hasMessageContaining("max-over = raw");
    }

    private static <S extends MethodState> double twoStepsOnFourXSquaredHalf(Method<S> m) {
        ExactOracle o = new ExactOracle(Quadratic.diagonal(new double[] {4}));
        S s = m.init(new double[] {1});
        s = m.step(s, o);
        assertThat(s.x()[0]).isEqualTo(0.5, Offset.offset(1e-15));
        return m.step(s, o).x()[0];
    }
}
