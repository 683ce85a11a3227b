package io.optcheck.theory.conf;

import io.optcheck.method.MethodProvider;
import io.optcheck.method.MethodProviders;
import io.optcheck.method.Trajectory;
import io.optcheck.method.plugin.PluginMethod;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import java.util.List;
import java.util.Map;

/**
 * conf.robustness: from finite inputs within the declared hyperparameter ranges (range ends
 * included, eps = 0 by default; iterates and minimizers from 1e-100 to 1e100 in magnitude;
 * gradients exactly 0 in some coordinates where the search finds it) the method never produces
 * a NaN or infinite iterate, wherever optcheck's reference implementation of the kind stays
 * finite on the same instance (a method is not asked to do better than the reference; such
 * instances are labelled and skipped).
 *
 * <p>Teeth: the claim has no constant to tighten, so the teeth variant checks a wrong claim on
 * the same runs, "||x_t - x*|| &lt;= (1 - eps) ||x_t-1 - x*|| at every step", which no kind
 * satisfies on every instance.
 */
public final class Robustness extends ConformanceProperty {

    public Robustness(MethodProvider provider) {
        super("conf.robustness", provider);
    }

    @Override
    protected ConfGens.Options options(Regime regime) {
        return holdsOnly(regime, new ConfGens.Options(false, false, false, false, false, false, false, false, true));
    }

    private boolean referenceFinite(ConfInstance in) {
        Trajectory ref = run(
                MethodProviders.reference(kind(), provider().conventions()).create(in.h()),
                oracle(in),
                in.x0(),
                steps());
        return ref.status() == Trajectory.Status.COMPLETED;
    }

    @Override
    public List<String> labels(ConfInstance in, Regime regime) {
        return referenceFinite(in) ? List.of() : List.of("reference not finite: skipped");
    }

    @Override
    public Evaluation evaluate(ConfInstance in, Regime r) {
        if (!referenceFinite(in)) {
            return new Evaluation.Builder().build(Evaluation.Ending.COMPLETED, null, -1, Map.of());
        }
        double[] xs = in.xs();
        Evaluation e = check(method(in.h()), oracle(in), in.q(), in.x0(), steps(), (t, prev, cur, series) -> {
            if (tighten() == 0) {
                return Check.atMost("non-finite components of x_t", t, 0, 0, 0);
            }
            double before = distance(prev, xs);
            double after = distance(cur, xs);
            return Check.atMost(
                    "||x_t - x*|| (wrong claim: contracts by 1 - eps)", t, after, (1 - tighten()) * before, 0);
        });
        if (e.ending() == Evaluation.Ending.ERROR
                && e.endingMessage() != null
                && e.endingMessage().contains(PluginMethod.NON_FINITE)) {
            Evaluation.Builder b = new Evaluation.Builder();
            b.add(Check.atMost("non-finite components of x_t (" + e.endingMessage() + ")", e.errorStep(), 1, 0, 0));
            return b.build(Evaluation.Ending.COMPLETED, null, -1, e.series());
        }
        return e;
    }
}
