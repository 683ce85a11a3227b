package io.optcheck.junit;

import static io.optcheck.text.LabelledLines.line;

import io.optcheck.api.PluggableOptimizer;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.prop.FailureReport;
import io.optcheck.prop.PropertyResult;
import io.optcheck.result.Replay;
import io.optcheck.result.Result;
import io.optcheck.run.PluginSelection;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.time.Duration;

/**
 * Checks your optimizer from JUnit 5. Write one test class:
 *
 * <pre>{@code
 * class MyOptimizerTest {
 *     @TestFactory
 *     Stream<DynamicNode> optcheck() {
 *         return OptimizerCheck.of(new MyOptimizer()).tests();
 *     }
 * }
 * }</pre>
 *
 * Every theorem that applies to the optimizer's declared kind, and every conformance property
 * (determinism, checkpoint/resume, zero gradient, equivariance, gradient-scale invariance,
 * reference equivalence, robustness), runs as one test per regime, grouped by theorem. The first
 * test lists which theorems apply; if none does, it fails (zero applicable theorems is an error,
 * not a pass). A regime that does not apply to the optimizer (checkpoint/resume when
 * {@code supportsCopy()} is false, rotation equivariance for Adam) is reported as an aborted
 * (skipped) test whose message is the reason. A failing regime's message has labelled lines:
 * theorem, method, regime, assumptions, expected and observed outcome, the shrunk counterexample
 * with observed vs bound, and a replay line.
 *
 * <p>Immutable; the options return a new object. Tries default to each spec's CI count, the seed
 * to optcheck's fixed default, so CI runs the same tries every time.
 */
public final class OptimizerCheck extends PluginCheck<OptimizerCheck> {

    /** System property: {@code THEOREM/REGIME/TOKEN}, one shrunk case to rerun. */
    public static final String REPLAY_PROPERTY = "optcheck.theoremReplay";

    private final PluggableOptimizer optimizer;
    private final Catalog catalog;

    private OptimizerCheck(PluggableOptimizer optimizer, CheckSettings settings, Catalog catalog) {
        super(settings);
        this.optimizer = optimizer;
        this.catalog = catalog;
    }

    /** A check of {@code optimizer} against every applicable theorem. */
    public static OptimizerCheck of(PluggableOptimizer optimizer) {
        return new OptimizerCheck(optimizer, CheckSettings.DEFAULT, Catalog.builtIn());
    }

    /** The same optimizer and catalog with these settings. */
    @Override
    OptimizerCheck with(CheckSettings s) {
        return new OptimizerCheck(optimizer, s, catalog);
    }

    /**
     * The per-try limit, {@link #tryTimeout}. Calls into the optimizer are no longer time-boxed
     * one by one (that cost a thread hand-off per step); each try is.
     *
     * @deprecated use {@link #tryTimeout}
     */
    @Deprecated
    public OptimizerCheck stepTimeout(Duration d) {
        return tryTimeout(d);
    }

    @Override
    CheckPlan plan() {
        return CheckPlan.of(
                () -> PluginSelection.optimizer(PluginProvider.of(optimizer), catalog, settings.filters()),
                settings,
                "--method-class",
                optimizer.getClass().getName());
    }

    /**
     * Labelled lines for a failed regime, then the engine's own report (FailureReport), for a
     * plug-in loaded on the command line with {@code option} (--method-class or --estimator-class).
     */
    static String message(
            Theorem<?> t, Regime r, Result res, int n, RunSettings settings, String option, String pluginClass) {
        StringBuilder sb = new StringBuilder();
        sb.append("Theorem '")
                .append(t.id())
                .append("' regime '")
                .append(r.id())
                .append("' FAILED on method ")
                .append(t.methodId())
                .append(System.lineSeparator());
        line(sb, "theorem", t.id());
        line(sb, "method", t.methodId());
        line(sb, "regime", r.id() + ": " + r.description());
        line(sb, "assumptions", String.join(", ", r.assumptions()));
        line(sb, "expected", r.expected().json());
        line(sb, "outcome", res.outcome().json());
        if (!res.conventions().isEmpty()) {
            line(sb, "conventions", res.conventions().toString());
        }
        if (res.error() != null) {
            line(sb, "error", res.error().message());
        }
        if (res.counterexample() != null) {
            line(sb, "counterexample", res.counterexample().summary());
            if (option != null) { // a line search has no command-line option: its replay is the mvn line below
                line(
                        sb,
                        "replay",
                        Replay.parse(res.counterexample().replay())
                                .withOptions(option, pluginClass, "--classpath", "<your classes>")
                                .commandLine());
            }
        }
        if (res.counterexample() != null || res.error() != null) {
            // The engine's labelled report of the same (deterministic) run: seed, phase, shrunk case, token.
            PropertyResult<?> pr = TheoremRunner.property(
                            TheoremRunner.withBudget(t, r, n, settings), r, n, settings.seed(), settings.edgeCases())
                    .run();
            sb.append(FailureReport.message(
                    pr,
                    pr.replayToken() == null
                            ? null
                            : "mvn test -D" + REPLAY_PROPERTY + "=" + t.id() + "/" + r.id() + "/" + pr.replayToken()));
        }
        return sb.toString();
    }
}
