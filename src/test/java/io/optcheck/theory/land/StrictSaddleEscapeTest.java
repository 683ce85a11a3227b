package io.optcheck.theory.land;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The escape-time figures of land.strict-saddle-escape against the theory's rate. */
class StrictSaddleEscapeTest {

    @Test
    @SuppressWarnings("unchecked")
    void fittedSlopeOfEscapeTimeIsWithinTenPercentOfOneOverLogOnePlusTwoEta() {
        Map<String, Object> fig = StrictSaddleEscape.escapeTable();
        List<Map<String, Object>> fits = (List<Map<String, Object>>) fig.get("escapeSlopes");
        assertThat(fits).hasSize(3);
        for (Map<String, Object> f : fits) {
            double eta = (Double) f.get("eta");
            double slope = (Double) f.get("fittedSlope");
            // The theory's value is computed here, independently of the code under test.
            double theory = 1 / Math.log(1 + 2 * eta);
            assertThat(Math.abs(slope - theory) / theory)
                    .as("eta = " + eta + ", slope " + slope)
                    .isLessThan(0.10);
        }
        List<Map<String, Object>> rows = (List<Map<String, Object>>) fig.get("escapeTable");
        assertThat(rows)
                .hasSize(36)
                .allSatisfy(r -> assertThat((Long) r.get("escapeSteps")).isPositive());
    }

    @Test
    void escapeBoundCoversEveryNonzeroDoubleAndIsFiniteAtTheSmallest() {
        double s = 0.1;
        long tMax = StrictSaddleEscape.escapeBound(Double.MIN_VALUE, s);
        // log(2^1074) / log(1.05) = 15257.4...
        assertThat(tMax).isEqualTo((long) Math.ceil(1074 * Math.log(2) / Math.log(1.05)));
        assertThat(StrictSaddleEscape.escapeBound(0.5, s)).isLessThan(tMax);
        assertThat(StrictSaddleEscape.escapeBound(1.5, s)).isZero();
        // |y0| = rho exactly is still inside [-1, 1]: one step to leave it (ceil(0) said 0)
        assertThat(StrictSaddleEscape.escapeBound(1.0, s)).isEqualTo(1);
        assertThat(StrictSaddleEscape.escapeBound(-1.0, s)).isEqualTo(1);
        // y0 = 1 / 1.05: q = 1 exactly in real arithmetic, so |y0| 1.05 = rho is not yet outside
        assertThat(StrictSaddleEscape.escapeBound(1 / 1.05, s)).isEqualTo(2);
    }
}
