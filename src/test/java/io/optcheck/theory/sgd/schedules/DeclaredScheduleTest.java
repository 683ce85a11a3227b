package io.optcheck.theory.sgd.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import io.optcheck.theory.conf.PluginTheorems;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sgd kind honours a plug-in's declared schedule a/(t + b)^p (the ranges of b and p): the
 * regimes whose schedule the ranges do not meet are not_applicable with the reason, the others
 * draw b and p inside the ranges; and the regime a sqrt-decay schedule is checked in has teeth: a
 * plug-in that declares sqrt decay but never decays its step is caught.
 */
class DeclaredScheduleTest {

    static final int TRIES = 100;

    /** SGD with x+ = x - eta_t g, eta_t = a/(t + b)^p, or with a constant step a when {@code decays} is false. */
    record Sgd(String id, boolean decays, Map<String, Range> hyperparameterRanges) implements PluggableOptimizer {
        @Override
        public MethodKind kind() {
            return MethodKind.SGD;
        }

        @Override
        public Optimizer<?> create(Hyperparameters h) {
            double a = h.get("a");
            double b = h.get("b");
            double p = h.get("p");
            return new Optimizer<double[]>() {
                // state: x_t followed by t
                @Override
                public double[] init(double[] x0) {
                    double[] s = Arrays.copyOf(x0, x0.length + 1);
                    s[x0.length] = 0;
                    return s;
                }

                @Override
                public double[] step(double[] s, Oracle o) {
                    int d = s.length - 1;
                    double t = s[d];
                    double eta = decays ? a / StrictMath.pow(t + b, p) : a;
                    double[] x = Arrays.copyOf(s, d);
                    double[] g = o.gradient(x);
                    double[] next = new double[d + 1];
                    for (int i = 0; i < d; i++) {
                        next[i] = x[i] - eta * g[i];
                    }
                    next[d] = t + 1;
                    return next;
                }

                @Override
                public double[] position(double[] s) {
                    return Arrays.copyOf(s, s.length - 1);
                }
            };
        }
    }

    static final Map<String, PluggableOptimizer.Range> SQRT_DECAY =
            Map.of("b", new PluggableOptimizer.Range(1, 1), "p", new PluggableOptimizer.Range(0.5, 0.5));

    static Result run(PluggableOptimizer p, String theorem, String regime) {
        for (Theorem<?> t : PluginTheorems.applicable(PluginProvider.of(p), Catalog.builtIn(), List.of(theorem))) {
            return TheoremRunner.run(t, t.regime(regime), TRIES, RunSettings.ci());
        }
        throw new AssertionError(theorem + " does not apply to " + p.id());
    }

    @Test
    void aSqrtDecayScheduleIsCheckedInTheSlowDecayRegimeAndHolds() {
        Result r = run(new Sgd("sqrt-decay", true, SQRT_DECAY), "sgd.robbins-monro", "p-le-half");
        assertThat(r.outcome()).isEqualTo(Outcome.HELD);
        System.out.printf(
                Locale.ROOT,
                "robbins-monro/p-le-half on a correct sqrt decay: held, worst mean/bound %.4g%n",
                r.worstRatio());
        // Every try ran on the declared schedule: none was rejected for a value outside the ranges.
        assertThat(r.extra().get("outOfRangeTries")).isNull();
        assertThat(r.tries()).isEqualTo(TRIES);
    }

