package io.optcheck.theory.stat;

import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;

/**
 * A theorem whose conclusion holds "in expectation" and is checked by a statistical test on R
 * seeded runs per instance (see {@link MeanBound}). Its false-alarm rate per test is not its own
 * choice: the runner hands it one from the catalog's {@link FalseAlarmBudget}, computed from the
 * number of tests that will actually run, so the family-wise false-alarm rate stays below 1e-6
 * also when tries are raised.
 *
 * @param <I> the instance type
 */
public interface StatisticalTheorem<I> extends Theorem<I> {

    /**
     * The number of statistical tests one evaluation of an instance makes in this regime (for
     * example one per checkpoint k), at most; 0 for a regime checked exactly.
     */
    int testsPerEvaluation(Regime regime);

    /** The false-alarm rate of each single test of this theorem object. */
    double alpha();

    /** The same theorem with every single test run at false-alarm rate {@code alphaPerTest}. */
    Theorem<I> withAlpha(double alphaPerTest);
}
