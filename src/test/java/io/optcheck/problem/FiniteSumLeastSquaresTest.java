package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The per-example terms of finite-sum least squares: each grad f_i against central finite
 * differences of f_i, their mean against the full gradient, the values' mean against f.
 */
class FiniteSumLeastSquaresTest {

    @Test
    void exampleGradientsMatchFiniteDifferencesAndAverageToTheGradient() {
        RandomGenerator r = new Well19937c(11L);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + r.nextInt(6);
            int d = 1 + r.nextInt(4);
            double[][] a = DerivativeCrossCheckTest.gaussian(r, n, d);
            double[] y = DerivativeCrossCheckTest.gaussian(r, n, 1.0);
            FiniteSumLeastSquares f = new FiniteSumLeastSquares(a, y);
            double[] x = DerivativeCrossCheckTest.gaussian(r, d, 2.0);
            double[] mean = new double[d];
            double fMean = 0;
            double[] g = new double[d];
            for (int i = 0; i < n; i++) {
                f.exampleGradient(i, x, g);
                fMean += f.exampleValue(i, x) / n;
                for (int j = 0; j < d; j++) {
                    double h = 1e-5 * Math.max(1, Math.abs(x[j]));
                    double[] xp = x.clone();
                    double[] xm = x.clone();
                    xp[j] += h;
                    xm[j] -= h;
                    double fd = (f.exampleValue(i, xp) - f.exampleValue(i, xm)) / (2 * h);
                    assertThat(Math.abs(fd - g[j]))
                            .as("example %d component %d", i, j)
                            .isLessThanOrEqualTo(1e-6 * Math.max(1, Math.abs(g[j])));
                    mean[j] += g[j] / n;
                }
            }
            double[] full = f.gradient(x);
            for (int j = 0; j < d; j++) {
                assertThat(Math.abs(mean[j] - full[j])).isLessThanOrEqualTo(1e-12 * Math.max(1, Math.abs(full[j])));
            }
            assertThat(Math.abs(fMean - f.value(x))).isLessThanOrEqualTo(1e-12 * Math.max(1, Math.abs(fMean)));
        }
    }

    @Test
    void certificateGivesTheTopEigenvalueOfTheHessian() {
        // A = [[2, 0], [0, 1]] with n = 2: A^T A / n = diag(2, 0.5), so L = 2.
        FiniteSumLeastSquares f = new FiniteSumLeastSquares(new double[][] {{2, 0}, {0, 1}}, new double[] {1, 1});
        assertThat(f.certificate().L().orElseThrow()).isCloseTo(2.0, Offset.offset(1e-12));
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new FiniteSumLeastSquares(new double[0][], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
        FiniteSumLeastSquares f = new FiniteSumLeastSquares(new double[][] {{1}}, new double[] {0});
        assertThatThrownBy(() -> f.exampleValue(1, new double[] {0})).isInstanceOf(IllegalArgumentException.class);
    }
}
