package io.optcheck.theory.vr;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import org.junit.jupiter.api.Test;

/**
 * vr.svrg / holds-rotated (full-matrix moment propagation on rotated components): it holds at CI
 * depth with its coverage met and every try judged, and the sensitivity version (a / 3, the rate
 * not being tight) is violated.
 */
class VrRotatedRateTest {

    private static Result run(Theorem<?> t, String regime, RunSettings s) {
        var r = t.regime(regime);
        Result res = TheoremRunner.run(t, r, s.triesFor(r, 1000, 1000), s);
        System.out.println(t.id() + "/" + regime + ": " + res.outcome() + ", worst ratio " + res.worstRatio() + ", "
                + res.durationMs() + " ms " + res.extra()
                + (res.counterexample() == null
                        ? ""
                        : ", counterexample " + res.counterexample().fields()));
        return res;
    }

    @Test
    void svrgHoldsRotatedHolds() {
        Result res = run(new SvrgTheorem(), "holds-rotated", RunSettings.ci());
        assertThat(res.outcome()).isEqualTo(Outcome.HELD);
        assertThat(res.verdict()).isEqualTo(Verdict.PASS);
        // every try judged: none without a verdict, none whose every check had a tolerance above
        // 1e-6 of its bound (with the |A| rounding recursion, 7 and 53 of 1000)
        assertThat(res.extra()).doesNotContainKeys("noVerdictTries", "vacuousEvaluations");
    }

    @Test
    void svrgHoldsRotatedWithAWrongConstantIsViolated() {
        Result res = run(new SvrgTheorem().withTightenedBounds(1e-3), "holds-rotated", RunSettings.ci());
        assertThat(res.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(res.counterexample()).isNotNull();
    }
}
