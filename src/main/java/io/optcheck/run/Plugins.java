package io.optcheck.run;

import io.optcheck.api.GradientEstimator;
import io.optcheck.api.LineSearch;
import io.optcheck.api.PluggableFiniteSum;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.api.SelfRandomEstimator;
import io.optcheck.api.VarianceReducedEstimator;
import io.optcheck.method.plugin.FiniteSumPlugin;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.report.TerminalText;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Theorem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The plug-ins of a run ({@code --method-class}, {@code --estimator-class}, {@code --line-search-class},
 * {@code --finite-sum-class}) and the theorems that
 * apply to each. The command line builds them to list what applies and to refuse bad input before
 * anything runs; a worker process builds them again from the same {@link Spec} to run them.
 */
public final class Plugins {

    private Plugins() {}

    /**
     * What loads the plug-ins, as given on the command line. It is also the setup message a worker
     * process receives, so that parent and worker build the same theorems.
     *
     * @param methodClasses    the {@code --method-class} class names
     * @param estimatorClasses the {@code --estimator-class} class names
     * @param classpath        the {@code --classpath}, or null
     * @param filters          the {@code --theorem} filters (ids, or prefixes ending in '*'); empty: all
     * @param seed             the run's seed (a self-random estimator's statistical check uses it)
     * @param lineSearchClasses the {@code --line-search-class} class names
     * @param finiteSumClasses the {@code --finite-sum-class} class names
     */
    public record Spec(
            List<String> methodClasses,
            List<String> estimatorClasses,
            String classpath,
            List<String> filters,
            long seed,
            List<String> lineSearchClasses,
            List<String> finiteSumClasses) {
        public Spec {
            methodClasses = List.copyOf(methodClasses);
            estimatorClasses = List.copyOf(estimatorClasses);
            filters = List.copyOf(filters);
            lineSearchClasses = List.copyOf(lineSearchClasses);
            finiteSumClasses = List.copyOf(finiteSumClasses);
        }

        /** Optimizers, estimators and line searches. */
        public Spec(
                List<String> methodClasses,
                List<String> estimatorClasses,
                String classpath,
                List<String> filters,
                long seed,
                List<String> lineSearchClasses) {
            this(methodClasses, estimatorClasses, classpath, filters, seed, lineSearchClasses, List.of());
        }

        /** Optimizers and estimators only. */
        public Spec(
                List<String> methodClasses,
                List<String> estimatorClasses,
                String classpath,
                List<String> filters,
                long seed) {
            this(methodClasses, estimatorClasses, classpath, filters, seed, List.of(), List.of());
        }

        /** True when no plug-in is named. */
        public boolean isEmpty() {
            return methodClasses.isEmpty()
                    && estimatorClasses.isEmpty()
                    && lineSearchClasses.isEmpty()
                    && finiteSumClasses.isEmpty();
        }
    }

    /**
     * One plug-in.
     *
     * @param option   the option that loads it, e.g. {@code --method-class com.acme.MyGd}
     * @param id       its method id
     * @param theorems the theorems that apply to it
     * @param listing  lines for people: what applies and what does not, with the reason
     */
    public record Plugin(String option, String id, List<Theorem<?>> theorems, List<String> listing) {
        public Plugin {
            theorems = List.copyOf(theorems);
            listing = List.copyOf(listing);
        }
    }

    /**
     * Loads the plug-ins of {@code spec} and the theorems that apply to each, refusing two
     * plug-ins with one method id.
     *
     * @throws RunInputException naming the class (or the ids) and the fix
     */
    public static List<Plugin> load(Spec spec, Catalog catalog) {
        List<Plugin> out = new ArrayList<>();
        for (PluggableOptimizer p : PluginLoader.load(spec.methodClasses(), spec.classpath())) {
            String option = "--method-class " + p.getClass().getName();
            out.add(plugin(option, () -> {
                PluginProvider provider = PluginProvider.of(p);
                return new Selected(provider.id(), PluginSelection.optimizer(provider, catalog, spec.filters()));
            }));
        }
        for (Object e : PluginLoader.loadEstimators(spec.estimatorClasses(), spec.classpath())) {
            out.add(plugin(
                    "--estimator-class " + e.getClass().getName(),
                    () -> new Selected(
                            e instanceof GradientEstimator g ? g.id() : ((SelfRandomEstimator) e).id(),
                            PluginSelection.estimator(e, spec.seed(), spec.filters()))));
        }
        for (LineSearch s : PluginLoader.loadLineSearches(spec.lineSearchClasses(), spec.classpath())) {
            out.add(plugin(
                    "--line-search-class " + s.getClass().getName(),
                    () -> new Selected(s.id(), PluginSelection.lineSearch(s, spec.filters()))));
        }
        for (Object o : PluginLoader.loadFiniteSums(spec.finiteSumClasses(), spec.classpath())) {
            out.add(plugin("--finite-sum-class " + o.getClass().getName(), () -> {
                FiniteSumPlugin p = o instanceof PluggableFiniteSum m
                        ? FiniteSumPlugin.of(m)
                        : FiniteSumPlugin.of((VarianceReducedEstimator<?>) o);
                return new Selected(p.id(), PluginSelection.finiteSum(p, spec.filters()));
            }));
        }
        refuseDuplicates(out);
        return out;
    }

    /** A plug-in's method id and its selection. */
    private record Selected(String id, PluginSelection selection) {}

    /** The plug-in {@code option} loads, or bad input naming the option when its declaration or the filters leave nothing. */
    private static Plugin plugin(String option, Supplier<Selected> select) {
        Selected s;
        try {
            s = select.get();
        } catch (IllegalArgumentException e) {
            throw new RunInputException(option + ": " + e.getMessage());
        }
        return new Plugin(
                option, s.id(), s.selection().theorems(), s.selection().listing());
    }

    /** Two plug-ins with one method id would write their results under one key: refused. */
    private static void refuseDuplicates(List<Plugin> plugins) {
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (Plugin p : plugins) {
            byId.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p.option());
        }
        for (Map.Entry<String, List<String>> e : byId.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new RunInputException("two plug-ins declare the method id '" + TerminalText.oneLine(e.getKey())
                        + "': " + String.join(" and ", e.getValue())
                        + ". Their results would share one key in the report."
                        + " Give each plug-in its own id (PluggableOptimizer.id() or GradientEstimator.id()), or check them"
                        + " in separate runs.");
            }
        }
    }

    /**
     * Under {@code --with-catalog} a plug-in's results sit beside the built-in methods' in one
     * report: an id equal to a built-in method id is refused.
     *
     * @throws RunInputException naming the id, the plug-in and the fix
     */
    public static void refuseBuiltInIds(List<Plugin> plugins, Collection<String> builtInIds) {
        for (Plugin p : plugins) {
            if (builtInIds.contains(p.id())) {
                throw new RunInputException(p.option() + " declares the method id '" + TerminalText.oneLine(p.id())
                        + "', which is a built-in method's id, and --with-catalog checks the built-in '" + p.id()
                        + "' in the same report. Give the plug-in another id (for example 'my." + p.id()
                        + "'), or drop --with-catalog.");
            }
        }
    }

    /** The theorem with this id of the plug-in with this method id, or null. */
    static Theorem<?> find(List<Plugin> plugins, String methodId, String theoremId) {
        for (Plugin p : plugins) {
            if (p.id().equals(methodId)) {
                for (Theorem<?> t : p.theorems()) {
                    if (t.id().equals(theoremId)) {
                        return t;
                    }
                }
            }
        }
        return null;
    }
}
