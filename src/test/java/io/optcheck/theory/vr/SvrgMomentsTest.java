package io.optcheck.theory.vr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.optcheck.method.Svrg;
import io.optcheck.oracle.FiniteSumIndexOracle;
import io.optcheck.problem.DiagonalQuadraticSum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The moment propagation behind vr.svrg against brute force (Svrg itself run along every inner
 * index path and every Option II pick, with their probabilities), and against THEOREMS.md's
 * published figure for the nonconvex-component instance.
 */
class SvrgMomentsTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void propagationEqualsEnumerationOfEveryPath(boolean frozen) {
        DiagonalQuadraticSum f =
                new DiagonalQuadraticSum(new double[][] {{1, 0.3}, {-0.4, 0.9}}, new double[][] {{1, -2}, {0.5, 1}});
        double eta = 0.15;
        int m = 2;
        int epochs = 2;
        double[] xs = f.minimizer();
        double[] x0 = {1.7, -0.3};
        SvrgMoments mo = SvrgMoments.propagate(f, eta, m, xs, x0, frozen, epochs);
        Svrg svrg = frozen ? Svrg.frozenSnapshot(eta, m) : Svrg.of(eta, m);
        // per epoch the script is [pick, i_1, ..., i_m]: m * n^m outcomes of equal probability
        int perEpoch = m * (int) Math.pow(f.n(), m);
        for (int ep = 1; ep <= epochs; ep++) {
            int paths = (int) Math.pow(perEpoch, ep);
            double gap = 0;
            for (int p = 0; p < paths; p++) {
                int[] script = new int[ep * (m + 1)];
                int code = p;
                for (int e = 0; e < ep; e++) {
                    int c = code % perEpoch;
                    code /= perEpoch;
                    script[e * (m + 1)] = c % m;
                    c /= m;
                    for (int k = 0; k < m; k++) {
                        script[e * (m + 1) + 1 + k] = c % f.n();
                        c /= f.n();
                    }
                }
                FiniteSumIndexOracle o = FiniteSumIndexOracle.scripted(f, script);
                Svrg.State s = svrg.init(x0);
                for (int k = 0; k < ep * m; k++) {
                    s = svrg.step(s, o);
                }
                assertThat(s.epoch()).isEqualTo(ep);
                // the epoch output (the Option II pick) is the iterate that starts the next epoch
                gap += (f.value(s.x()) - f.value(xs)) / paths;
            }
            assertThat(mo.gap[ep]).as("E[f(x~_s) - f*] at s = %d", ep).isCloseTo(gap, within(1e-13));
        }
    }

    /** THEOREMS.md: a = (1, -0.8), mu = 0.1, eta = 0.1, m = 1000: formula 0.375, exact ratio 0.576. */
    @Test
    void nonconvexComponentInstanceReproducesThePublishedRatio() {
        DiagonalQuadraticSum f = new DiagonalQuadraticSum(new double[][] {{1}, {-0.8}}, new double[][] {{0}, {0}});
        SvrgMoments mo = SvrgMoments.propagate(f, 0.1, 1000, new double[] {0}, new double[] {1}, false, 1);
        double ratio = mo.gap[1] / mo.gap[0];
        SvrgTheorem.Instance in = new SvrgTheorem.Instance(f, 0.1, 0.1, 1000, new double[] {1}, new int[0]);
        assertThat(in.a()).isCloseTo(0.375, within(1e-12));
        assertThat(ratio).isCloseTo(0.576, within(5e-4));
    }
}
