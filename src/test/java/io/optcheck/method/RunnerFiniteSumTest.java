package io.optcheck.method;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.oracle.FiniteSumIndexOracle;
import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.problem.FiniteSum;
import org.junit.jupiter.api.Test;

/**
 * SVRG and SAGA run through the Runner like every other method: a finite-sum oracle passes
 * through as one (per-example gradients and the index sampler), the iterates are those of the
 * method's own step loop on the same seeded indices, and a non-finite per-example gradient ends
 * the run as a failure that names it.
 */
class RunnerFiniteSumTest {

    static final DiagonalQuadraticSum F = new DiagonalQuadraticSum(
            new double[][] {{1, 0.5}, {0.2, 1}, {0.6, 0.3}}, new double[][] {{1, -1}, {0, 2}, {-2, 0}});
    static final double[] X0 = {1.5, -0.5};

    private static <S extends MethodState> double[][] ownLoop(Method<S> m, FiniteSum f, long seed, int steps) {
        FiniteSumIndexOracle o = FiniteSumIndexOracle.uniform(f, seed);
        S s = m.init(X0);
        double[][] xs = new double[steps + 1][];
        xs[0] = X0.clone();
        for (int t = 1; t <= steps; t++) {
            s = m.step(s, o);
            xs[t] = s.x().clone();
        }
        return xs;
    }

    @Test
    void svrgThroughTheRunnerTakesItsOwnSteps() {
        Svrg svrg = Svrg.of(0.1, 5);
        Trajectory tr = Runner.run(svrg, FiniteSumIndexOracle.uniform(F, 7), X0, 23);
        assertThat(tr.ending()).isInstanceOf(Trajectory.Completed.class);
        assertThat(tr.iterates()).isDeepEqualTo(ownLoop(Svrg.of(0.1, 5), F, 7, 23));
    }

    @Test
    void sagaThroughTheRunnerTakesItsOwnSteps() {
        Trajectory tr = Runner.run(Saga.of(0.1), FiniteSumIndexOracle.uniform(F, 11), X0, 17);
        assertThat(tr.ending()).isInstanceOf(Trajectory.Completed.class);
        assertThat(tr.iterates()).isDeepEqualTo(ownLoop(Saga.of(0.1), F, 11, 17));
    }

    @Test
    void aNonFinitePerExampleGradientEndsTheRunAndIsNamed() {
        DiagonalQuadraticSum bad =
                new DiagonalQuadraticSum(new double[][] {{1, 1}, {Double.NaN, 1}}, new double[][] {{0, 0}, {0, 0}});
        Trajectory tr = Runner.run(Saga.of(0.1), FiniteSumIndexOracle.uniform(bad, 3), X0, 10);
        assertThat(tr.ending()).isInstanceOf(Trajectory.Failed.class);
        assertThat(((Trajectory.Failed) tr.ending()).message()).contains("per-example gradient 1");
    }
}
