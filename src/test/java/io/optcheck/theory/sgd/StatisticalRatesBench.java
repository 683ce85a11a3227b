package io.optcheck.theory.sgd;

import io.optcheck.problem.CenteredHuberSum;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.Ripple;
import io.optcheck.prop.PropertyResult;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Spec;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import io.optcheck.theory.stat.Calibration;
import io.optcheck.theory.stat.FalseAlarmBudget;
import java.util.List;
import java.util.Locale;

/**
 * Calibration benchmark of the statistical SGD checks (DESIGN.md "Statistics with power"; not a
 * CI test, nothing is asserted). Three tables:
 * <ol>
 *   <li><b>False alarms at alpha = 0.05</b>: each test (one checkpoint of one theorem) on its own,
 *       on the instance where E[X] equals the bound or comes as close as theory allows, over
 *       independent seed sets; the observed rate with its 95% Clopper-Pearson interval, which must
 *       reach down to at most 0.05.</li>
 *   <li><b>Power at the production alpha</b> (full depth, 1000 tries) against the planted
 *       violation bound x 0.8 on the same instances: the share of seed sets whose evaluation
 *       rejected (target: all).</li>
 *   <li><b>Breaking regimes caught</b>: for every breaking regime of the sgd and dist theorems
 *       (the exact biased-oracle regimes of sgd.unbiased-minibatch, sgd.noise-scale,
 *       dist.data-parallel, dist.grad-accumulation, and the statistical ones), the share of
 *       property seeds whose run (CI tries, edge cases off, no shrinking) found the break at the
 *       production alpha (target: every seed).</li>
 * </ol>
 *
 * <pre>
 * mvn -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=io.optcheck.theory.sgd.StatisticalRatesBench \
 *   -Dexec.args="1000 100"
 * </pre>
 * Arguments (optional): seed sets for tables 1 and 2 (default 1000), property seeds for table 3
 * (default 100).
 */
public final class StatisticalRatesBench {

    private StatisticalRatesBench() {}

    /** One theorem's tight instance, evaluated on a seed set, with per-checkpoint decisions. */
    interface Tight {
        ConstantStepStronglyConvex.Run run(boolean planted, double alpha, long salt);
    }

