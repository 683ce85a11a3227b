package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.problem.Certificate.Constant;
import java.math.BigDecimal;
import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class QuadraticCertificateTest {

    static Exactness exactness(Certificate c, Constant k) {
        return c.entry(k).orElseThrow().exactness();
    }

    @Test
    void diagonalHasExactSmoothnessStrongConvexityAndMinimum() {
        Quadratic q = Quadratic.diagonal(new double[] {3, 0.5, 2});
        Certificate c = q.certificate();
        assertThat(c.L()).hasValue(3.0);
        assertThat(exactness(c, Constant.L)).isEqualTo(Exactness.EXACT);
        assertThat(c.mu()).hasValue(0.5);
        assertThat(exactness(c, Constant.MU)).isEqualTo(Exactness.EXACT);
        assertThat(c.fStar()).hasValue(0.0);
        assertThat(exactness(c, Constant.F_STAR)).isEqualTo(Exactness.EXACT);
        assertThat(c.xStar()).hasValueSatisfying(x -> assertThat(x).containsExactly(0, 0, 0));
        assertThat(c.xStarEntry().orElseThrow().exactness()).isEqualTo(Exactness.EXACT);
        assertThat(c.convex()).contains(true);
        assertThat(q.problem().family()).isEqualTo("quadratic.diagonal");
    }

    @Test
    void singularPsdDiagonalIsConvexWithMuZeroAndAMinimizer() {
        Quadratic q = Quadratic.diagonal(new double[] {2, 0}, new double[] {1.5, 4});
        Certificate c = q.certificate();
        assertThat(c.L()).hasValue(2.0);
        assertThat(c.mu()).hasValue(0.0);
        assertThat(c.convex()).contains(true);
        double[] xs = c.xStar().orElseThrow();
        assertThat(q.gradient(xs)).containsExactly(0.0, 0.0);
        assertThat(c.xStarEntry().orElseThrow().note()).contains("null(H)");
    }

    @Test
    void indefiniteDiagonalIsNotConvexAndHasNoMinimum() {
        Certificate c = Quadratic.diagonal(new double[] {1, -4}).certificate();
        assertThat(c.L()).hasValue(4.0);
        assertThat(c.convex()).contains(false);
        assertThat(c.mu()).isEmpty();
        assertThat(c.fStar()).isEmpty();
        assertThat(c.fLow()).isEmpty();
        assertThat(c.xStar()).isEmpty();
    }

    @Test
    void diagonalXStarIsExactOnlyWhenTheProductsAre() {
        Quadratic exact = Quadratic.diagonal(new double[] {2, 8}, new double[] {0.75, -0.125});
        assertThat(exact.certificate().xStarEntry().orElseThrow().exactness()).isEqualTo(Exactness.EXACT);
        assertThat(exact.gradient(new double[] {0.75, -0.125})).containsExactly(0.0, 0.0);
        // 0.1 * 0.7 is not exact in double (checked here independently with BigDecimal).
        BigDecimal product = new BigDecimal(0.1).multiply(new BigDecimal(0.7));
        assertThat(product.compareTo(new BigDecimal(0.1 * 0.7))).isNotZero();
        Quadratic rounded = Quadratic.diagonal(new double[] {0.1}, new double[] {0.7});
        assertThat(rounded.certificate().xStarEntry().orElseThrow().exactness()).isEqualTo(Exactness.ROUNDED);
        assertThat(exactness(rounded.certificate(), Constant.F_STAR)).isEqualTo(Exactness.ROUNDED);
    }

    @Test
    void fromSpectrumHasTheChosenEigenvalues() {
        RandomGenerator r = new Well19937c(11L);
        for (int d = 1; d <= 8; d++) {
            for (double kappa : new double[] {1, 10, 1e3, 1e6}) {
                double[] lam = new double[d];
                for (int i = 0; i < d; i++) {
                    lam[i] = d == 1 ? 1 : Math.pow(kappa, (double) i / (d - 1));
                }
                double[] z = new double[d * d];
                for (int i = 0; i < z.length; i++) {
                    z[i] = r.nextGaussian();
                }
                double[] xs = new double[d];
                for (int i = 0; i < d; i++) {
                    xs[i] = r.nextGaussian();
                }
                Quadratic q = Quadratic.fromSpectrum(lam, Orthogonal.fromGaussian(z, d), xs);
                double[][] h = q.h();
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        assertThat(h[i][j]).isEqualTo(h[j][i]);
                    }
                }
                double[] got = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(h)).getEigenvalues();
                Arrays.sort(got);
                double lmax = lam[d - 1];
                for (int i = 0; i < d; i++) {
                    assertThat(Math.abs(got[i] - lam[i]) / lmax)
                            .as("d=%d kappa=%s eigenvalue %d", d, kappa, i)
                            .isLessThanOrEqualTo(1e-12);
                }
                Certificate c = q.certificate();
                assertThat(c.L()).hasValue(lmax);
                assertThat(c.mu()).hasValue(lam[0]);
                assertThat(exactness(c, Constant.L)).isEqualTo(Exactness.ROUNDED);
                assertThat(q.gradient(xs)).containsOnly(0.0);
                assertThat(c.fStar()).hasValue(q.value(xs));
            }
        }
    }

    @Test
    void fromSpectrumRejectsANonOrthogonalMatrix() {
        assertThatThrownBy(() -> Quadratic.fromSpectrum(
                        new double[] {1, 2}, new double[][] {{1, 0.1}, {0, 1}}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orthogonal");
    }

    @Test
    void generalPositiveDefiniteQuadraticSolvesForItsMinimizer() {
        double[][] h = {{4, 1, 0}, {1, 3, -1}, {0, -1, 2}};
        double[] b = {1, -2, 0.5};
        Quadratic q = Quadratic.of(h, b);
        Certificate c = q.certificate();
        double[] eig = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(h)).getEigenvalues();
        Arrays.sort(eig);
        assertThat(c.L().getAsDouble()).isCloseTo(eig[2], Offset.offset(1e-13));
        assertThat(c.mu().getAsDouble()).isCloseTo(eig[0], Offset.offset(1e-13));
        double[] g = q.gradient(c.xStar().orElseThrow());
        for (double gi : g) {
            assertThat(Math.abs(gi)).isLessThanOrEqualTo(1e-14);
        }
    }

    @Test
    void generalSingularQuadraticUsesMinimumNormMinimizerOrReportsUnbounded() {
        // H = v v^T with v = (1, 1): range spanned by (1, 1).
        double[][] h = {{1, 1}, {1, 1}};
        Quadratic inRange = Quadratic.of(h, new double[] {2, 2});
        double[] xs = inRange.certificate().xStar().orElseThrow();
        assertThat(xs[0]).isCloseTo(1.0, Offset.offset(1e-14));
        assertThat(xs[1]).isCloseTo(1.0, Offset.offset(1e-14));
        assertThat(inRange.certificate().mu()).hasValue(0.0);
        Quadratic outside = Quadratic.of(h, new double[] {1, 0});
        assertThat(outside.certificate().xStar()).isEmpty();
        assertThat(outside.certificate().fLow()).isEmpty();
        assertThat(outside.certificate().convex()).contains(true);
    }

    @Test
    void rejectsMalformedInput() {
        assertThatThrownBy(() -> Quadratic.diagonal(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quadratic.diagonal(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quadratic.of(new double[][] {{1, 2}, {2.5, 1}}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symmetric");
        Quadratic q = Quadratic.diagonal(new double[] {1});
        assertThatThrownBy(() -> q.value(new double[2])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonFiniteArgumentsPropagate() {
        Quadratic q = Quadratic.diagonal(new double[] {1, 2});
        assertThat(q.value(new double[] {Double.NaN, 0})).isNaN();
        assertThat(q.value(new double[] {Double.POSITIVE_INFINITY, 0})).isInfinite();
    }

    @Test
    void factoriesCopyTheirArguments() {
        double[] lam = {1, 2};
        Quadratic q = Quadratic.diagonal(lam);
        lam[0] = 100;
        assertThat(q.eigenvalues()).containsExactly(1, 2);
        q.eigenvalues()[0] = 50;
        assertThat(q.eigenvalues()).containsExactly(1, 2);
        q.h()[0][0] = 50;
        assertThat(q.value(new double[] {1, 0})).isEqualTo(0.5);
    }
}
