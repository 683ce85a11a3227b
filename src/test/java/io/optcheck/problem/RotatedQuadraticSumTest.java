package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Rotated quadratic sums against hand-derived values: in d = 2 with Q a rotation by theta,
 * H = s [[l1 c^2 + l2 s^2, (l1 - l2) c s], [(l1 - l2) c s, l1 s^2 + l2 c^2]] with s = 1 - 2^-30;
 * the certified constants bound the rounded matrices' eigenvalues in d = 10 at kappa 1e4; the
 * components do not commute.
 */
class RotatedQuadraticSumTest {

    static double[][] rotation(double theta) {
        return new double[][] {{Math.cos(theta), -Math.sin(theta)}, {Math.sin(theta), Math.cos(theta)}};
    }

    @Test
    void twoDimensionalComponentsMatchTheClosedForm() {
        double t = 0.3;
        RotatedQuadraticSum f = new RotatedQuadraticSum(
                new double[][] {{1, 0.25}, {0.5, 0.5}},
                new double[][][] {rotation(t), rotation(1.1)},
                new double[][] {{1, 2}, {-1, 0}});
        double c = Math.cos(t);
        double s = Math.sin(t);
        double k = 1 - 0x1p-30;
        double[][] h = f.componentHessian(0);
        assertThat(h[0][0]).isCloseTo(k * (c * c + 0.25 * s * s), within(1e-15));
        assertThat(h[0][1]).isCloseTo(k * 0.75 * c * s, within(1e-15));
        assertThat(h[1][1]).isCloseTo(k * (s * s + 0.25 * c * c), within(1e-15));
        // an isotropic component is k I whatever its rotation
        assertThat(f.componentHessian(1)[0][1]).isCloseTo(0, within(1e-16));
        double[] g = new double[2];
        f.exampleGradient(0, new double[] {2, 2}, g); // H (x - c) with x - c = (1, 0)
        assertThat(g[0]).isCloseTo(h[0][0], within(1e-15));
        assertThat(g[1]).isCloseTo(h[1][0], within(1e-15));
        assertThat(f.bregman(0, new double[] {2, 2}, new double[] {1, 2})).isCloseTo(h[0][0] / 2, within(1e-15));
        // x* solves grad f = 0
        double[] gs = f.gradient(f.minimizer());
        assertThat(Math.hypot(gs[0], gs[1])).isLessThan(1e-14);
        assertThat(f.componentL(0)).isEqualTo(1);
        assertThat(f.componentMu(0)).isEqualTo(0.25 * (1 - 0x1p-29));
    }

    @Test
    void certifiedConstantsBoundTheRoundedSpectraAndComponentsDoNotCommute() {
        Well19937c rng = new Well19937c(7);
        int d = 10;
        int n = 3;
        double[][] l = new double[n][d];
        double[][][] q = new double[n][][];
        double[][] c = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                l[i][j] = j == 0 ? 1e-4 : j == 1 ? 1 : Math.exp(Math.log(1e-4) * rng.nextDouble());
            }
            double[] z = new double[d * d];
            for (int a = 0; a < z.length; a++) {
                z[a] = rng.nextGaussian();
            }
            q[i] = Orthogonal.fromGaussian(z, d);
        }
        RotatedQuadraticSum f = new RotatedQuadraticSum(l, q, c);
        for (int i = 0; i < n; i++) {
            double[] ev = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(f.componentHessian(i)))
                    .getEigenvalues();
            for (double v : ev) {
                assertThat(v).isBetween(f.componentMu(i), f.componentL(i));
            }
        }
        double[][] a = f.componentHessian(0);
        double[][] b = f.componentHessian(1);
        double comm = 0;
        for (int r = 0; r < d; r++) {
            for (int s = 0; s < d; s++) {
                double ab = 0;
                double ba = 0;
                for (int k = 0; k < d; k++) {
                    ab += a[r][k] * b[k][s];
                    ba += b[r][k] * a[k][s];
                }
                comm = Math.max(comm, Math.abs(ab - ba));
            }
        }
        assertThat(comm).as("H_1 H_2 - H_2 H_1").isGreaterThan(1e-2);
        assertThat(f.averageMuLowerBound()).isGreaterThan(0).isLessThan(1);
    }

    @Test
    void aConditionNumberTheCertificateCannotCarryIsRefused() {
        assertThatThrownBy(() -> new RotatedQuadraticSum(
                        new double[][] {{1, 1e-8}}, new double[][][] {rotation(0.2)}, new double[][] {{0, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("condition number");
    }
}
