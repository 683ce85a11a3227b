package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The three-part shrink case: a generated SPD matrix, a start point and a step h/lambda_max.
 * "One GD step on 1/2 x^T H x does not increase f" can fail only for h > 2; it must shrink to
 * dimension 1 with h just above 2.
 */
class GdShrinkTest {

    record Case(int d, double[] lambda, double[][] h, double[] x, double frac) {
        double lmax() {
            double m = 0;
            for (double l : lambda) {
                m = Math.max(m, l);
            }
            return m;
        }
    }

    static final Gen<Case> CASES = Gens.integers(1, 20)
            .flatMap(d -> Gens.combine(
                            Gens.doubleArrays(Gens.logDoubles(1e-3, 1e3), d),
                            Gens.doubleArrays(Gens.doubles(-1, 1), d * d),
                            Gens.doubleArrays(Gens.doubles(-10, 10), d),
                            Gens.doubles(0, 4))
                    .as((lambda, z, x, h) -> {
                        RealMatrix q = new QRDecomposition(MatrixUtils.createRealMatrix(reshape(z, d))).getQ();
                        RealMatrix hm = q.multiply(MatrixUtils.createRealDiagonalMatrix(lambda))
                                .multiplyTransposed(q);
                        return new Case(d, lambda, hm.getData(), x, h);
                    }));

    static double[][] reshape(double[] z, int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(z, i * d, m[i], 0, d);
            m[i][i] += 3; // keep the matrix well away from singular so Q is well defined
        }
        return m;
    }

    static double f(double[][] h, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                s += x[i] * h[i][j] * x[j];
            }
        }
        return 0.5 * s;
    }

    static void gdStepDoesNotIncrease(Case c, Trial t) {
        int d = c.d();
        double eta = c.frac() / c.lmax();
        double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                g[i] += c.h()[i][j] * c.x()[j];
            }
        }
        double[] x1 = new double[d];
        for (int i = 0; i < d; i++) {
            x1[i] = c.x()[i] - eta * g[i];
        }
        double f0 = f(c.h(), c.x());
        double f1 = f(c.h(), x1);
        double tol = 64 * Math.ulp(1.0) * d * (Math.abs(f0) + 1e-300);
        if (f1 > f0 + tol) {
            throw new AssertionError("f increased from " + f0 + " to " + f1);
        }
    }

    @Test
    void shrinksToDimensionOneJustPastTwo() {
        PropertyResult<Case> r = Property.forAll(
                        "gd step does not increase f", CASES, GdShrinkTest::gdStepDoesNotIncrease)
                .run();
        assertThat(r.failed()).isTrue();
        Case c = r.shrunkValue();
        assertThat(c.d()).isEqualTo(1);
        assertThat(c.frac()).isGreaterThan(2.0).isLessThanOrEqualTo(2.001);
        assertThat(c.x()[0]).isNotZero();
    }

    @Test
    void shrinksAlsoWithoutEdgeCases() {
        PropertyResult<Case> r = Property.forAll(
                        "gd step does not increase f", CASES, GdShrinkTest::gdStepDoesNotIncrease)
                .edgeCases(false)
                .seed(11)
                .run();
        assertThat(r.failed()).isTrue();
        assertThat(r.foundBy()).isEqualTo(Phase.RANDOM);
        assertThat(r.shrunkValue().d()).isEqualTo(1);
        assertThat(r.shrunkValue().frac()).isGreaterThan(2.0).isLessThanOrEqualTo(2.001);
    }
}
