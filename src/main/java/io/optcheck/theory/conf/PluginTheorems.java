package io.optcheck.theory.conf;

import io.optcheck.method.MethodProvider;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The theorems that apply to a method given by a provider (a user's plug-in): every conformance
 * property (regimes that do not apply report why) and every catalog theorem about the method's
 * declared kind ({@link Catalog#applicableTo}), sorted by id.
 */
public final class PluginTheorems {

    private PluginTheorems() {}

    /** No theorem applies (after filters): an error, never a pass. */
    public static final class NoApplicableTheorems extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NoApplicableTheorems(String message) {
            super(message);
        }
    }

    /**
     * The theorems for the method (including those whose regimes all report not applicable, so
     * the run can show why), restricted to {@code filters} when it is not empty (an id, or a
     * prefix ending in '*', such as {@code conf.*}).
     *
     * @throws NoApplicableTheorems when none applies, naming the method, its kind and the filters
     */
    public static List<Theorem<?>> applicable(MethodProvider provider, Catalog catalog, Collection<String> filters) {
        List<Theorem<?>> all = new ArrayList<>(Conformance.all(provider));
        all.addAll(catalog.applicableTo(provider));
        all.sort((a, b) -> a.id().compareTo(b.id()));
        List<Theorem<?>> out =
                all.stream().filter(t -> selects(filters, t.id())).toList();
        // Theorems whose every regime is not applicable are kept (the run shows why) but do not count.
        if (out.stream()
                .noneMatch(t ->
                        t.regimes().stream().anyMatch(r -> t.notApplicable(r).isEmpty()))) {
            throw new NoApplicableTheorems("no theorem applies to method " + provider.id() + " (kind "
                    + provider.kind().id() + ")" + (filters.isEmpty() ? "" : " with the theorem filters " + filters)
                    + ". Theorems for this kind: "
                    + all.stream().map(Theorem::id).toList()
                    + ". Zero applicable theorems is an error, not a pass: check the declared kind and the filters.");
        }
        return out;
    }

    /** True when {@code filters} is empty or one of them selects the theorem {@code id}. */
    public static boolean selects(Collection<String> filters, String id) {
        return filters.isEmpty() || filters.stream().anyMatch(f -> matches(f, id));
    }

    /** True when a theorem filter (an id, or a prefix ending in '*') selects the theorem {@code id}. */
    public static boolean matches(String filter, String id) {
        return filter.endsWith("*") ? id.startsWith(filter.substring(0, filter.length() - 1)) : id.equals(filter);
    }

    /** Lines for people: which theorems apply, and which regimes do not (with the reason). */
    public static List<String> listing(MethodProvider provider, List<Theorem<?>> theorems) {
        List<String> lines = new ArrayList<>();
        int[] counts = regimeCounts(theorems);
        lines.add(String.format(
                Locale.ROOT,
                "method %s (kind %s, conventions %s): %d theorems apply, %d regimes to run, %d not applicable",
                provider.id(),
                provider.kind().id(),
                provider.conventions(),
                theorems.size(),
                counts[0],
                counts[1]));
        for (Theorem<?> t : theorems) {
            lines.addAll(regimeLines(t));
        }
        return lines;
    }

    /** {regimes to run, regimes not applicable} over the theorems. */
    public static int[] regimeCounts(List<Theorem<?>> theorems) {
        int[] counts = new int[2];
        for (Theorem<?> t : theorems) {
            for (Regime r : t.regimes()) {
                counts[t.notApplicable(r).isPresent() ? 1 : 0]++;
            }
        }
        return counts;
    }

    /** One line a regime: its expected outcome, or why it does not apply. */
    public static List<String> regimeLines(Theorem<?> t) {
        List<String> lines = new ArrayList<>();
        for (Regime r : t.regimes()) {
            String reason = t.notApplicable(r).orElse(null);
            lines.add("  " + t.id() + " / " + r.id()
                    + (reason == null ? " (expected " + r.expected().json() + ")" : ": not applicable: " + reason));
        }
        return lines;
    }
}