    public static void main(String[] args) {
        int sets = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long t0 = System.nanoTime();

        ConstantStepStronglyConvex cs = new ConstantStepStronglyConvex();
        ConstantStepInstance csIn =
                new ConstantStepInstance(Quadratic.diagonal(new double[] {2}), new double[] {1.5}, 1.0, 0.7, 0);
        SgdNonconvex nc = new SgdNonconvex();
        NonconvexInstance ncIn = new NonconvexInstance(
                Ripple.of(new double[] {1}, new double[] {0}, new double[] {1}, null), new double[] {2}, 1.0, 0.1);
        PolyakAveraging pa = new PolyakAveraging();
        PolyakInstance paIn = new PolyakInstance(
                new CenteredHuberSum(1, 0, List.of(new CenteredHuberSum.Term(0, 10, 0.1, 0))),
                new double[] {100},
                1.0,
                0.0,
                0.0);

        Object[][] rows = {
            {
                "sgd.constant-step-strongly-convex",
                "d = 1, L = mu = 2, eta = 1/L, s = 0.7 (E[X] = bound at every k)",
                5,
                (Tight) (p, a, salt) -> (p ? cs.withTightenedBounds(0) : cs)
                        .withAlpha(a)
                        .evaluate(csIn, cs.regime("holds"), salt, false)
            },
            {
                "sgd.nonconvex",
                "(1/2)x^2, x0 = 2, eta = 1, s = 0.1 (ratio 4/4.01 at T = 1)",
                5,
                (Tight) (p, a, salt) -> (p ? nc.withTightenedBounds(0) : nc)
                        .withAlpha(a)
                        .evaluate(ncIn, nc.regime("holds"), salt, false)
            },
            {
                "sgd.polyak-averaging",
                "huber slope 1, kink 0.1, x0 = 100, eta = R/G, s = 0 (ratio 0.9995 at T = 1)",
                5,
                (Tight) (p, a, salt) -> (p ? pa.withTightenedBounds(0) : pa)
                        .withAlpha(a)
                        .evaluate(paIn, pa.regime("holds"), salt, false)
            },
        };

        System.out.println("== 1. False alarms of each test on its own at alpha = 0.05 (" + sets + " seed sets) ==");
        System.out.println(String.format(
                Locale.ROOT,
                "%-36s %-4s %-10s %-44s %s",
                "theorem",
                "k",
                "mean/bnd",
                "false alarms (95% CP)",
                "ok (lower <= 0.05)"));
        for (Object[] row : rows) {
            Tight tight = (Tight) row[3];
            int m = (int) row[2];
            int[] alarms = new int[m];
            double[] ratio = new double[m];
            for (int set = 1; set <= sets; set++) {
                ConstantStepStronglyConvex.Run run = tight.run(false, 0.05, 1_000_000L + set);
                for (int c = 0; c < m; c++) {
                    if (run.decisions().get(c).violated()) {
                        alarms[c]++;
                    }
                    ratio[c] += run.decisions().get(c).check().ratio() / sets;
                }
            }
            for (int c = 0; c < m; c++) {
                Calibration cal = Calibration.of(sets, alarms[c], 0.95);
                System.out.println(String.format(
                        Locale.ROOT,
                        "%-36s %-4d %-10.4f %-44s %s",
                        row[0],
                        ConstantStepStronglyConvex.CHECKPOINTS[c],
                        ratio[c],
                        cal.describe(),
                        cal.lower() <= 0.05));
            }
            System.out.println("   instance: " + row[1]);
        }

        System.out.println();
        System.out.println(
                "== 2. Power against bound x 0.8 at the production alpha (full depth) (" + sets + " seed sets) ==");
        for (Object[] row : rows) {
            Tight tight = (Tight) row[3];
            double alpha = FalseAlarmBudget.perTest(1000, (int) row[2], 0);
            int detected = 0;
            for (int set = 1; set <= sets; set++) {
                if (tight.run(true, alpha, 2_000_000L + set).evaluation().violation() != null) {
                    detected++;
                }
            }
            System.out.println(String.format(
                    Locale.ROOT,
                    "%-36s alpha %.3g: detected %s",
                    row[0],
                    alpha,
                    Calibration.of(sets, detected, 0.95).describe()));
        }

        System.out.println();
        System.out.println("== 3. Breaking regimes caught (" + seeds
                + " property seeds, CI tries, edge cases off, production alpha) ==");
        for (Theorem<?> t : Catalog.builtIn().theorems()) {
            if (!(t.id().startsWith("sgd.") || t.id().startsWith("dist.") || t.id().startsWith("vr."))) {
                continue;
            }
            Spec spec = Specs.load(t.id());
            for (Regime r : t.regimes()) {
                if (!r.breaking()) {
                    continue;
                }
                int caught = caught(t, r, spec.ciTries(), seeds);
                System.out.println(String.format(
                        Locale.ROOT,
                        "%-36s %-28s %s%s",
                        t.id(),
                        r.id(),
                        Calibration.of(seeds, caught, 0.95).describe(),
                        TheoremRunner.isStatistical(t, r) ? "  [statistical]" : "  [exact]"));
            }
        }
        System.out.println(String.format(Locale.ROOT, "%nwall time %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    static <I> int caught(Theorem<I> t, Regime r, int tries, int seeds) {
        int caught = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            RunSettings settings = RunSettings.ci().withSeed(seed).withEdgeCases(false);
            Theorem<I> budgeted = TheoremRunner.withBudget(t, r, tries, settings);
            PropertyResult<I> res = TheoremRunner.property(budgeted, r, tries, seed, false)
                    .shrinkBudget(0)
                    .run();
            if (res.status() == PropertyResult.Status.FAILED) {
                caught++;
            }
        }
        return caught;
    }
}
