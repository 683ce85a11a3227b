package io.optcheck.theory.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.oracle.AffineGradientOracle;
import io.optcheck.oracle.CyclicLinearOracle;
import io.optcheck.problem.Quadratic;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import org.junit.jupiter.api.Test;

class AdaptiveTheoremsTest {

    @Test
    void theReferenceCheckCatchesALearningRateOffByOnePartInAMillion() {
        // DESIGN.md: for reference-equivalence checks of methods, lr * (1 + 1e-6) must be caught.
        Theorem<AdamInstance> t = new AdamReference().withTightenedBounds(1e-6);
        Result res = TheoremRunner.run(t, t.regime("holds"), 200, RunSettings.ci());
        assertThat(res.outcome()).isEqualTo(Outcome.BROKEN);
    }

    @Test
    void theCyclicOracleFollowsReddisSequence() {
        CyclicLinearOracle o = new CyclicLinearOracle(3);
        double[] g = new double[1];
        double[] expected = {3, -1, -1, 3, -1, -1, 3};
        for (double e : expected) {
            o.gradient(new double[] {0.5}, g);
            assertThat(g[0]).isEqualTo(e);
        }
        assertThat(o.gradientCalls()).isEqualTo(7);
    }

    @Test
    void theScaledOracleMultipliesEachCoordinate() {
        Quadratic q = Quadratic.diagonal(new double[] {2, 3});
        AffineGradientOracle o = AffineGradientOracle.scaled(q, new double[] {0.5, 4});
        double[] g = new double[2];
        o.gradient(new double[] {1, -1}, g);
        // grad = (2, -3), scaled by (0.5, 4)
        assertThat(g).containsExactly(1.0, -12.0);
    }
}
