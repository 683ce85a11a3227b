package io.optcheck.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.oracle.ExactOracle;
import io.optcheck.oracle.FiniteSumIndexOracle;
import io.optcheck.problem.DiagonalQuadraticSum;
import org.junit.jupiter.api.Test;

/**
 * SAGA, SVRG and FedAvg: the update of each against a hand computation on small sums, their
 * refusals without an index oracle, the faulty variants, and resuming from a saved state.
 */
class VarianceReducedMethodsTest {

    private final DiagonalQuadraticSum f =
            new DiagonalQuadraticSum(new double[][] {{1}, {0.5}}, new double[][] {{2}, {-1}});

    @Test
    void sagaStepMatchesTheUpdateAndStoresTheGradient() {
        Saga saga = Saga.of(0.25);
        // table at phi = (0, 0): g = (1 (0 - 2), 0.5 (0 + 1)) = (-2, 0.5), mean -0.75
        Saga.State s0 = saga.init(new double[] {1}, new double[][] {{-2}, {0.5}});
        Saga.State s1 = saga.step(s0, FiniteSumIndexOracle.scripted(f, 1));
        // j = 1: grad f_1(1) = 0.5 * 2 = 1; v = 1 - 0.5 - 0.75 = -0.25; x1 = 1 + 0.0625
        assertThat(s1.x()[0]).isEqualTo(1.0625);
        assertThat(s1.stored(1)[0]).isEqualTo(1.0);
        assertThat(s1.stored(0)[0]).isEqualTo(-2.0);
        Saga.State frozen = Saga.frozenTable(0.25).step(s0, FiniteSumIndexOracle.scripted(f, 1));
        assertThat(frozen.x()[0]).isEqualTo(1.0625);
        assertThat(frozen.stored(1)[0]).isEqualTo(0.5);
    }

    @Test
    void sagaDefaultTableIsTheGradientsAtX0() {
        Saga saga = Saga.of(0.25);
        Saga.State s1 = saga.step(saga.init(new double[] {1}), FiniteSumIndexOracle.scripted(f, 0));
        // table grad f_i(1) = (-1, 1), mean 0; j = 0: v = -1 - (-1) + 0 = 0: x stays
        assertThat(s1.x()[0]).isEqualTo(1.0);
    }

    @Test
    void svrgEpochUsesTheSnapshotAndOptionTwoPick() {
        Svrg svrg = Svrg.of(0.25, 2);
        FiniteSumIndexOracle o = FiniteSumIndexOracle.scripted(f, 1, 0, 1);
        Svrg.State s = svrg.init(new double[] {1});
        // snapshot 1: mu~ = (1 (1 - 2) + 0.5 (1 + 1))/2 = 0; pick 1; i = 0: v = grad f_0(1) - grad f_0(1) + 0 = 0
        s = svrg.step(s, o);
        assertThat(s.x()[0]).isEqualTo(1.0);
        // i = 1 at x_1 = 1: v = 0 again; the epoch ends, the pick x_1 = 1 is the new snapshot
        s = svrg.step(s, o);
        assertThat(s.epoch()).isEqualTo(1);
        assertThat(s.snapshot()[0]).isEqualTo(1.0);
        Svrg.State t = svrg.init(new double[] {0});
        FiniteSumIndexOracle o2 = FiniteSumIndexOracle.scripted(f, 0, 0);
        t = svrg.step(t, o2);
        // x~ = 0, mu~ = (-2 + 0.5)/2 = -0.75; i = 0 at x = x~: v = mu~: x1 = 0.1875
        assertThat(t.x()[0]).isEqualTo(0.1875);
    }

    @Test
    void fedAvgWithOneLocalStepIsGradientDescent() {
        FedAvg fed = new FedAvg(0.5, 1);
        FedAvg.State s = fed.step(fed.init(new double[] {3}), FiniteSumIndexOracle.uniform(f, 1));
        double[] g = f.gradient(new double[] {3});
        assertThat(s.x()[0]).isEqualTo(3 - 0.5 * g[0]);
        FedAvg two = new FedAvg(0.5, 2);
        // client 0: 3 -> 3 - 0.5 (1) = 2.5 -> 2.25; client 1: 3 -> 3 - 0.25 (4) = 2 -> 2 - 0.25 (3) = 1.25
        assertThat(two.step(two.init(new double[] {3}), FiniteSumIndexOracle.uniform(f, 1))
                        .x()[0])
                .isEqualTo(1.75);
    }

    @Test
    void resumingFromASavedStateGivesTheSameIterates() {
        Saga saga = Saga.of(0.2);
        FiniteSumIndexOracle a = FiniteSumIndexOracle.uniform(f, 7);
        Saga.State s = saga.init(new double[] {1.5});
        Saga.State mid = null;
        for (int k = 0; k < 6; k++) {
            s = saga.step(s, a);
            if (k == 2) {
                mid = s;
            }
        }
        FiniteSumIndexOracle b = FiniteSumIndexOracle.uniform(f, 7);
        Saga.State r = saga.init(new double[] {1.5});
        for (int k = 0; k < 3; k++) {
            r = saga.step(r, b);
        }
        assertThat(r.x()).isEqualTo(mid.x());
        for (int k = 3; k < 6; k++) {
            r = saga.step(r, b);
        }
        assertThat(r.x()).isEqualTo(s.x());
    }

    @Test
    void refuseWithoutAnIndexOracle() {
        ExactOracle plain = new ExactOracle(f);
        assertThatThrownBy(() -> Saga.of(0.1).step(Saga.of(0.1).init(new double[] {0}), plain))
                .isInstanceOf(MethodRefusal.class);
        assertThatThrownBy(() -> Svrg.of(0.1, 3).step(Svrg.of(0.1, 3).init(new double[] {0}), plain))
                .isInstanceOf(MethodRefusal.class);
        assertThatThrownBy(() -> new FedAvg(0.1, 2).step(new FedAvg(0.1, 2).init(new double[] {0}), plain))
                .isInstanceOf(MethodRefusal.class);
        assertThatThrownBy(() -> Svrg.of(0.1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FedAvg(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
