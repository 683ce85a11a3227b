package io.optcheck.theory.stat;

/**
 * How the catalog's family-wise false-alarm rate is split (Bonferroni: the union bound needs no
 * independence between tests).
 *
 * <p>The whole catalog may raise at most {@link #FAMILY_WISE} false alarms in expectation per
 * process run. It is split into {@link #REGIME_SLOTS} equal slots, one per run of a statistical
 * regime (a regime run by the catalog, and the same regime run again by a teeth or power test,
 * are two slots). A run that runs more statistical regimes than there are slots splits
 * {@link #FAMILY_WISE} equally among the regimes it actually runs instead. Within a regime, the
 * slot is split equally among the tests that can run: (tries + {@link #EXTRA_EVALUATIONS}) times
 * the tests per evaluation. Raising tries lowers alpha per test, so the family-wise rate never
 * exceeds its budget.
 */
public final class FalseAlarmBudget {

    /** The family-wise false-alarm rate of one process run of the whole catalog. */
    public static final double FAMILY_WISE = 1e-6;

    /** The number of statistical regime runs the budget is split into by default. */
    public static final int REGIME_SLOTS = 200;

    /**
     * Evaluations a regime run may make beyond its tries: re-evaluating the best or shrunk
     * instance for the report, and rechecking the best instance on fresh seeds.
     */
    public static final int EXTRA_EVALUATIONS = 16;

    private FalseAlarmBudget() {}

    /**
     * The false-alarm rate of one regime run.
     *
     * @param statisticalRegimeRuns the number of statistical regime runs in this process run, or
     *     0 when unknown (a single regime run from a test): then one of the default slots
     */
    public static double perRegime(int statisticalRegimeRuns) {
        return FAMILY_WISE / Math.max(REGIME_SLOTS, statisticalRegimeRuns);
    }

    /**
     * The false-alarm rate of each test in a regime run.
     *
     * @param tries the regime's tries
     * @param testsPerEvaluation the tests one evaluation makes, at least 1
     * @param statisticalRegimeRuns as in {@link #perRegime(int)}
     * @throws IllegalArgumentException for tries or tests per evaluation below 1
     */
    public static double perTest(int tries, int testsPerEvaluation, int statisticalRegimeRuns) {
        if (tries < 1 || testsPerEvaluation < 1) {
            throw new IllegalArgumentException(
                    "need tries >= 1 and tests per evaluation >= 1, got " + tries + ", " + testsPerEvaluation);
        }
        return perRegime(statisticalRegimeRuns) / ((double) (tries + EXTRA_EVALUATIONS) * testsPerEvaluation);
    }
}
