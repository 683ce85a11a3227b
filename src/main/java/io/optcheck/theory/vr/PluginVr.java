package io.optcheck.theory.vr;

import io.optcheck.api.FiniteSumKind;
import io.optcheck.api.Hyperparameters;
import io.optcheck.method.Method;
import io.optcheck.method.plugin.FiniteSumPlugin;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Property;
import io.optcheck.theory.Cases;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Described;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * vr.svrg and vr.saga retargeted to a user's finite-sum plug-in ({@link FiniteSumPlugin}): the
 * spec's theorem, reported under the plug-in's id, with the regimes that can be checked EXACTLY
 * from what the plug-in does, by enumerating every index a step can draw from a state the plug-in
 * reached along a drawn index path ({@link VrPathChecks}). The checks read only its iterates and
 * the indices it received, so a method that keeps its table or snapshot in any form, or an
 * estimator that keeps state across calls, is checked the same way.
 * <ul>
 *   <li>SVRG: {@code unbiased} (E[x_{k+1}] = x_k - eta grad f(x_k) at an inner step) and
 *       {@code variance-bound} (E||v||^2 &lt;= 4L (f(x) - f* + f(x~) - f*) with x~ the snapshot
 *       the path reached). The linear rate over epochs is not enumerable (n^m paths per epoch) and
 *       is not run on plug-ins; its proof rests on these two facts.</li>
 *   <li>SAGA: {@code holds} (E[V_{k+1}] &lt;= (1 - eta mu) V_k from the reached state, V with the
 *       table points the path defines) and {@code unbiased}.</li>
 * </ul>
 */
public final class PluginVr {

    private PluginVr() {}

    /** The theorems that apply to the plug-in's declared kind. */
    public static List<Theorem<?>> of(FiniteSumPlugin plugin) {
        return plugin.kind() == FiniteSumKind.SVRG ? List.of(new OnSvrg(plugin)) : List.of(new OnSaga(plugin));
    }

    /** Lines for people: which regimes apply to the plug-in, and how each is checked. */
    public static List<String> listing(List<Theorem<?>> theorems) {
        List<String> lines = new ArrayList<>();
        for (Theorem<?> t : theorems) {
            lines.add("finite-sum method " + t.methodId() + " " + t.conventions() + ": " + t.id());
            for (Regime r : t.regimes()) {
                lines.add("  " + t.id() + " / " + r.id() + " (expected "
                        + r.expected().json() + ")");
            }
        }
        return lines;
    }

    static Map<String, String> conventions(FiniteSumPlugin p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", p.kind().id());
        m.put("steps", p.isEstimator() ? "optcheck's x+ = x - lr v around the estimator" : "the plug-in's own");
        m.put("check", "exact enumeration of the next step's indices from states reached along drawn paths");
        return m;
    }

    static Regime restated(Regime r, FiniteSumPlugin p) {
        return new Regime(
                r.id(),
                r.conclusion(),
                r.expected(),
                r.assumptions(),
                r.dropped(),
                p.id() + " (declared " + p.kind().id() + "): " + r.description()
                        + " (exact over the next step's indices from a state the plug-in reached)",
                r.threshold(),
                r.declared());
    }

    /**
     * What vr.svrg and vr.saga on a plug-in share: the plug-in, its id and conventions, the
     * restated regimes, the instance's fields under the plug-in's id, and building its method.
     */
    abstract static class OnPlugin<I extends Described> extends DeclaredTheorem<I> {
        final FiniteSumPlugin plugin;

        OnPlugin(String id, FiniteSumPlugin plugin) {
            super(id);
            this.plugin = plugin;
        }

        @Override
        protected Regime statedFor(Regime r) {
            return restated(r, plugin);
        }

        @Override
        public String methodId() {
            return plugin.id();
        }

        @Override
        public Map<String, String> conventions() {
            return PluginVr.conventions(plugin);
        }

        @Override
        public Map<String, Object> describe(I in) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("method", plugin.id());
            d.putAll(in.describe());
            return d;
        }

        /** {@code check} on the method with these hyperparameters, or the error evaluation naming why it cannot be built. */
        Evaluation withMethod(Hyperparameters h, Function<Method<?>, Evaluation> check) {
            Method<?> m;
            try {
                m = plugin.create(h);
            } catch (IllegalArgumentException | IllegalStateException e) {
                return new Evaluation.Builder().build(Evaluation.Ending.ERROR, e.getMessage(), 0, Map.of());
            }
            return check.apply(m);
        }
    }

    /** vr.svrg on an SVRG plug-in. */
    static final class OnSvrg extends OnPlugin<SvrgTheorem.Instance> {
        OnSvrg(FiniteSumPlugin plugin) {
            super("vr.svrg", plugin);
        }

        @Override
        protected boolean keeps(Regime r) {
            return Cases.is(r, "unbiased") || Cases.is(r, "variance-bound") || Cases.is(r, "variance-bound-rotated");
        }

        @Override
        public Gen<SvrgTheorem.Instance> instances(Regime r) {
            return SvrgTheorem.reachedStates(Cases.is(r, "variance-bound-rotated"));
        }

        @Override
        public Evaluation evaluate(SvrgTheorem.Instance in, Regime r) {
            return withMethod(
                    Hyperparameters.of("lr", in.eta()).with("m", in.m()),
                    method -> Cases.is(r, "unbiased")
                            ? VrPathChecks.unbiased(method, in.reached(), tighten())
                            : VrPathChecks.varianceBound(method, in.reached(), tighten() > 0));
        }

        @Override
        public List<String> labels(SvrgTheorem.Instance in, Regime r) {
            return SvrgTheorem.labelsOf(in);
        }

        @Override
        public List<Property.Coverage> coverage(Regime r) {
            return SvrgTheorem.reachedCoverage(Cases.is(r, "variance-bound-rotated"));
        }
    }

    /** vr.saga on a SAGA plug-in. */
    static final class OnSaga extends OnPlugin<SagaTheorem.Instance> {
        OnSaga(FiniteSumPlugin plugin) {
            super("vr.saga", plugin);
        }

        @Override
        protected boolean keeps(Regime r) {
            return Cases.is(r, "holds") || Cases.is(r, "unbiased") || Cases.is(r, "rotated");
        }

        @Override
        public Gen<SagaTheorem.Instance> instances(Regime r) {
            return SagaTheorem.reachedStates(Cases.is(r, "rotated"));
        }

        @Override
        public Evaluation evaluate(SagaTheorem.Instance in, Regime r) {
            return withMethod(
                    Hyperparameters.of("lr", in.eta()),
                    method -> Cases.is(r, "unbiased")
                            ? VrPathChecks.unbiased(method, in.reached(), tighten())
                            : VrPathChecks.sagaOneStep(method, in.reached(), tighten()));
        }

        @Override
        public List<String> labels(SagaTheorem.Instance in, Regime r) {
            return SagaTheorem.reachedLabels(in);
        }

        @Override
        public List<Property.Coverage> coverage(Regime r) {
            return SagaTheorem.reachedCoverage(Cases.is(r, "rotated"));
        }
    }
}
