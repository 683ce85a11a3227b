package io.optcheck.run;

import io.optcheck.api.GradientEstimator;
import io.optcheck.api.LineSearch;
import io.optcheck.api.SelfRandomEstimator;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.plugin.FiniteSumPlugin;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.conf.PluginTheorems;
import io.optcheck.theory.gd.PluginLineSearch;
import io.optcheck.theory.sgd.EstimatorTheorems;
import io.optcheck.theory.vr.PluginVr;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The theorems that apply to one plug-in after the theorem filters, and the lines that list them:
 * what the command line ({@code run.Plugins}) and the JUnit checks both select, built here once per
 * plug-in family. A family supplies only what differs: its theorems for the plug-in, its noun and
 * its listing; the filtering and the refusal of an empty selection are shared.
 *
 * @param theorems the selected theorems, never empty
 * @param listing lines for people: what applies and what does not, with the reasons
 */
public record PluginSelection(List<Theorem<?>> theorems, List<String> listing) {

    public PluginSelection {
        theorems = List.copyOf(theorems);
        listing = List.copyOf(listing);
    }

    /**
     * An optimizer plug-in: every conformance property and every catalog theorem about its kind
     * ({@link PluginTheorems#applicable}).
     *
     * @throws IllegalArgumentException when the filters leave no applicable theorem
     */
    public static PluginSelection optimizer(MethodProvider provider, Catalog catalog, Collection<String> filters) {
        List<Theorem<?>> ts = PluginTheorems.applicable(provider, catalog, filters);
        return new PluginSelection(ts, PluginTheorems.listing(provider, ts));
    }

    /**
     * A gradient estimator: {@code estimator} is a {@link GradientEstimator} (checked exactly) or a
     * {@link SelfRandomEstimator} (checked statistically with calls seeded from {@code seed}).
     *
     * @throws IllegalArgumentException for an unusable declaration, or when the filters leave nothing
     */
    public static PluginSelection estimator(Object estimator, long seed, Collection<String> filters) {
        String id;
        List<Theorem<?>> all;
        if (estimator instanceof GradientEstimator g) {
            id = g.id();
            all = EstimatorTheorems.of(g);
        } else {
            SelfRandomEstimator s = (SelfRandomEstimator) estimator;
            id = s.id();
            all = EstimatorTheorems.of(s, seed);
        }
        return filtered("estimator " + id, "estimators", all, filters, EstimatorTheorems::listing);
    }

    /**
     * A line search: gd.armijo, gd.wolfe and gd.zoutendijk with its declared constants.
     *
     * @throws IllegalArgumentException for an unusable declaration, or when the filters leave nothing
     */
    public static PluginSelection lineSearch(LineSearch search, Collection<String> filters) {
        return filtered(
                "line search " + search.id(),
                "line searches",
                PluginLineSearch.all(search),
                filters,
                ts -> ts.stream()
                        .map(t -> "line search " + t.methodId() + " " + t.conventions() + ": " + t.id() + " / holds"
                                + t.notApplicable(t.regimes().get(0))
                                        .map(r -> ": not applicable: " + r)
                                        .orElse(""))
                        .toList());
    }

    /**
     * A finite-sum method or estimator: vr.svrg for SVRG, vr.saga for SAGA.
     *
     * @throws IllegalArgumentException when the filters leave nothing
     */
    public static PluginSelection finiteSum(FiniteSumPlugin plugin, Collection<String> filters) {
        return filtered(
                "finite-sum method " + plugin.id(),
                "finite-sum methods",
                PluginVr.of(plugin),
                filters,
                PluginVr::listing);
    }

    private static PluginSelection filtered(
            String subject,
            String family,
            List<Theorem<?>> all,
            Collection<String> filters,
            Function<List<Theorem<?>>, List<String>> listing) {
        List<Theorem<?>> ts = all.stream()
                .filter(t -> PluginTheorems.selects(filters, t.id()))
                .toList();
        if (ts.isEmpty()) {
            throw new IllegalArgumentException("no theorem applies to " + subject + " with the theorem filters "
                    + filters + ". Theorems for " + family + ": "
                    + all.stream().map(Theorem::id).toList()
                    + ". Zero applicable theorems is an error, not a pass.");
        }
        return new PluginSelection(ts, listing.apply(ts));
    }
}
