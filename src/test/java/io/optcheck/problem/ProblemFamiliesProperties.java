package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.prop.Gen;
import io.optcheck.prop.Property;
import io.optcheck.prop.PropertyResult;
import java.util.function.Function;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

/** Every generated problem carries a certificate that its objective honours. */
class ProblemFamiliesProperties {

    static double lambdaMax(double[][] h) {
        double[] ev = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(h)).getEigenvalues();
        double m = Double.NEGATIVE_INFINITY;
        for (double e : ev) {
            m = Math.max(m, e);
        }
        return m;
    }

    static <T extends Objective> PropertyResult<T> certified(String name, Gen<T> gen, Function<T, Certificate> cert) {
        return Property.forAll(name, gen, (o, t) -> {
                    double[] x = new double[o.dimension()];
                    double l = cert.apply(o).L().orElseThrow();
                    double lm = lambdaMax(o.hessian(x));
                    // The Hessian at 0 is the largest for logistic and the only one for quadratics and LS.
                    if (Math.abs(lm - l) > 1e-9 * Math.max(1, l)) {
                        throw new AssertionError("certificate L = " + l + " but lambda_max(H(0)) = " + lm);
                    }
                })
                .tries(200)
                .run();
    }

    @Test
    void quadraticCertificatesMatchTheirSpectrum() {
        assertThat(certified("quadratics", Problems.quadratics(), Quadratic::certificate)
                        .passed())
                .isTrue();
        assertThat(certified("singular quadratics", Problems.quadratics().singular(), Quadratic::certificate)
                        .passed())
                .isTrue();
    }

    @Test
    void leastSquaresAndLogisticCertificates() {
        assertThat(certified("least squares", Problems.leastSquares(), LeastSquares::certificate)
                        .passed())
                .isTrue();
        assertThat(certified("underdetermined", Problems.underdeterminedLeastSquares(), LeastSquares::certificate)
                        .passed())
                .isTrue();
        assertThat(certified("logistic", Problems.logistic(false), Logistic::certificate)
                        .passed())
                .isTrue();
    }

    @Test
    void separableLogisticDataAreSeparable() {
        // The perceptron converges on separable data within (R / margin)^2 updates (Novikoff 1962);
        // the family promises a margin of 0.1, so 200 000 updates are ample.
        PropertyResult<Logistic> r = Property.forAll("separable", Problems.logistic(true), (lg, t) -> {
                    double[][] x = lg.features();
                    double[] y = lg.labels();
                    double[] w = new double[lg.dimension()];
                    for (int updates = 0; updates < 200_000; ) {
                        boolean clean = true;
                        for (int i = 0; i < x.length; i++) {
                            double m = 0;
                            for (int j = 0; j < w.length; j++) {
                                m += w[j] * x[i][j];
                            }
                            if (y[i] * m <= 0) {
                                for (int j = 0; j < w.length; j++) {
                                    w[j] += y[i] * x[i][j];
                                }
                                updates++;
                                clean = false;
                            }
                        }
                        if (clean) {
                            return;
                        }
                    }
                    throw new AssertionError("the perceptron found no separating direction");
                })
                .tries(200)
                .run();
        assertThat(r.passed()).as(r.message()).isTrue();
    }

    @Test
    void theQuadraticFamilyCoversItsEdgeCases() {
        PropertyResult<Quadratic> r = Property.forAll("coverage", Problems.quadratics(), (q, t) -> {
                    double[] ev = q.eigenvalues();
                    double max = 0;
                    double min = Double.MAX_VALUE;
                    for (double e : ev) {
                        max = Math.max(max, e);
                        min = Math.min(min, e);
                    }
                    t.classify(q.dimension() == 1, "dimension 1");
                    t.classify(max == min, "all eigenvalues equal");
                    t.classify(max / min >= 1e5, "kappa >= 1e5");
                    t.classify(!q.isDiagonal(), "rotated");
                })
                .tries(1000)
                .cover("dimension 1", 3)
                .cover("all eigenvalues equal", 5)
                .cover("kappa >= 1e5", 3)
                .cover("rotated", 20)
                .run();
        assertThat(r.passed()).as(r.message()).isTrue();
    }
}
