package io.optcheck.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.oracle.NoisyOracle;
import io.optcheck.problem.Quadratic;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class StochasticMethodsTest {

    private static Quadratic scaled(double h) {
        return Quadratic.diagonal(new double[] {h});
    }

    @Test
    void scheduleIsAOverTPlusBToThePower() {
        StochasticGradientDescent sgd = new StochasticGradientDescent(2, 3, 1);
        assertThat(sgd.stepAt(0)).isEqualTo(2.0 / 3);
        assertThat(sgd.stepAt(5)).isEqualTo(2.0 / 8);
        assertThat(StochasticGradientDescent.constant(0.1).stepAt(1000)).isEqualTo(0.1);
    }

    /** With the exact oracle, constant-step SGD is gradient descent, bit for bit. */
    @Test
    void constantStepWithExactGradientsIsGd() {
        Quadratic q = scaled(3);
        Trajectory a = Runner.run(StochasticGradientDescent.constant(0.1), new ExactOracle(q), new double[] {1}, 20);
        Trajectory b = Runner.run(new GradientDescent(0.1), new ExactOracle(q), new double[] {1}, 20);
        for (int t = 0; t <= 20; t++) {
            assertThat(a.x(t)).containsExactly(b.x(t));
        }
    }

    /** The running average is sum eta_t x_t / sum eta_t over t < T, computed by hand here. */
    @Test
    void averageIsStepWeighted() {
        StochasticGradientDescent sgd = new StochasticGradientDescent(1, 2, 1);
        ExactOracle o = new ExactOracle(scaled(1));
        StochasticGradientDescent.State s = sgd.init(new double[] {4});
        double num = 0;
        double den = 0;
        double den2 = 0;
        double x = 4;
        for (int t = 0; t < 5; t++) {
            double eta = 1.0 / (t + 2);
            num += eta * x;
            den += eta;
            den2 += eta * eta;
            x -= eta * x;
            s = sgd.step(s, o);
        }
        assertThat(s.x()[0]).isCloseTo(x, Offset.offset(1e-15));
        assertThat(s.average()[0]).isCloseTo(num / den, Offset.offset(1e-15));
        assertThat(s.sumEta()).isCloseTo(den, Offset.offset(1e-15));
        assertThat(s.sumEtaSquared()).isCloseTo(den2, Offset.offset(1e-15));
    }

    @Test
    void badSchedulesAreNamed() {
        assertThatThrownBy(() -> new StochasticGradientDescent(0, 1, 1)).hasMessageContaining("a must be");
        assertThatThrownBy(() -> new StochasticGradientDescent(1, 0, 1)).hasMessageContaining("b must be");
        assertThatThrownBy(() -> new StochasticGradientDescent(1, 1, Double.NaN))
                .hasMessageContaining("p must be");
    }

    @Test
    void noisyOracleIsSeededAndCentredOnTheGradient() {
        Quadratic q = scaled(2);
        NoisyOracle a = new NoisyOracle(q, NoisyOracle.gaussian(0.5), 7);
        NoisyOracle b = new NoisyOracle(q, NoisyOracle.gaussian(0.5), 7);
        double[] ga = new double[1];
        double[] gb = new double[1];
        double sum = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            a.gradient(new double[] {1}, ga);
            b.gradient(new double[] {1}, gb);
            assertThat(ga[0]).isEqualTo(gb[0]);
            sum += ga[0];
        }
        // grad = 2; the mean of 20000 draws with s = 0.5 is within 6 standard errors (fixed seed).
        assertThat(sum / n).isCloseTo(2.0, Offset.offset(6 * 0.5 / Math.sqrt(n)));
        assertThat(a.gradientCalls()).isEqualTo(n);
    }

    @Test
    void studentTHasTheStatedVariance() {
        assertThat(NoisyOracle.studentT(2, 1).variancePerCoordinate()).isInfinite();
        assertThat(NoisyOracle.studentT(5, 2).variancePerCoordinate()).isEqualTo(4 * 5 / 3.0);
        // The empirical variance of t(5) draws is close to 5/3 (fixed seed, 2e5 draws).
        NoisyOracle.Noise t5 = NoisyOracle.studentT(5, 1);
        Well19937c rng = new Well19937c(11);
        double ss = 0;
        int n = 200000;
        for (int i = 0; i < n; i++) {
            double v = t5.draw(rng);
            ss += v * v;
        }
        assertThat(ss / n).isCloseTo(5 / 3.0, Offset.offset(0.1));
        assertThatThrownBy(() -> NoisyOracle.studentT(1, 1)).hasMessageContaining("nu");
    }

    @Test
    void referenceProvidersBuildEveryKind() {
        for (MethodKind k : MethodKind.values()) {
            MethodProvider p = MethodProviders.reference(k);
            Method<?> m = p.create(MethodProviders.defaults(k));
            assertThat(m).as(k.id()).isNotNull();
            assertThat(p.kind()).isEqualTo(k);
            assertThat(MethodKind.byId(k.id())).isEqualTo(k);
        }
        assertThat(MethodProviders.reference(MethodKind.ADAM).conventions())
                .containsEntry("eps", "outside-sqrt")
                .containsEntry("bias-correction", "on");
    }

    @Test
    void unknownConventionsAndKindsAreNamed() {
        assertThatThrownBy(() -> MethodProviders.reference(MethodKind.ADAM, Map.of("eps", "inside")))
                .hasMessageContaining("convention eps of kind adam must be one of");
        assertThatThrownBy(() -> MethodProviders.reference(MethodKind.GD, Map.of("eps", "inside-sqrt")))
                .hasMessageContaining("method kind gd has no convention 'eps'");
        assertThatThrownBy(() -> MethodKind.byId("adafactor")).hasMessageContaining("unknown method kind 'adafactor'");
        assertThatThrownBy(() -> Hyperparameters.none().get("lr")).hasMessageContaining("'lr' is not set");
    }
}
