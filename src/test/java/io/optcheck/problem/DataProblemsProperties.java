package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.prop.Property;
import io.optcheck.prop.PropertyResult;
import java.util.Arrays;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

/**
 * The families of {@link DataProblems} keep their promises: least-squares certificates match the
 * data (L = lambda_max of the Hessian, X^+ y in the row space and solving the normal equations),
 * and the built-in SVM of the 2-D margin data is the one an independent exact solver finds and
 * satisfies the KKT conditions; the non-separable kinds are what they claim.
 */
class DataProblemsProperties {

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1];
    }

    @Test
    void leastSquaresCertificatesMatchTheData() {
        PropertyResult<LeastSquares> r = Property.forAll(
                        "least squares, all shapes", DataProblems.leastSquaresAllShapes(), (ls, t) -> {
                            int d = ls.dimension();
                            double[][] h = ls.hessian(new double[d]);
                            double lmax = Arrays.stream(new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(h))
                                            .getEigenvalues())
                                    .max()
                                    .orElseThrow();
                            double l = ls.certificate().L().orElseThrow();
                            assertThat(Math.abs(l - lmax)).as("L vs lambda_max").isLessThanOrEqualTo(1e-10 * l);
                            // X^+ y solves the normal equations: grad f(X^+ y) = 0 relative to the data's scale.
                            double[] xs = ls.certificate().xStar().orElseThrow();
                            double[] g = ls.gradient(xs);
                            double gn =
                                    Math.sqrt(Arrays.stream(g).map(v -> v * v).sum());
                            double scale = l
                                            * (1
                                                    + Math.sqrt(Arrays.stream(xs)
                                                            .map(v -> v * v)
                                                            .sum()))
                                    + Math.sqrt(l)
                                            * Math.sqrt(Arrays.stream(ls.targets())
                                                    .map(v -> v * v)
                                                    .sum());
                            assertThat(gn).as("||grad f(X^+ y)||").isLessThanOrEqualTo(1e-9 * scale);
                            t.classify(d > ls.examples(), "d > n");
                            t.classify(d <= ls.examples(), "d <= n");
                        })
                .tries(300)
                .cover("d > n", 20)
                .cover("d <= n", 20)
                .run();
        assertThat(r.passed()).as(r.message()).isTrue();
    }

    @Test
    void builtInSvmIsTheSvm() {
        PropertyResult<MarginData> r = Property.forAll(
                        "separable margin data", DataProblems.marginData(MarginData.Kind.SEPARABLE), (m, t) -> {
                            double[][] z = m.z();
                            double[] w = m.wHat();
                            // the labels and features reproduce z exactly
                            double[][] x = m.logistic().features();
                            double[] y = m.logistic().labels();
                            for (int i = 0; i < z.length; i++) {
                                assertThat(new double[] {y[i] * x[i][0], y[i] * x[i][1]})
                                        .containsExactly(z[i]);
                            }
                            // KKT: primal feasibility with the two support vectors active, alpha > 0, stationarity
                            assertThat(Math.abs(dot(z[0], w) - 1)).isLessThanOrEqualTo(1e-12);
                            assertThat(Math.abs(dot(z[1], w) - 1)).isLessThanOrEqualTo(1e-12);
                            for (int i = 2; i < z.length; i++) {
                                assertThat(dot(z[i], w))
                                        .as("margin of a non-support point")
                                        .isGreaterThanOrEqualTo(1.5 - 1e-12);
                            }
                            assertThat(m.alpha()[0]).isPositive();
                            assertThat(m.alpha()[1]).isPositive();
                            for (int k = 0; k < 2; k++) {
                                double s = m.alpha()[0] * z[0][k] + m.alpha()[1] * z[1][k];
                                assertThat(Math.abs(s - w[k]))
                                        .as("w_hat = sum alpha_s z_s")
                                        .isLessThanOrEqualTo(1e-10 * (Math.abs(w[0]) + Math.abs(w[1])));
                            }
                            // an independent exact solver agrees
                            HardMarginSvm2D.Solution sol =
                                    HardMarginSvm2D.solve(z).orElseThrow();
                            assertThat(Math.abs(sol.w()[0] - w[0]) + Math.abs(sol.w()[1] - w[1]))
                                    .isLessThanOrEqualTo(1e-10 * (Math.abs(w[0]) + Math.abs(w[1])));
                            t.classify(z.length > 2, "points beyond the margin");
                        })
                .tries(300)
                .cover("points beyond the margin", 20)
                .run();
        assertThat(r.passed()).as(r.message()).isTrue();
    }

    /** The largest angular gap between consecutive directions of the points (radians). */
    static double maxAngularGap(double[][] z) {
        double[] a = Arrays.stream(z)
                .mapToDouble(p -> Math.atan2(p[1], p[0]))
                .sorted()
                .toArray();
        double gap = a[0] + 2 * Math.PI - a[a.length - 1];
        for (int i = 1; i < a.length; i++) {
            gap = Math.max(gap, a[i] - a[i - 1]);
        }
        return gap;
    }

    @Test
    void strictlyNonSeparableDataHaveNoWeakSeparator() {
        // In 2-D some w != 0 has z_i^T w >= 0 for all i iff the directions leave a gap >= pi.
        PropertyResult<MarginData> r = Property.forAll(
                        "strictly non-separable",
                        DataProblems.marginData(MarginData.Kind.STRICTLY_NON_SEPARABLE),
                        (m, t) -> {
                            assertThat(HardMarginSvm2D.solve(m.z())).isEmpty();
                            assertThat(maxAngularGap(m.z())).isLessThan(Math.PI - 1e-9);
                            double[][] x = m.logistic().features();
                            double det = x[0][0] * x[1][1] - x[0][1] * x[1][0];
                            assertThat(det).as("full column rank").isNotZero();
                        })
                .tries(300)
                .run();
        assertThat(r.passed()).as(r.message()).isTrue();
    }

    @Test
    void merelyNonSeparableDataHaveOnlyAWeakSeparator() {
        PropertyResult<MarginData> r = Property.forAll(
                        "merely non-separable",
                        DataProblems.marginData(MarginData.Kind.MERELY_NON_SEPARABLE),
                        (m, t) -> {
                            double[][] z = m.z();
                            assertThat(HardMarginSvm2D.solve(z)).isEmpty();
                            double[] w = {-z[0][1], z[0][0]};
                            if (dot(w, z[1]) < 0) {
                                w = new double[] {-w[0], -w[1]};
                            }
                            double scale = Math.hypot(w[0], w[1]);
                            for (double[] p : z) {
                                assertThat(dot(w, p))
                                        .as("weak separator")
                                        .isGreaterThanOrEqualTo(-1e-12 * scale * Math.hypot(p[0], p[1]));
                            }
                            // the last point is opposite the first support vector: no strict separator
                            double[] last = z[z.length - 1];
                            assertThat(Math.abs(last[0] * z[0][1] - last[1] * z[0][0]))
                                    .isLessThanOrEqualTo(1e-12);
                            assertThat(dot(last, z[0])).isNegative();
                        })
                .tries(300)
                .run();
        assertThat(r.passed()).as(r.message()).isTrue();
    }

    @Test
    void exactSvmOnHandCheckedData() {
        // min ||w||^2 s.t. w_1 >= 1, w_2 >= 1: both constraints active, w = (1, 1).
        assertThat(HardMarginSvm2D.solve(new double[][] {{1, 0}, {0, 1}})
                        .orElseThrow()
                        .w())
                .containsExactly(1.0, 1.0);
        // one active constraint: w = (1, 0) gives the second point margin 2.
        assertThat(HardMarginSvm2D.solve(new double[][] {{1, 0}, {2, 5}})
                        .orElseThrow()
                        .w())
                .containsExactly(1.0, 0.0);
        // X = [(1,0), (-1,0), (0,1)], y = +1: not separable.
        assertThat(HardMarginSvm2D.solve(new double[][] {{1, 0}, {-1, 0}, {0, 1}}))
                .isEmpty();
    }
}
