package io.optcheck.method.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.optcheck.method.Method;
import io.optcheck.method.Saga;
import io.optcheck.method.Svrg;
import io.optcheck.oracle.FiniteSumIndexOracle;
import io.optcheck.oracle.GradientOracle;
import io.optcheck.oracle.IndexOracle;
import io.optcheck.problem.DiagonalQuadraticSum;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The enumeration of index paths against hand counts: a SAGA step has n leaves of probability 1/n,
 * the first step of an SVRG epoch m n (the Option II pick and the index), two free SAGA steps n^2;
 * the drawn prefix is the same path on every leaf and agrees with a scripted run of SAGA; a method
 * that draws from its own generator is a Failure naming it.
 */
class IndexPathsTest {

    static final DiagonalQuadraticSum F =
            new DiagonalQuadraticSum(new double[][] {{1}, {0.5}, {0.25}}, new double[][] {{1}, {-1}, {2}});

    @Test
    void leavesAndProbabilitiesOfSagaAndSvrgSteps() {
        List<IndexPaths.Leaf> saga = IndexPaths.enumerate(Saga.of(0.2), F, new double[] {1.5}, 7, 4, 1);
        assertThat(saga).hasSize(3);
        assertThat(saga).allSatisfy(l -> assertThat(l.probability()).isEqualTo(1.0 / 3));
        assertThat(saga.stream().map(l -> l.answers()[4][0]).toList()).containsExactly(0, 1, 2);
        // the prefix is one path: the same iterates on every leaf, and those of SAGA run along its indices
        int[] path = new int[4];
        for (int t = 0; t < 4; t++) {
            path[t] = saga.get(0).answers()[t][0];
        }
        Saga.State s = Saga.of(0.2).init(new double[] {1.5});
        FiniteSumIndexOracle o = FiniteSumIndexOracle.scripted(F, path);
        for (int t = 1; t <= 4; t++) {
            s = Saga.of(0.2).step(s, o);
            assertThat(s.x()).isEqualTo(saga.get(2).x()[t]);
        }
        List<IndexPaths.Leaf> two = IndexPaths.enumerate(Saga.of(0.2), F, new double[] {1.5}, 7, 0, 2);
        assertThat(two).hasSize(9);
        assertThat(two.stream().mapToDouble(IndexPaths.Leaf::probability).sum()).isEqualTo(1.0, within(1e-15));
        // SVRG, m = 4: step 1 of an epoch asks the pick (4 options) and the index (3)
        List<IndexPaths.Leaf> svrg = IndexPaths.enumerate(Svrg.of(0.1, 4), F, new double[] {1.5}, 7, 4, 1);
        assertThat(svrg).hasSize(12);
        assertThat(svrg.get(0).answers()[4]).hasSize(2);
        List<IndexPaths.Leaf> inner = IndexPaths.enumerate(Svrg.of(0.1, 4), F, new double[] {1.5}, 7, 5, 1);
        assertThat(inner).hasSize(3);
    }

    @Test
    void aMethodWithItsOwnRandomnessIsNamed() {
        Random own = new Random(1);
        Method<Saga.State> shaky = new Method<>() {
            @Override
            public String id() {
                return "shaky";
            }

            @Override
            public Saga.State init(double[] x0) {
                return Saga.of(0.2).init(x0);
            }

            @Override
            public Saga.State step(Saga.State s, GradientOracle o) {
                // a second question whose bound depends on a private generator
                ((IndexOracle) o).nextIndex(2 + own.nextInt(2));
                return Saga.of(0.2).step(s, o);
            }
        };
        assertThatThrownBy(() -> {
                    for (int k = 0; k < 20; k++) {
                        IndexPaths.enumerate(shaky, F, new double[] {1.5}, 7, 1, 1);
                    }
                })
                .isInstanceOf(IndexPaths.Failure.class)
                .hasMessageContaining("shaky")
                .hasMessageContaining("not a function of its index answers");
    }
}
