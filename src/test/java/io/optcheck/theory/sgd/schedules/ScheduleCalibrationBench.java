package io.optcheck.theory.sgd.schedules;

import io.optcheck.problem.Quadratic;
import io.optcheck.theory.stat.Calibration;
import java.util.Locale;
import java.util.function.LongPredicate;

/**
 * Calibration benchmark (DESIGN.md "Statistics with power"; not CI): each statistical check of
 * the schedule theorems on its own, at a false-alarm rate of 0.05 per evaluation (0.05 split over
 * its checkpoints), over 1000 independent seed sets, on instances where the null hypothesis is
 * true with equality (or nearly): the observed false-alarm rate must be &lt;= 0.05 within its
 * Clopper-Pearson interval. Run with {@code main}; prints one line per check.
 */
public final class ScheduleCalibrationBench {

    private ScheduleCalibrationBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        // robbins-monro holds: 1-D, L = mu = 1, E||x_t||^2 = r_t exactly at every t.
        RmInstance rm = RobbinsMonro.build(Quadratic.diagonal(new double[] {1}), new double[] {10}, 0.75, 0.5, 1, 2);
        RobbinsMonro rmt = new RobbinsMonro().withAlpha(0.05 / RobbinsMonro.CHECKPOINTS.length);
        report(
                "sgd.robbins-monro holds (E||x_t - x*||^2 = r_t exactly)",
                n,
                salt -> rmt.inExpectation(rm, true, salt).violation() != null);
        // robbins-monro constant step: start ON the stationary value, so E||x_t||^2 = D exactly at every t.
        double eta = 0.5;
        double d = eta * eta * (4.0 / 3) / (1 - (1 - eta) * (1 - eta));
        RmInstance cs =
                RobbinsMonro.build(Quadratic.diagonal(new double[] {1}), new double[] {Math.sqrt(d)}, 0, eta, 1, 2);
        RobbinsMonro cst = new RobbinsMonro().withAlpha(0.05 / RobbinsMonro.STALL_CHECKPOINTS.length);
        report(
                "sgd.robbins-monro constant-step (E||x_t - x*||^2 = D exactly)",
                n,
                salt -> cst.inExpectation(cs, false, salt).violation() != null);
        // diminishing-step holds: 1-D, L = mu = 1, beta mu = 1.01, gamma = 100 (ratio ~0.98, the tightest known).
        DimInstance dim =
                DiminishingStep.build(Quadratic.diagonal(new double[] {1}), new double[] {10}, 1.01, 0.01, 10);
        DiminishingStep dt = new DiminishingStep().withAlpha(0.05 / DiminishingStep.CHECKPOINTS.length);
        report(
                "sgd.diminishing-step holds (ratio ~0.98)",
                n,
                salt -> dt.inExpectation(dim, salt).violation() != null);
    }

    private static void report(String name, int n, LongPredicate rejects) {
        int x = 0;
        for (long salt = 1; salt <= n; salt++) {
            if (rejects.test(salt)) {
                x++;
            }
        }
        Calibration c = Calibration.of(n, x, 0.95);
        System.out.printf(
                Locale.ROOT,
                "%s: %d/%d false alarms at alpha 0.05, rate %.4f, 95%% interval [%.4f, %.4f]%n",
                name,
                x,
                n,
                c.rate(),
                c.lower(),
                c.upper());
    }
}
