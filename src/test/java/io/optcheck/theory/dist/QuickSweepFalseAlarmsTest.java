package io.optcheck.theory.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.theory.QuickRuns;
import org.junit.jupiter.api.Test;

/** False alarms of the seed sweep (the built-in catalog at --quick depth, seeds 1..102) on dist theorems. */
class QuickSweepFalseAlarmsTest {

    /**
     * dist.fedavg-drift/holds, quick seed 92: two 1-D clients h = (0.1, 0.11), centers
     * (0, 4.9e-324), eta = 0.05, E = 2. The exact drift is about 1e-327, below the smallest double;
     * the computed one, 4.9e-324, was compared with the tolerance's subnormal floor 1.8e-307 and
     * reported as "no drift" (ratio 3.6e16). The generator's defect: the holds regime's clients now
     * differ in center by at least 2^-970 in the coordinate where their curvatures differ.
     */
    @Test
    void fedavgDriftWithCentersASubnormalApart() {
        DiagonalQuadraticSum tiny =
                new DiagonalQuadraticSum(new double[][] {{0.1}, {0.11}}, new double[][] {{0}, {Double.MIN_VALUE}});
        assertThat(FedAvgDrift.differs(tiny)).isFalse();
        DiagonalQuadraticSum apart =
                new DiagonalQuadraticSum(new double[][] {{0.1}, {0.11}}, new double[][] {{0}, {0x1p-970}});
        assertThat(FedAvgDrift.differs(apart)).isTrue();
        QuickRuns.assertPasses(QuickRuns.run(new FedAvgDrift(), "holds", 92));
    }
}
