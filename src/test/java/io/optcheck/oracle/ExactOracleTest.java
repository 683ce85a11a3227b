package io.optcheck.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.problem.Quadratic;
import org.junit.jupiter.api.Test;

class ExactOracleTest {

    @Test
    void returnsTheObjectivesValuesAndCountsCalls() {
        Quadratic q = Quadratic.diagonal(new double[] {2, 4});
        ExactOracle o = new ExactOracle(q);
        double[] x = {1, -1};
        assertThat(o.value(x)).isEqualTo(q.value(x)).isEqualTo(3.0);
        double[] g = new double[2];
        o.gradient(x, g);
        o.gradient(x, g);
        assertThat(g).containsExactly(2, -4);
        assertThat(o.valueCalls()).isEqualTo(1);
        assertThat(o.gradientCalls()).isEqualTo(2);
        assertThat(o.dimension()).isEqualTo(2);
        assertThat(o.objective()).isSameAs(q);
    }
}
