package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Per-example gradients of DiagonalQuadraticSum against central finite differences of the
 * per-example values and against the full gradient; the certified constants and x*, and the
 * Bregman identity used by vr.saga's Lyapunov function.
 */
class DiagonalQuadraticSumTest {

    private final DiagonalQuadraticSum f = new DiagonalQuadraticSum(
            new double[][] {{1, 0.3}, {-0.8, 0.9}, {0.5, 0}}, new double[][] {{1, -2}, {0.5, 1}, {-1, 0.25}});

    @Test
    void exampleGradientsMatchFiniteDifferencesAndAverageToTheGradient() {
        double[] x = {0.7, -1.3};
        double[] sum = new double[2];
        for (int i = 0; i < 3; i++) {
            double[] g = new double[2];
            f.exampleGradient(i, x, g);
            for (int j = 0; j < 2; j++) {
                double h = 1e-5;
                double[] p = x.clone();
                double[] m = x.clone();
                p[j] += h;
                m[j] -= h;
                double fd = (f.exampleValue(i, p) - f.exampleValue(i, m)) / (2 * h);
                assertThat(g[j]).isCloseTo(fd, within(1e-8));
                sum[j] += g[j] / 3;
            }
        }
        double[] full = f.gradient(x);
        assertThat(full[0]).isCloseTo(sum[0], within(1e-15));
        assertThat(full[1]).isCloseTo(sum[1], within(1e-15));
    }

    @Test
    void constantsAndMinimizer() {
        // hbar = (0.7/3, 1.2/3): mu = 0.7/3 rounded down, L = 1 (max |h|), component 2 concave
        assertThat(f.averageMuLowerBound()).isLessThanOrEqualTo(0.7 / 3).isCloseTo(0.7 / 3, within(1e-16));
        assertThat(f.componentMu(1)).isEqualTo(-0.8);
        assertThat(f.componentL(1)).isEqualTo(0.9);
        assertThat(f.certificate().L().getAsDouble()).isEqualTo(1.0);
        double[] xs = f.minimizer();
        double[] g = f.gradient(xs);
        assertThat(g[0]).isCloseTo(0, within(1e-15));
        assertThat(g[1]).isCloseTo(0, within(1e-15));
    }

    @Test
    void bregmanIsTheDefinition() {
        double[] p = {1.5, 0.2};
        double[] q = {-0.4, 0.9};
        for (int i = 0; i < 3; i++) {
            double[] gq = new double[2];
            f.exampleGradient(i, q, gq);
            double def = f.exampleValue(i, p) - f.exampleValue(i, q) - (gq[0] * (p[0] - q[0]) + gq[1] * (p[1] - q[1]));
            assertThat(f.bregman(i, p, q)).isCloseTo(def, within(1e-14));
        }
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new DiagonalQuadraticSum(new double[0][], new double[0][]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.exampleValue(3, new double[2])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.gradient(new double[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
