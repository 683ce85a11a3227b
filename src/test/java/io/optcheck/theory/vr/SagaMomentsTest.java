package io.optcheck.theory.vr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.optcheck.method.Saga;
import io.optcheck.method.exact.SagaMoments;
import io.optcheck.oracle.FiniteSumIndexOracle;
import io.optcheck.problem.CertifiedSum;
import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.problem.RotatedQuadraticSum;
import io.optcheck.problem.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The moment propagation behind vr.saga's multi-step checks against brute force: SAGA itself
 * run along every one of the n^T index paths (weight n^-T each), for a nonconvex-component sum
 * with a table away from x*, with the table updated and frozen.
 */
class SagaMomentsTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void propagationEqualsEnumerationOfEveryPath(boolean frozen) {
        DiagonalQuadraticSum f = new DiagonalQuadraticSum(
                new double[][] {{1, 0.3}, {-0.4, 0.9}, {0.6, 0.2}}, new double[][] {{1, -2}, {0.5, 1}, {-1, 0.25}});
        assertPropagationEqualsEnumeration(
                f, f.averageMuLowerBound(), new double[][] {{0.2, 1.1}, {-1.3, 0.4}, {0.9, -0.8}}, 4, frozen);
    }

    /** The full-matrix propagation on non-commuting H_i = Q_i diag(l_i) Q_i^T (d = 2, n = 2). */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void rotatedPropagationEqualsEnumerationOfEveryPath(boolean frozen) {
        RotatedQuadraticSum f = SvrgMomentsTest.rotatedPair();
        double mu = Math.min(f.componentMu(0), f.componentMu(1));
        assertPropagationEqualsEnumeration(f, mu, new double[][] {{0.2, 1.1}, {-1.3, 0.4}}, 6, frozen);
    }

    private static void assertPropagationEqualsEnumeration(
            CertifiedSum f, double mu, double[][] phi, int steps, boolean frozen) {
        int n = f.n();
        double eta = 1 / (2 * (mu * n + 1));
        double[] xs = f.minimizer();
        double[] x0 = {1.7, -0.3};
        SagaMoments m = SagaMoments.propagate(f, eta, mu, xs, x0, phi, frozen, steps);
        Saga saga = frozen ? Saga.frozenTable(eta) : Saga.of(eta);
        for (int t = 1; t <= steps; t++) {
            double dist = 0;
            double v = 0;
            int paths = (int) Math.pow(n, t);
            for (int p = 0; p < paths; p++) {
                int[] path = new int[t];
                int code = p;
                for (int k = 0; k < t; k++) {
                    path[k] = code % n;
                    code /= n;
                }
                Saga.State s = saga.init(x0, SagaTheorem.table(f, phi));
                FiniteSumIndexOracle o = FiniteSumIndexOracle.scripted(f, path);
                double[][] ph = phi.clone();
                for (int k = 0; k < t; k++) {
                    double[] before = s.x();
                    s = saga.step(s, o);
                    if (!frozen) {
                        ph[path[k]] = before;
                    }
                }
                double e = Vectors.dist(s.x(), xs);
                dist += e * e / paths;
                v += SagaTheorem.lyapunov(f, mu, eta, xs, s.x(), ph) / paths;
            }
            assertThat(m.distSq[t]).as("E||x_t - x*||^2 at t = %d", t).isCloseTo(dist, within(1e-13));
            assertThat(m.lyapunov[t]).as("E V_t at t = %d", t).isCloseTo(v, within(1e-13));
        }
    }
}
