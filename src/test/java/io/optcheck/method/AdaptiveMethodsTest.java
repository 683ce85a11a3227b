package io.optcheck.method;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.oracle.GradientOracle;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each adaptive method against a literal hand-written loop of its formula on a fixed gradient
 * sequence (the oracle ignores x and returns G[k] on its k-th call), and the same comparison with
 * lr * (1 + 1e-6), which must be caught.
 */
class AdaptiveMethodsTest {
    static final double[][] G = {
        {0.3, -2.0, 0.0}, {-1.5, 0.25, 1e-3}, {2.0, -0.5, 4.0}, {0.7, 3.0, -0.2}, {-0.1, -1.0, 0.5}, {1.25, 0.0, -3.0}
    };
    static final double[] X0 = {1.0, -0.5, 2.0};
    static final int T = G.length;

    /** Returns G[k] on the k-th gradient call, whatever x is. */
    static final class Sequence implements GradientOracle {
        int calls;

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public double value(double[] x) {
            return 0;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            System.arraycopy(G[calls++], 0, out, 0, 3);
        }

        @Override
        public long valueCalls() {
            return 0;
        }

        @Override
        public long gradientCalls() {
            return calls;
        }
    }

    /** Largest relative deviation between a run and a reference trajectory ref[t][i]. */
    static double deviation(Method<AdaptiveState> method, double[][] ref) {
        Trajectory tr = Runner.run(method, new Sequence(), X0, T);
        assertThat(tr.status()).isEqualTo(Trajectory.Status.COMPLETED);
        double worst = 0;
        for (int t = 1; t <= T; t++) {
            double[] x = tr.x(t);
            for (int i = 0; i < 3; i++) {
                double scale = Math.max(Math.abs(ref[t][i]), 1e-300);
                worst = Math.max(worst, Math.abs(x[i] - ref[t][i]) / scale);
            }
        }
        return worst;
    }

    /** Literal Adam loop (Kingma & Ba Algorithm 1) with optional coupled or decoupled decay. */
    static double[][] adamLoop(
            double lr, double b1, double b2, double eps, double wd, boolean decoupled, boolean amsgrad, boolean bias) {
        double[][] xs = new double[T + 1][];
        double[] x = X0.clone();
        double[] m = new double[3];
        double[] v = new double[3];
        double[] vmax = new double[3];
        xs[0] = x.clone();
        for (int t = 1; t <= T; t++) {
            double[] xn = new double[3];
            for (int i = 0; i < 3; i++) {
                double g = G[t - 1][i] + (decoupled ? 0 : wd * x[i]);
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                vmax[i] = Math.max(vmax[i], v[i]);
                double mh = bias ? m[i] / (1 - Math.pow(b1, t)) : m[i];
                double vv = amsgrad ? vmax[i] : v[i];
                double vh = bias ? vv / (1 - Math.pow(b2, t)) : vv;
                xn[i] = x[i] - lr * mh / (Math.sqrt(vh) + eps) - (decoupled ? lr * wd * x[i] : 0);
            }
            x = xn;
            xs[t] = x.clone();
        }
        return xs;
    }

    /** Literal loop of x -= lr g / (sqrt(v) + eps) with v updated by acc(v, g^2). */
    static double[][] accLoop(double lr, double eps, DoubleBinaryOperator acc) {
        double[][] xs = new double[T + 1][];
        double[] x = X0.clone();
        double[] v = new double[3];
        xs[0] = x.clone();
        for (int t = 1; t <= T; t++) {
            for (int i = 0; i < 3; i++) {
                double g = G[t - 1][i];
                v[i] = acc.applyAsDouble(v[i], g * g);
                if (g != 0) {
                    x[i] = x[i] - lr * g / (Math.sqrt(v[i]) + eps);
                }
            }
            xs[t] = x.clone();
        }
        return xs;
    }

    static final double LR = 0.01;
    static final double MATCH = 1e-15;
    static final double CAUGHT = 1e-12;

    @Test
    void adamMatchesTheLiteralLoopAndCatchesAWrongLr() {
        AdaptiveOptions o = AdaptiveOptions.defaults();
        double[][] ref = adamLoop(LR, 0.9, 0.999, 1e-8, 0, true, false, true);
        assertThat(deviation(new Adam(LR, o), ref)).isLessThanOrEqualTo(MATCH);
        assertThat(deviation(new Adam(LR * (1 + 1e-6), o), ref)).isGreaterThan(CAUGHT);
    }

