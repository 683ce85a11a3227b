package io.optcheck.theory.vr;

import io.optcheck.api.FiniteSumKind;
import io.optcheck.api.Hyperparameters;
import io.optcheck.method.Method;
import io.optcheck.method.plugin.FiniteSumPlugin;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Property;
import io.optcheck.result.Expected;
import io.optcheck.theory.Assumptions;
import io.optcheck.theory.Cases;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Described;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.conf.PluginTheorems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The spec's other regimes are reported as not applicable, each with its reason ({@link
 * #rateReason}, {@link #faultReason}), so that a report on a plug-in says what was not checked.
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
            int[] counts = PluginTheorems.regimeCounts(List.of(t));
            lines.add("finite-sum method " + t.methodId() + " " + t.conventions() + ": " + t.id() + ", " + counts[0]
                    + " regimes to run, " + counts[1] + " not applicable");
            lines.addAll(PluginTheorems.regimeLines(t));
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

    /**
     * Why a multi-step rate (SVRG's epoch rate, SAGA's iterate rate) is not run on a plug-in. Its
     * expectation is over every index path: about m n^m per SVRG epoch (m &gt;= 17 for a &lt; 1), n^t
     * for t SAGA steps, so it cannot be enumerated; optcheck's own methods are checked by moment
     * propagation of their known linear updates, which a plug-in's opaque state does not give. A
     * sampled test at the catalog's alpha (about 1e-11 per test) needs tens of thousands of runs
     * an instance to show power 0.99 against a violation of 25%; at 600 runs it did not catch one
     * in 1000 tries. What is checked instead is exact: the one-step facts the rates are proved
     * from, at states the plug-in reached.
     */
    static String rateReason(FiniteSumKind kind) {
        return kind == FiniteSumKind.SVRG
                ? "the epoch rate is an expectation over about m n^m index paths an epoch, which cannot be"
                        + " enumerated for a plug-in, and a sampled test at the catalog's alpha has no power"
                        + " against a 25% violation at affordable run counts; its premises, the unbiased"
                        + " estimator and the variance lemma, are checked exactly from reached states"
                        + " (unbiased, variance-bound, variance-bound-rotated)"
                : "the iterate rate is an expectation over n^t index paths, which cannot be enumerated for"
                        + " a plug-in; it follows by the tower property from the one-step contraction"
                        + " E[V_{k+1}] <= (1 - eta mu) V_k, which is checked exactly from reached states"
                        + " (holds, rotated)";
    }

    /** Why a regime that runs a planted fault of optcheck's own method is not run on a plug-in. */
    static String faultReason(FiniteSumKind kind) {
        return "the regime runs optcheck's own "
                + (kind == FiniteSumKind.SVRG
                        ? "SVRG with its snapshot never refreshed"
                        : "SAGA with its table never updated")
                + " (a planted fault), not the plug-in";
    }

    /**
     * The reason a regime of the spec is not run on the plug-in, or empty when it is
     * ({@code checked}).
     */
    static Optional<String> reason(Regime r, boolean checked, FiniteSumKind kind) {
        if (checked) {
            return Optional.empty();
        }
        String dropped = r.dropped() == null ? "" : r.dropped();
        if (dropped.equals(Assumptions.SVRG_SNAPSHOT_REFRESHED) || dropped.equals(Assumptions.SAGA_TABLE_UPDATED)) {
            return Optional.of(faultReason(kind));
        }
        if (!dropped.isEmpty()) {
            return Optional.of("the regime draws instances outside the theorem's assumptions (" + dropped
                    + " dropped) to show "
                    + (r.expected() == Expected.BREAKS ? "that its conclusion then breaks" : "what it then gives")
                    + ": a test of the theorem, not of the plug-in");
        }
        if (r.conclusion().equals("linear-rate") || r.conclusion().equals("iterate-rate")) {
            return Optional.of(rateReason(kind));
        }
        return Optional.of("the check starts optcheck's own method from a state it draws, which a plug-in cannot be"
                + " given; the plug-in is checked from states it reached ("
                + (kind == FiniteSumKind.SVRG ? "unbiased, variance-bound, variance-bound-rotated" : "holds, rotated")
                + ")");
    }

    static Regime restated(Regime r, FiniteSumPlugin p, boolean checked) {
        return new Regime(
                r.id(),
                r.conclusion(),
                r.expected(),
                r.assumptions(),
                r.dropped(),
                p.id() + " (declared " + p.kind().id() + "): " + r.description()
                        + (checked ? " (exact over the next step's indices from a state the plug-in reached)" : ""),
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
            return restated(r, plugin, checked(r));
        }

        /** Whether the regime is run on the plug-in (the others are not applicable, with a reason). */
        abstract boolean checked(Regime r);

        @Override
        public Optional<String> notApplicable(Regime r) {
            return reason(r, checked(r), plugin.kind());
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
        boolean checked(Regime r) {
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
        boolean checked(Regime r) {
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
