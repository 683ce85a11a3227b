package io.optcheck.theory.sgd;

import io.optcheck.result.StatisticalTest;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.stat.BestInstance;
import io.optcheck.theory.stat.ExpectationCheck;
import io.optcheck.theory.stat.Seeds;
import io.optcheck.theory.stat.StatisticalTheorem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * The plumbing shared by the "in expectation" rate theorems checked at a few checkpoints k on R
 * seeded runs per instance (sgd.constant-step-strongly-convex, sgd.nonconvex,
 * sgd.polyak-averaging): the expectation test and its alpha, the planted violation that serves
 * as teeth, one test per checkpoint, and the recheck of the search's best instance on fresh
 * seeds. A subclass samples its quantity and states its bound; this class decides.
 *
 * @param <I> the instance type
 * @param <T> the subclass (so that withAlpha and withTightenedBounds keep their type)
 */
abstract class CheckpointTheorem<I, T extends CheckpointTheorem<I, T>> extends DeclaredTheorem<I>
        implements StatisticalTheorem<I> {

    /** The planted violation of {@link #withTightenedBounds}: the bound times this factor. */
    public static final double PLANTED = 0.8;

    /** An evaluation with the decision of every checkpoint behind it. */
    record Run(Evaluation evaluation, List<ExpectationCheck.Decision> decisions) {}

    /** The tolerance of checkpoint c's test, from its sample mean and its (checked) bound. */
    protected interface Tolerances {
        double at(int c, double sampleMean, double bound);
    }

    /**
     * The higher-precision re-evaluation of checkpoint c's comparison of the sample mean with the
     * checked bound (THEOREMS.md, Numerics), run only when that comparison is marginal.
     */
    protected interface Exacts {
        /** Whether the real-number sample mean of the same runs is within the real-number bound. */
        boolean holds(int c, boolean planted);

        /** How it evaluates, for the report. */
        String precision();
    }

    private final int[] checkpoints;
    private boolean planted;
    private ExpectationCheck test;
    private BestInstance<I> best = new BestInstance<>();

    /** The theorem of the spec {@code id}, deciding each checkpoint with {@code test}. */
    protected CheckpointTheorem(String id, ExpectationCheck test, int[] checkpoints) {
        super(id);
        this.test = test;
        this.checkpoints = checkpoints.clone();
    }

    @Override
    protected void fresh() {
        best = new BestInstance<>();
    }

    /** Whether this is the copy with the planted violation. */
    protected final boolean planted() {
        return planted;
    }

    /** The test this theorem object applies (R, truncation, alpha). */
    public final ExpectationCheck test() {
        return test;
    }

    /** Samples the instance's quantities and decides every checkpoint. */
    abstract Run evaluate(I in, Regime r, long salt, boolean track);

    /**
     * The theorem with a planted violation: every bound multiplied by {@value #PLANTED}, whatever
     * eps is. A statistical check cannot resolve a bound tightened by 1e-3 (that would take
     * about 10^7 runs per instance), so the teeth test plants the violation DESIGN.md asks the
     * power of every "in expectation" check to be shown against: the bound x 0.8.
     */
    @Override
    @SuppressWarnings("unchecked")
    public T withTightenedBounds(double eps) {
        CheckpointTheorem<I, T> c = (CheckpointTheorem<I, T>) super.withTightenedBounds(eps);
        c.planted = true;
        return (T) c;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T withAlpha(double alphaPerTest) {
        CheckpointTheorem<I, T> c = copy();
        c.test = test.withAlpha(alphaPerTest);
        return (T) c;
    }

    @Override
    public double alpha() {
        return test.alpha();
    }

    @Override
    public int testsPerEvaluation(Regime regime) {
        return checkpoints.length;
    }

    @Override
    public StatisticalTest statistics(Regime regime, int tries, long seed) {
        return test.statistics(seed);
    }

    @Override
    public Evaluation evaluate(I in, Regime r) {
        return evaluate(in, r, Seeds.SEARCH, true).evaluation();
    }

    /** The unplanted bound at each checkpoint: {@code bound} of the checkpoint's k. */
    protected double[] bounds(IntToDoubleFunction bound) {
        double[] out = new double[checkpoints.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = bound.applyAsDouble(checkpoints[c]);
        }
        return out;
    }

    /** The bound as checked: planted or not. */
    protected double checked(double bound) {
        return planted ? PLANTED * bound : bound;
    }

    /**
     * One test per checkpoint on {@code samples[c]} (the R values of the quantity at checkpoint
     * c). Every checkpoint's decision is kept (the calibration benchmark reads each test on its
     * own); the evaluation stops at the first violation.
     *
     * @param bounds the unplanted bound per checkpoint
     */
    protected Run decide(
            I in,
            Regime r,
            boolean track,
            String quantity,
            String axis,
            String meanLabel,
            double[][] samples,
            double[] bounds,
            Tolerances tolerances) {
        return decide(in, r, track, quantity, axis, meanLabel, samples, bounds, tolerances, null);
    }

    /**
     * As {@link #decide(Object, Regime, boolean, String, String, String, double[][], double[],
     * Tolerances)}, with each checkpoint's higher-precision re-evaluation ({@code exacts}, or null
     * for none).
     */
    protected Run decide(
            I in,
            Regime r,
            boolean track,
            String quantity,
            String axis,
            String meanLabel,
            double[][] samples,
            double[] bounds,
            Tolerances tolerances,
            Exacts exacts) {
        int m = checkpoints.length;
        Evaluation.Builder b = new Evaluation.Builder();
        boolean stopped = false;
        List<ExpectationCheck.Decision> decisions = new ArrayList<>();
        double[] means = new double[m];
        double[] checkedBounds = new double[m];
        for (int c = 0; c < m; c++) {
            double bound = checked(bounds[c]);
            double tol = tolerances.at(c, mean(samples[c]), bound);
            ExpectationCheck.Decision dec = test.atMost(quantity, checkpoints[c], samples[c], bound, tol);
            if (exacts != null) {
                int cc = c;
                boolean p = planted;
                dec = new ExpectationCheck.Decision(
                        dec.check().withExact(exacts.precision(), () -> exacts.holds(cc, p)),
                        dec.meanBound(),
                        dec.cap());
            }
            decisions.add(dec);
            means[c] = dec.check().observed();
            checkedBounds[c] = bound;
            if (!stopped) {
                stopped = b.add(dec.check());
            }
        }
        Evaluation e = b.completed(Map.of(axis, toDoubles(checkpoints), meanLabel, means, "bound", checkedBounds));
        if (track) {
            best.offer(r.id(), in, e.worstRatio());
        }
        return new Run(e, decisions);
    }

    /** The best instance of the search rechecked on fresh seeds ({@code freshSeedRecheck}). */
    @Override
    public Map<String, Object> figures(Regime regime, int tries, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        best.best(regime.id()).ifPresent(in -> m.put("freshSeedRecheck", freshRecheck(in, regime)));
        return m;
    }

    Map<String, Object> freshRecheck(I in, Regime regime) {
        Run run = evaluate(in, regime, Seeds.FRESH, false);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("instance", describe(in).toString());
        f.put("searchRatio", best.ratio(regime.id()));
        f.putAll(worstDecision(run).figure());
        return f;
    }

    /** The first violated decision of a run, else the one with the largest ratio. */
    static ExpectationCheck.Decision worstDecision(Run run) {
        return run.decisions().stream()
                .filter(ExpectationCheck.Decision::violated)
                .findFirst()
                .orElse(run.decisions().stream()
                        .max((a, b) ->
                                Double.compare(a.check().ratio(), b.check().ratio()))
                        .orElseThrow());
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double[] toDoubles(int[] k) {
        double[] out = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            out[i] = k[i];
        }
        return out;
    }
}