    /** The planted defect: the step is declared as a/sqrt(t + 1) but stays a. */
    @Test
    void aSqrtDecayThatNeverDecaysIsCaught() {
        Result r = run(new Sgd("no-decay", false, SQRT_DECAY), "sgd.robbins-monro", "p-le-half");
        assertThat(r.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(r.counterexample()).isNotNull();
        System.out.printf(
                Locale.ROOT,
                "robbins-monro/p-le-half on a sqrt decay that never decays: broken, found by %s,"
                        + " worst mean/bound %.4g; %s%n",
                r.foundBy(),
                r.worstRatio(),
                r.counterexample().summary());
    }

    /** Why a regime does not apply to {@code p} (empty when it applies). */
    static Optional<String> notApplicable(PluggableOptimizer p, String theorem, String regime) {
        Theorem<?> t = Catalog.builtIn().applicableTo(PluginProvider.of(p)).stream()
                .filter(x -> x.id().equals(theorem))
                .findFirst()
                .orElseThrow();
        return t.notApplicable(t.regime(regime));
    }

    @Test
    void regimesWhoseScheduleTheRangesExcludeAreNotApplicableWithTheReason() {
        Sgd sqrt = new Sgd("sqrt-decay", true, SQRT_DECAY);
        Result holds = run(sqrt, "sgd.robbins-monro", "holds");
        assertThat(holds.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(String.valueOf(holds.extra().get("notApplicable")))
                .contains("needs p in (0.5, 1.0]", "sqrt-decay declares p in [0.5, 0.5]");
        assertThat(notApplicable(sqrt, "sgd.robbins-monro", "constant-step"))
                .get()
                .asString()
                .contains("needs p = 0.0");
        assertThat(notApplicable(sqrt, "sgd.robbins-monro", "p-gt-1"))
                .get()
                .asString()
                .contains("needs p in (1.0, Infinity)");
        assertThat(notApplicable(sqrt, "sgd.robbins-monro", "p-le-half")).isEmpty();
        for (String regime : List.of("holds", "beta-mu-lt-half", "beta-mu-in-half-1")) {
            assertThat(notApplicable(sqrt, "sgd.diminishing-step", regime))
                    .get()
                    .asString()
                    .contains("needs p = 1.0");
        }
        // p = 1 declared, but b = 1 (gamma = 0): Bottou et al.'s gamma > 0 is not met.
        Sgd linear = new Sgd(
                "linear-decay",
                true,
                Map.of("b", new PluggableOptimizer.Range(1, 1), "p", new PluggableOptimizer.Range(1, 1)));
        assertThat(notApplicable(linear, "sgd.diminishing-step", "holds"))
                .get()
                .asString()
                .contains("needs b in (1.0, Infinity) (b = gamma + 1 with gamma > 0)");
        assertThat(notApplicable(linear, "sgd.robbins-monro", "holds")).isEmpty();
        for (String regime : List.of("holds", "drop:components-convex")) {
            assertThat(notApplicable(sqrt, "sgd.expected-smoothness", regime))
                    .get()
                    .asString()
                    .contains("needs p = 0.0 (a constant step");
        }
    }

    /** A plug-in declaring p = 1, b = 1 is checked in holds on its own schedule: every try is p = 1, b = 1. */
    @Test
    void aLinearDecayIsCheckedInTheRobbinsMonroHoldsRegime() {
        Sgd linear = new Sgd(
                "linear-decay",
                true,
                Map.of("b", new PluggableOptimizer.Range(1, 1), "p", new PluggableOptimizer.Range(1, 1)));
        Result r = run(linear, "sgd.robbins-monro", "holds");
        assertThat(r.outcome()).isEqualTo(Outcome.HELD);
        assertThat(r.extra().get("outOfRangeTries")).isNull();
        assertThat(r.extra().get("labels")).asString().contains("p = 1=" + TRIES);
    }

    /** A constant-step plug-in declaring b = 3 only: b is drawn inside the range, so every try runs. */
    @Test
    void aConstantStepWithAFixedOffsetRunsEveryTryOnItsDeclaredB() {
        Sgd constant = new Sgd(
                "constant",
                true,
                Map.of("b", new PluggableOptimizer.Range(3, 3), "p", new PluggableOptimizer.Range(0, 0)));
        Result stall = run(constant, "sgd.robbins-monro", "constant-step");
        assertThat(stall.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(stall.extra().get("outOfRangeTries")).isNull();
        Result es = run(constant, "sgd.expected-smoothness", "holds");
        assertThat(es.outcome()).isEqualTo(Outcome.HELD);
        assertThat(es.extra().get("outOfRangeTries")).isNull();
        assertThat(run(constant, "sgd.robbins-monro", "p-le-half").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }
}
