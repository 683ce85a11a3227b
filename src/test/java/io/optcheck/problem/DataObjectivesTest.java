package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.problem.Certificate.Constant;
import java.util.Arrays;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/** Certificates and numerics of LeastSquares and Logistic. */
class DataObjectivesTest {

    static double[][] gaussian(RandomGenerator r, int n, int d) {
        double[][] m = new double[n][d];
        for (double[] row : m) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return m;
    }

    static double[] gaussian(RandomGenerator r, int n) {
        return gaussian(r, 1, n)[0];
    }

    static double relErr(double[] a, double[] ref) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num = Math.max(num, Math.abs(a[i] - ref[i]));
            den = Math.max(den, Math.abs(ref[i]));
        }
        return num / den;
    }

    /**
     * Minimum-norm solution computed independently of the SVD: X^T (X X^T)^-1 y for wide X,
     * (X^T X)^-1 X^T y for tall X (both full rank).
     */
    static double[] pseudoInverseSolution(double[][] x, double[] y) {
        RealMatrix xm = MatrixUtils.createRealMatrix(x);
        if (x.length < x[0].length) {
            RealMatrix xxt = xm.multiply(xm.transpose());
            return xm.transpose()
                    .operate(new LUDecomposition(xxt)
                            .getSolver()
                            .solve(MatrixUtils.createRealVector(y))
                            .toArray());
        }
        RealMatrix xtx = xm.transpose().multiply(xm);
        return new LUDecomposition(xtx)
                .getSolver()
                .solve(MatrixUtils.createRealVector(xm.transpose().operate(y)))
                .toArray();
    }

    @Test
    void leastSquaresMinimumNormSolutionMatchesThePseudoInverse() {
        RandomGenerator r = new Well19937c(17L);
        int[][] shapes = {{8, 3}, {3, 8}, {5, 5}, {1, 4}, {6, 1}};
        for (int[] s : shapes) {
            double[][] x = gaussian(r, s[0], s[1]);
            double[] y = gaussian(r, s[0]);
            LeastSquares ls = new LeastSquares(x, y);
            Certificate c = ls.certificate();
            double[] xs = c.xStar().orElseThrow();
            assertThat(relErr(xs, pseudoInverseSolution(x, y)))
                    .as("shape %s", Arrays.toString(s))
                    .isLessThanOrEqualTo(1e-10);
            double[] g = ls.gradient(xs);
            for (double gi : g) {
                assertThat(Math.abs(gi)).isLessThanOrEqualTo(1e-12);
            }
            double[] eig =
                    new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(ls.hessian(xs))).getEigenvalues();
            Arrays.sort(eig);
            double lmax = eig[eig.length - 1];
            assertThat(Math.abs(c.L().getAsDouble() - lmax) / lmax).isLessThanOrEqualTo(1e-12);
            if (s[1] > s[0]) {
                assertThat(c.mu()).hasValue(0.0);
                assertThat(c.entry(Constant.MU).orElseThrow().exactness()).isEqualTo(Exactness.EXACT);
                // wide X: y is in the range, so f* = 0 up to rounding
                assertThat(c.fStar().getAsDouble()).isLessThanOrEqualTo(1e-20);
            } else {
                assertThat(Math.abs(c.mu().getAsDouble() - eig[0]) / lmax).isLessThanOrEqualTo(1e-12);
            }
            assertThat(c.convex()).contains(true);
            assertThat(c.fLow()).hasValue(0.0);
        }
    }

    @Test
    void leastSquaresRankDeficientTallMatrixHasMuZero() {
        double[][] x = {{1, 2}, {2, 4}, {-1, -2}};
        LeastSquares ls = new LeastSquares(x, new double[] {1, 0, 1});
        assertThat(ls.certificate().mu()).hasValue(0.0);
        // min-norm solution lies in the row space, spanned by (1, 2)
        double[] xs = ls.certificate().xStar().orElseThrow();
        assertThat(Math.abs(2 * xs[0] - xs[1])).isLessThanOrEqualTo(1e-14);
    }

    @Test
    void logisticSmoothnessBoundHoldsEverywhereAndIsAttainedAtZero() {
        RandomGenerator r = new Well19937c(23L);
        double[][] x = gaussian(r, 10, 4);
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            y[i] = i % 3 == 0 ? -1 : 1;
        }
        Logistic lg = new Logistic(x, y);
        Certificate c = lg.certificate();
        double bound = c.L().getAsDouble();
        assertThat(c.entry(Constant.L).orElseThrow().exactness()).isEqualTo(Exactness.BOUND);
        assertThat(c.fLow()).hasValue(0.0);
        assertThat(c.mu()).isEmpty();
        double[] at0 = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(lg.hessian(new double[4])))
                .getEigenvalues();
        assertThat(Math.abs(Arrays.stream(at0).max().getAsDouble() - bound) / bound)
                .isLessThanOrEqualTo(1e-12);
        for (int k = 0; k < 20; k++) {
            double[] w = gaussian(r, 4);
            double top = Arrays.stream(new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(lg.hessian(w)))
                            .getEigenvalues())
                    .max()
                    .getAsDouble();
            assertThat(top).isLessThanOrEqualTo(bound * (1 + 1e-12));
            assertThat(lg.value(w)).isPositive();
        }
    }

    @Test
    void logisticIsStableAtExtremeMargins() {
        Logistic one = new Logistic(new double[][] {{1}}, new double[] {1});
        // margin -1000: log(1 + e^1000) = 1000 exactly in double; naive form overflows
        assertThat(one.value(new double[] {-1000})).isEqualTo(1000.0);
        assertThat(one.gradient(new double[] {-1000})).containsExactly(-1.0);
        // margin +1000: e^-1000 underflows to 0
        assertThat(one.value(new double[] {1000})).isEqualTo(0.0);
        assertThat(Math.abs(one.gradient(new double[] {1000})[0])).isEqualTo(0.0);
        // margin 30: log1p(e^-30) ~ e^-30 - e^-60/2 with full relative accuracy
        double expected = Math.exp(-30) - Math.exp(-60) / 2;
        assertThat(Math.abs(one.value(new double[] {30}) - expected) / expected).isLessThanOrEqualTo(1e-15);
        double sig = Math.exp(-30) / (1 + Math.exp(-30));
        assertThat(Math.abs(-one.gradient(new double[] {30})[0] - sig) / sig).isLessThanOrEqualTo(1e-15);
        // sigma(m) sigma(-m) at |m| = 30 keeps full relative accuracy; at |m| = 800 the true
        // value e^-800 is below the smallest double, so 0 is the correctly rounded result.
        double e = Math.exp(-30);
        double w30 = e / ((1 + e) * (1 + e));
        assertThat(Math.abs(one.hessian(new double[] {-30})[0][0] - w30) / w30).isLessThanOrEqualTo(1e-15);
        assertThat(one.hessian(new double[] {-800})[0][0]).isEqualTo(0.0);
    }

    @Test
    void logisticRejectsLabelsOtherThanPlusMinusOne() {
        assertThatThrownBy(() -> new Logistic(new double[][] {{1}, {2}}, new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("y[1]");
    }

    @Test
    void dataIsCopied() {
        double[][] x = {{1, 0}, {0, 1}};
        double[] y = {1, 1};
        LeastSquares ls = new LeastSquares(x, y);
        x[0][0] = 100;
        y[0] = 100;
        assertThat(ls.value(new double[] {1, 1})).isEqualTo(0.0);
        ls.features()[0][0] = 7;
        assertThat(ls.features()[0][0]).isEqualTo(1.0);
    }
}