    @Test
    void adamWithoutBiasCorrectionAndCoupledDecayMatches() {
        AdaptiveOptions o = AdaptiveOptions.defaults()
                .withBetas(0.5, 0.8)
                .withBiasCorrection(false)
                .withWeightDecay(0.1, false, true);
        double[][] ref = adamLoop(LR, 0.5, 0.8, 1e-8, 0.1, false, false, false);
        assertThat(deviation(new Adam(LR, o), ref)).isLessThanOrEqualTo(MATCH);
        assertThat(deviation(new Adam(LR * (1 + 1e-6), o), ref)).isGreaterThan(CAUGHT);
    }

    @Test
    void adamWDecaysDecoupledTimesLr() {
        AdaptiveOptions o = AdaptiveOptions.defaults();
        double[][] ref = adamLoop(LR, 0.9, 0.999, 1e-8, 0.05, true, false, true);
        assertThat(deviation(new AdamW(LR, 0.05, true, o), ref)).isLessThanOrEqualTo(MATCH);
        assertThat(deviation(new AdamW(LR * (1 + 1e-6), 0.05, true, o), ref)).isGreaterThan(CAUGHT);
        // the coupled convention is a different method: it must not match the decoupled loop
        assertThat(deviation(new Adam(LR, o.withWeightDecay(0.05, false, true)), ref))
                .isGreaterThan(CAUGHT);
    }

    @Test
    void amsGradUsesTheMaximumOfPastV() {
        AdaptiveOptions o = AdaptiveOptions.defaults().withBetas(0.9, 0.99).withBiasCorrection(false);
        double[][] ref = adamLoop(LR, 0.9, 0.99, 1e-8, 0, true, true, false);
        assertThat(deviation(new AmsGrad(LR, o), ref)).isLessThanOrEqualTo(MATCH);
        assertThat(deviation(new AmsGrad(LR * (1 + 1e-6), o), ref)).isGreaterThan(CAUGHT);
        // Adam without the maximum differs on this sequence (v drops after the 4.0 gradient)
        assertThat(deviation(new Adam(LR, o), ref)).isGreaterThan(CAUGHT);
    }

    @Test
    void adaGradMatchesTheLiteralLoop() {
        double[][] ref = accLoop(LR, 1e-10, (v, g2) -> v + g2);
        assertThat(deviation(new AdaGrad(LR, 1e-10), ref)).isLessThanOrEqualTo(MATCH);
        assertThat(deviation(new AdaGrad(LR * (1 + 1e-6), 1e-10), ref)).isGreaterThan(CAUGHT);
    }

    @Test
    void rmsPropMatchesTheLiteralLoop() {
        double[][] ref = accLoop(LR, 1e-8, (v, g2) -> 0.9 * v + (1 - 0.9) * g2);
        assertThat(deviation(new RmsProp(LR, 0.9, 1e-8), ref)).isLessThanOrEqualTo(MATCH);
        assertThat(deviation(new RmsProp(LR * (1 + 1e-6), 0.9, 1e-8), ref)).isGreaterThan(CAUGHT);
    }

    @Test
    void signSgdMovesByLrTimesTheSign() {
        double[][] ref = new double[T + 1][];
        double[] x = X0.clone();
        ref[0] = x.clone();
        for (int t = 1; t <= T; t++) {
            for (int i = 0; i < 3; i++) {
                x[i] -= LR * Math.signum(G[t - 1][i]);
            }
            ref[t] = x.clone();
        }
        assertThat(deviation(new SignSgd(LR), ref)).isLessThanOrEqualTo(MATCH);
        assertThat(deviation(new SignSgd(LR * (1 + 1e-6)), ref)).isGreaterThan(CAUGHT);
    }

    @Test
    void epsInsideTheSquareRootIsADifferentConvention() {
        AdaptiveOptions o = AdaptiveOptions.defaults().withEps(1e-4, true);
        double[][] outside = adamLoop(LR, 0.9, 0.999, 1e-4, 0, true, false, true);
        assertThat(deviation(new Adam(LR, o), outside)).isGreaterThan(CAUGHT);
    }
}
