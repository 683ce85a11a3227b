package io.optcheck.theory.vr;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Specs;
import io.optcheck.theory.TheoremRunner;
import org.junit.jupiter.api.Test;

/**
 * The missed break of ./optcheck run --quick --seed 4: vr.svrg/drop:components-convex held after
 * its 300 CI tries. About 1% of its draws break the rate, so 300 tries missed it on 2 of 60 seeds
 * (4 and 29); the spec's CI tries are now 1000 (BreakPowerBench: 100 of 100 seeds). Regression:
 * both seeds find the break at the spec's CI tries, and --tries 3 on the holds regime (whose
 * coverage rules need 50 and more tries) is not a failure.
 */
class SvrgBreakPowerTest {

    @Test
    void theSeedsThatMissedTheBreakAt300TriesFindIt() {
        SvrgTheorem t = new SvrgTheorem();
        int tries = Specs.load(t.id()).ciTries();
        assertThat(tries).isGreaterThanOrEqualTo(1000);
        for (long seed : new long[] {4, 29}) {
            Result r = TheoremRunner.run(
                    t,
                    t.regime("drop:components-convex"),
                    tries,
                    RunSettings.ci().withSeed(seed));
            assertThat(r.outcome()).as("seed " + seed).isEqualTo(Outcome.BROKEN);
            assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void threeTriesOnTheHoldsRegimeAreInconclusiveNotFail() {
        SvrgTheorem t = new SvrgTheorem();
        Result r = TheoremRunner.run(t, t.regime("holds"), 3, RunSettings.ci().withTries(3));
        assertThat(r.outcome()).isIn(Outcome.HELD, Outcome.INCONCLUSIVE);
        assertThat(r.verdict()).isNotEqualTo(Verdict.FAIL);
    }
}
