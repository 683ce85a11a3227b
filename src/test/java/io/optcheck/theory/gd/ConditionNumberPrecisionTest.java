package io.optcheck.theory.gd;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * gd.condition-number in float32 and bfloat16: the band around the real trajectory holds and has
 * teeth, the float64 count breaks below the stall floor and only there, and the measured stall is
 * floor(kappa/2) gaps from x*.
 */
class ConditionNumberPrecisionTest {

    private static final List<String> COUNT = List.of("float32-count", "bfloat16-count");
    private static final List<String> STALL = List.of("float32-stall", "bfloat16-stall");

    private static Result run(Theorem<?> t, String regime, RunSettings s) {
        var r = t.regime(regime);
        return TheoremRunner.run(t, r, s.triesFor(r, 200, 200), s);
    }

    @Test
    void bandHoldsAndATighterConstantIsCaught() {
        ConditionNumber t = new ConditionNumber();
        for (String regime : COUNT) {
            Result held = run(t, regime, RunSettings.ci());
            assertThat(held.outcome()).as(regime).isEqualTo(Outcome.HELD);
            assertThat(held.worstRatio()).as(regime).isLessThanOrEqualTo(1.0);
            // The wrong constant u/4 in E: the stalled iterate sits farther from the real trajectory.
            Result tight = run(t.withTightenedBounds(1e-3), regime, RunSettings.ci());
            assertThat(tight.outcome()).as(regime + " tightened").isEqualTo(Outcome.BROKEN);
        }
    }

    @Test
    void theFloat64CountBreaksJustBelowTheFloor() {
        ConditionNumber t = new ConditionNumber();
        for (String regime : STALL) {
            Result res = run(t, regime, RunSettings.ci().withEdgeCases(false));
            assertThat(res.outcome()).as(regime).isEqualTo(Outcome.BROKEN);
            // Shrinking raises eps toward the floor; a break above it would mean the floor is wrong.
            assertThat(res.threshold().found()).as(regime).isBetween(0.9, 1.0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMeasuredStallIsFloorOfHalfKappaGaps() {
        ConditionNumber t = new ConditionNumber();
        for (String regime : STALL) {
            List<Object> rows =
                    (List<Object>) t.figures(t.regime(regime), 1, 42).get("stall");
            assertThat(rows).as(regime).hasSize(4);
            for (Object o : rows) {
                Map<String, Object> row = (Map<String, Object>) o;
                assertThat((Double) row.get("stall distance / gap (measured)"))
                        .as(regime + " " + row)
                        .isEqualTo((Double) row.get("floor(kappa/2)"));
                assertThat((Double) row.get("(f - f*) / (f0 - f*) at the stall (measured)"))
                        .as(regime + " " + row)
                        .isEqualTo((Double) row.get("eps_floor (theory)"));
            }
        }
    }
}
