package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Lanczos extreme eigenvalues against Hipparchus EigenDecompositionSymmetric, the
 * central-difference Hessian-vector product against the exact one within its stated bound, the
 * critical-point classifier on textbook points, and the strict saddle's certified L.
 */
class SecondOrderToolsTest {

    static double[][] randomSymmetric(RandomGenerator r, int d) {
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = r.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        return a;
    }

    static double[] times(double[][] a, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += a[i][j] * v[j];
            }
        }
        return out;
    }

    @Test
    void lanczosToFullDimensionMatchesTheDenseEigenvaluesInSmallDimension() {
        RandomGenerator r = new Well19937c(11L);
        for (int d = 1; d <= 10; d++) {
            for (int rep = 0; rep < 5; rep++) {
                double[][] a = randomSymmetric(r, d);
                double[] ev = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(a)).getEigenvalues();
                double max = Double.NEGATIVE_INFINITY;
                double min = Double.POSITIVE_INFINITY;
                double norm = 0;
                for (double e : ev) {
                    max = Math.max(max, e);
                    min = Math.min(min, e);
                    norm = Math.max(norm, Math.abs(e));
                }
                ExtremeEigenvalues.Result res = ExtremeEigenvalues.lanczos(v -> times(a, v), d, d, 100 + rep);
                assertThat(Math.abs(res.max() - max)).as("d = %d max", d).isLessThanOrEqualTo(1e-10 * norm);
                assertThat(Math.abs(res.min() - min)).as("d = %d min", d).isLessThanOrEqualTo(1e-10 * norm);
                assertThat(res.maxResidual()).isLessThanOrEqualTo(1e-9 * norm);
                // Ritz values never leave the spectrum's hull by more than rounding.
                assertThat(res.max()).isLessThanOrEqualTo(max + 1e-12 * norm);
            }
        }
    }

    @Test
    void lanczosOnNetworkHessianProductsMatchesTheDenseHessian() {
        RandomGenerator r = new Well19937c(12L);
        double[][] x = new double[10][2];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = r.nextGaussian();
            y[i] = r.nextGaussian();
        }
        TwoLayerNet net = new TwoLayerNet(TwoLayerNet.Activation.TANH, 4, x, y);
        double[] theta = new double[net.dimension()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = r.nextGaussian();
        }
        double[] dense = ExtremeEigenvalues.dense(FormulaObjective.of(net).hessian(theta));
        ExtremeEigenvalues.Result res = ExtremeEigenvalues.ofHessian(net, theta, net.dimension(), 3);
        double scale = Math.max(Math.abs(dense[0]), Math.abs(dense[dense.length - 1]));
        assertThat(res.max()).isCloseTo(dense[dense.length - 1], Offset.offset(1e-10 * scale));
        assertThat(res.min()).isCloseTo(dense[0], Offset.offset(1e-10 * scale));
    }

    @Test
    void centralDifferenceIsWithinItsStatedBoundOfTheExactProduct() {
        // f = x^2 - y^2 + y^4/4: the only fourth derivative is d^4 f/dy^4 = 6, so M4 = 6 (and the
        // fifth is 0: the truncation error is exactly h^2 v_y^3).
        StrictSaddle f = new StrictSaddle(2, 2);
        RandomGenerator r = new Well19937c(13L);
        for (int k = 0; k < 50; k++) {
            double[] x = {2 * r.nextGaussian(), 1.5 * r.nextGaussian()};
            double[] v = {r.nextGaussian(), r.nextGaussian()};
            double step = 1e-4;
            double nv = Math.hypot(v[0], v[1]);
            double g = Math.abs(2 * x[0]) + Math.abs(2 * x[1]) + Math.abs(x[1] * x[1] * x[1]) + 1;
            double gradError = 4 * 0x1p-52 * g * (1 + step);
            double[] fd = HessianVectors.centralDifference(f, x, v, step);
            double[] ex = HessianVectors.exact(f, x, v);
            double bound = HessianVectors.centralDifferenceErrorBound(6, gradError, step, nv);
            for (int i = 0; i < 2; i++) {
                assertThat(Math.abs(fd[i] - ex[i]))
                        .as("point %d component %d", k, i)
                        .isLessThanOrEqualTo(bound);
            }
        }
        // The bound is attained: along y the truncation error is exactly h^2 = M4 h^2 / 6.
        double[] x = {0, 1};
        double[] v = {0, 1};
        double err = Math.abs(HessianVectors.centralDifference(f, x, v, 0.1)[1] - HessianVectors.exact(f, x, v)[1]);
        assertThat(err).isCloseTo(HessianVectors.centralDifferenceErrorBound(6, 0, 0.1, 1), Offset.offset(1e-12));
    }

    @Test
    void classifierOnTextbookPoints() {
        FormulaObjective monkey = new FormulaObjective(
                2,
                p -> p[0].multiply(p[0])
                        .multiply(p[0])
                        .subtract(p[0].multiply(p[1]).multiply(p[1]).multiply(3)),
                "x^3 - 3xy^2");
        FormulaObjective quartic = new FormulaObjective(2, p -> p[0].pow(4).add(p[1].pow(4)), "x^4 + y^4");
        FormulaObjective bowl = new FormulaObjective(
                2, p -> p[0].multiply(p[0]).add(p[1].multiply(p[1])).negate(), "-(x^2 + y^2)");
        StrictSaddle saddle = new StrictSaddle(2, 2);
        double[] zero = {0, 0};
        assertThat(CriticalPoints.classify(monkey, zero, 0).kind()).isEqualTo(CriticalPoints.Kind.DEGENERATE);
        assertThat(CriticalPoints.classify(quartic, zero, 0).kind()).isEqualTo(CriticalPoints.Kind.DEGENERATE);
        assertThat(CriticalPoints.classify(bowl, zero, 0).kind()).isEqualTo(CriticalPoints.Kind.STRICT_MAX);
        assertThat(CriticalPoints.classify(saddle, zero, 0).kind()).isEqualTo(CriticalPoints.Kind.STRICT_SADDLE);
        // sqrt 2 is rounded, so the gradient there is ~1e-16, not 0.
        assertThat(CriticalPoints.classify(saddle, new double[] {0, Math.sqrt(2)}, 1e-12)
                        .kind())
                .isEqualTo(CriticalPoints.Kind.STRICT_MIN);
        assertThat(CriticalPoints.classify(saddle, new double[] {1, 1}, 1e-12).kind())
                .isEqualTo(CriticalPoints.Kind.NOT_CRITICAL);
        // A rotated PSD singular Hessian: the zero eigenvalue comes out at rounding level, inside tau.
        double[][] q = Orthogonal.fromGaussian(new double[] {0.3, -1.2, 0.8, 0.5, 1.1, -0.4, 0.9, 0.2, -0.7}, 3);
        CubicCriticalPoint rotated = new CubicCriticalPoint(new double[] {0, 3, 7}, new double[] {1, 0, 0}, 0, q);
        CriticalPoints.Classification c = CriticalPoints.classify(rotated, new double[3], 0);
        assertThat(c.kind()).isEqualTo(CriticalPoints.Kind.DEGENERATE);
        assertThat(Math.abs(c.eigenvalues()[0])).isLessThanOrEqualTo(c.tau());
    }

    @Test
    void strictSaddleLIsTenOnTheBoxAndTheBoxIsInvariantBelowOneOverL() {
        StrictSaddle f = new StrictSaddle(2, 2);
        assertThat(f.certificate().L().getAsDouble()).isEqualTo(10.0);
        double worst = 0;
        for (int i = 0; i <= 4000; i++) {
            double y = -2 + i / 1000.0;
            for (double e : ExtremeEigenvalues.dense(f.hessian(new double[] {0.3, y}))) {
                worst = Math.max(worst, Math.abs(e));
            }
        }
        assertThat(worst).isEqualTo(10.0);
        // GD with eta just below 1/L from the edge of the box stays in it.
        double eta = 0.0999;
        double[] x = {1, 2};
        for (int t = 0; t < 1000; t++) {
            double[] g = f.gradient(x);
            x = new double[] {x[0] - eta * g[0], x[1] - eta * g[1]};
            assertThat(Math.abs(x[1])).isLessThanOrEqualTo(2.0);
        }
        assertThat(x[1]).isCloseTo(Math.sqrt(2), Offset.offset(1e-12));
    }

    @Test
    void strictSaddleFormulaIsTheTextbookFunction() {
        StrictSaddle f = new StrictSaddle(2, 2);
        DSFactory fac = new DSFactory(2, 0);
        DerivativeStructure v =
                f.formula().apply(new DerivativeStructure[] {fac.variable(0, 1.5), fac.variable(1, -0.5)});
        // x^2 - y^2 + y^4/4 at (1.5, -0.5) = 2.25 - 0.25 + 0.015625
        assertThat(v.getValue()).isEqualTo(2.015625);
        assertThat(f.value(new double[] {1.5, -0.5})).isEqualTo(2.015625);
    }
}
