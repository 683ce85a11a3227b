package io.optcheck.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.MethodKind;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.result.Expected;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The catalog's kind-level theorems run on the Tribuo adapters through the plug-in path
 * ({@link PluginProvider}, with its guards), as a user's test would run them. Depth: holds and
 * no-guarantee regimes at 20 tries, breaking regimes at their CI tries (RetargetTest's smoke
 * depth; the full depth runs in the main command's report).
 */
class TribuoCatalogTest {

    /**
     * The GD theorems run here at CI depth: those whose smoke run on the plug-in path takes about
     * a second or less per regime (measured on 2 cores: the plug-in guards hand every call to a
     * worker thread; gd.convex-rate/drop:convex took 13 s, gd.condition-number/holds 9 s). The main command runs every applicable theorem on every adapter.
     */
    static final List<String> CI_THEOREMS = List.of(
            "gd.descent-lemma",
            "gd.quadratic-stability",
            "gd.edge-of-stability",
            "gd.least-squares-implicit-bias",
            "gd.strongly-convex-rate");

    static List<Result> runAll(PluggableOptimizer p) {
        List<Result> out = new ArrayList<>();
        for (Theorem<?> t : Catalog.builtIn().applicableTo(PluginProvider.of(p))) {
            if (!CI_THEOREMS.contains(t.id())) {
                continue;
            }
            for (Regime r : t.regimes()) {
                int tries = r.expected() == Expected.BREAKS ? Specs.load(t.id()).ciTries() : 20;
                long t0 = System.nanoTime();
                out.add(TheoremRunner.run(t, r, tries, RunSettings.ci()));
                System.out.printf(Locale.ROOT, "%s/%s %.1f s%n", t.id(), r.id(), (System.nanoTime() - t0) / 1e9);
            }
        }
        return out;
    }

    /** Tribuo's plain SGD is gradient descent: every GD theorem holds or breaks as THEOREMS.md says. */
    @Test
    void tribuoSgdPassesEveryGdTheorem() {
        List<Result> results = runAll(new TribuoSgd());
        assertThat(results).hasSizeGreaterThanOrEqualTo(15);
        for (Result r : results) {
            System.out.println(r.theorem() + "/" + r.regime() + " " + r.outcome() + " " + r.verdict() + " worst "
                    + r.worstRatio() + " by " + r.foundBy());
            assertThat(r.method()).isEqualTo("tribuo.sgd");
            assertThat(r.verdict())
                    .as(r.theorem() + "/" + r.regime() + ": " + r.error())
                    .isNotEqualTo(Verdict.FAIL);
        }
    }

    /** Which adapters any catalog theorem applies to today: the GD kind only (retargeting grows). */
    @Test
    void kindsWithTheoremsToday() {
        Catalog c = Catalog.builtIn();
        assertThat(c.applicableTo(PluginProvider.of(new TribuoSgd()))).isNotEmpty();
        for (PluggableOptimizer p : List.of(new TribuoAdam(), new TribuoAdaGrad(), new TribuoRmsProp())) {
            assertThat(p.kind()).isNotEqualTo(MethodKind.GD);
        }
    }
}
