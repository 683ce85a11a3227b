package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * LogCoshQuadraticSum: per-example gradients against central finite differences, the bisection
 * minimizer (gradient ~ 0 there), the certified constants against the Hessian at many points, and
 * log cosh for large arguments (no overflow).
 */
class LogCoshQuadraticSumTest {

    private final LogCoshQuadraticSum f = new LogCoshQuadraticSum(
            new double[][] {{0.3, 1}, {0.5, 0.2}}, new double[][] {{0.6, 0}, {0.4, 0.7}},
            new double[][] {{1, -2}, {0, 1}}, new double[][] {{0.5, 0}, {-1.5, 2}});

    @Test
    void exampleGradientsMatchFiniteDifferences() {
        double[] x = {0.7, -1.3};
        for (int i = 0; i < 2; i++) {
            double[] g = new double[2];
            f.exampleGradient(i, x, g);
            for (int j = 0; j < 2; j++) {
                double h = 1e-5;
                double[] p = x.clone();
                double[] q = x.clone();
                p[j] += h;
                q[j] -= h;
                assertThat(g[j]).isCloseTo((f.exampleValue(i, p) - f.exampleValue(i, q)) / (2 * h), within(1e-8));
            }
        }
    }

    @Test
    void minimizerAndConstants() {
        double[] g = f.gradient(f.minimizer());
        assertThat(Math.abs(g[0]) + Math.abs(g[1])).isLessThan(1e-15);
        assertThat(f.componentMu(0)).isEqualTo(0.3);
        assertThat(f.componentL(0)).isGreaterThanOrEqualTo(1.0);
        for (double t = -5; t <= 5; t += 0.25) {
            double[][] h = f.hessian(new double[] {t, -t});
            // coordinate j of the average Hessian lies in [avg_i m_ij, avg_i (m_ij + s_ij)]:
            // [0.4, 0.9] and [0.6, 0.95], inside [min_i mu_i, max_i L_i] = [0.2, 1]
            assertThat(h[0][0]).isBetween(0.4, 0.9 + 1e-15);
            assertThat(h[1][1]).isBetween(0.6, 0.95 + 1e-15);
            assertThat(Math.max(f.componentL(0), f.componentL(1))).isGreaterThanOrEqualTo(Math.max(h[0][0], h[1][1]));
        }
    }

    @Test
    void logCoshIsStableForLargeArguments() {
        assertThat(LogCoshQuadraticSum.logCosh(1000)).isCloseTo(1000 - Math.log(2), within(1e-12));
        assertThat(LogCoshQuadraticSum.logCosh(0)).isEqualTo(0.0);
    }
}
