package io.optcheck.theory.sgd;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.theory.Catalog;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Spec;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import io.optcheck.theory.stat.FalseAlarmBudget;
import io.optcheck.theory.stat.StatisticalTheorem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The family-wise false-alarm rate of the whole stochastic catalog (written down in the section
 * "False-alarm budget of the stochastic catalog" of specs/sgd/constant-step-strongly-convex.md):
 * the sum over every statistical regime of (tries + extra evaluations) x tests per evaluation x
 * the alpha per test the runner hands the theorem stays below 1e-6 at CI depth, at full depth
 * and with tries raised 10x and 100x, both as the CLI splits it (over the regimes it runs) and
 * as single regime runs from tests get it (one default slot each).
 */
class FalseAlarmBudgetCatalogTest {

    record Stat(Theorem<?> theorem, Regime regime, Spec spec) {}

    static List<Stat> statisticalRegimes() {
        List<Stat> out = new ArrayList<>();
        for (Theorem<?> t : Catalog.builtIn().theorems()) {
            for (Regime r : t.regimes()) {
                if (TheoremRunner.isStatistical(t, r)) {
                    out.add(new Stat(t, r, Specs.load(t.id())));
                }
            }
        }
        return out;
    }

    /** The expected number of false alarms (a union bound) of a whole run at the given tries. */
    static double familyWise(List<Stat> regimes, RunSettings settings, int triesFactor) {
        double sum = 0;
        for (Stat s : regimes) {
            int tries =
                    settings.triesFor(s.regime(), s.spec().ciTries(), s.spec().fullTries()) * triesFactor;
            Theorem<?> budgeted = TheoremRunner.withBudget(s.theorem(), s.regime(), tries, settings);
            int tests = ((StatisticalTheorem<?>) s.theorem()).testsPerEvaluation(s.regime());
            double alpha = ((StatisticalTheorem<?>) budgeted).alpha();
            assertThat(alpha)
                    .as(s.theorem().id() + "/" + s.regime().id() + " gets the budget's alpha")
                    .isEqualTo(FalseAlarmBudget.perTest(tries, tests, settings.statisticalRegimeRuns()));
            sum += (tries + FalseAlarmBudget.EXTRA_EVALUATIONS) * (double) tests * alpha;
        }
        return sum;
    }

    @Test
    void theStochasticCatalogStaysBelowOneInAMillionAtEveryDepth() {
        List<Stat> regimes = statisticalRegimes();
        assertThat(regimes)
                .extracting(s -> s.theorem().id())
                .contains("sgd.constant-step-strongly-convex", "sgd.nonconvex", "sgd.polyak-averaging");
        for (RunSettings base : List.of(RunSettings.ci(), RunSettings.full())) {
            for (int factor : new int[] {1, 10, 100}) {
                // As the CLI runs it: split over the statistical regimes it actually runs.
                RunSettings cli = base.withStatisticalRegimeRuns(regimes.size());
                assertThat(familyWise(regimes, cli, factor))
                        .as(base.depth() + " x" + factor + " (CLI)")
                        .isLessThanOrEqualTo(FalseAlarmBudget.FAMILY_WISE * (1 + 1e-12));
                // As single runs from tests get it: one default slot per regime run. The test
                // suite runs each statistical regime at most four times (CatalogProperties,
                // TeethProperties, and at most twice more from power or plug-in tests), so it
                // stays below 1e-6 while regimes <= 50.
                double perRun = familyWise(regimes, base, factor);
                assertThat(4 * perRun)
                        .as(base.depth() + " x" + factor + " (tests)")
                        .isLessThanOrEqualTo(FalseAlarmBudget.FAMILY_WISE);
            }
        }
    }

    @Test
    void raisingTriesLowersAlphaPerTest() {
        for (Stat s : statisticalRegimes()) {
            int tests = ((StatisticalTheorem<?>) s.theorem()).testsPerEvaluation(s.regime());
            assertThat(FalseAlarmBudget.perTest(10_000, tests, 0)).isLessThan(FalseAlarmBudget.perTest(1000, tests, 0));
        }
    }
}
