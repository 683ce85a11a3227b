package com.acme.opt.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.optcheck.prop.Phase;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Spec;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the example's own theorem (acme.gd-fejer, specs/acme/gd-fejer.md) on the example's own
 * problem family through optcheck's TheoremRunner, the way optcheck's catalog runs its own.
 */
class FejerMonotonicityTest {

    private final FejerMonotonicity theorem = new FejerMonotonicity();

    private Result run(Theorem<FejerMonotonicity.Instance> t, String regime, RunSettings settings) {
        Spec spec = Specs.load(t.id());
        Regime r = t.regime(regime);
        Result res = TheoremRunner.run(t, r, settings.triesFor(r, spec.ciTries(), spec.fullTries()), settings);
        // One line per regime in the build log: what was found, in numbers.
        System.out.println(res.id() + (t == theorem ? "" : " (bound tightened by 1e-3)") + ": " + res.outcome()
                + ", worst ratio " + res.worstRatio()
                + (res.threshold() == null
                        ? ""
                        : ", threshold found " + res.threshold().found() + " vs theory "
                                + res.threshold().theory())
                + ", found by " + res.foundBy()
                + (res.counterexample() == null
                        ? ""
                        : "\n  " + res.counterexample().summary() + "\n  "
                                + res.counterexample().replay()));
        return res;
    }

    @Test
    void theSpecDeclaresTheRegimesAndTheCodeHasACaseForEach() {
        // A spec regime with no case in instances(), or a case the spec lacks, fails here.
        theorem.validate();
        assertEquals(
                List.of("holds", "eta-gt-2-over-l"),
                theorem.regimes().stream().map(Regime::id).toList());
        assertEquals(2.0, theorem.regime("eta-gt-2-over-l").threshold().theory());
    }

    @Test
    void holdsForEveryStepUpTo2OverL() {
        Result res = run(theorem, "holds", RunSettings.ci());
        assertEquals(Outcome.HELD, res.outcome(), () -> String.valueOf(res.counterexample()));
        assertEquals(Verdict.PASS, res.verdict());
        // At eta = 2/L along an eigenvector the bound is an equality, so the observed ratio may
        // exceed 1 by rounding; the check allows the tolerance it reports (tol/|rhs|), no more.
        double allowed = 1.0 + (Double.isNaN(res.toleranceRatio()) ? 0 : res.toleranceRatio());
        assertTrue(res.worstRatio() <= allowed, "worst ratio " + res.worstRatio() + ", allowed " + allowed);
    }

    @Test
    void breaksAbove2OverLFoundBySearchAndShrunk() {
        // Edge cases off: the break must be found by random or targeted search, not handed in.
        Result res = run(theorem, "eta-gt-2-over-l", RunSettings.ci().withEdgeCases(false));
        assertEquals(Outcome.BROKEN, res.outcome());
        assertEquals(Verdict.PASS, res.verdict());
        assertNotEquals(Phase.EDGE, res.foundBy());
        assertNotNull(res.counterexample());
        assertTrue(
                res.counterexample().replay().contains("acme.gd-fejer/eta-gt-2-over-l/"),
                res.counterexample().replay());
        // Shrinking drives eta L down to the threshold 2 (it may not reach below).
        double found = res.threshold().found();
        assertTrue(found > 2 && found < 2.01, "threshold found " + found);
    }

    @Test
    void aBoundTightenedBy1eMinus3IsCaught() {
        // The check has teeth: ||x_t - x*||^2 <= (1 - 1e-3) ||x_t-1 - x*||^2 is false, and found.
        Result res = run(theorem.withTightenedBounds(1e-3), "holds", RunSettings.ci());
        assertEquals(Outcome.BROKEN, res.outcome());
    }
}
