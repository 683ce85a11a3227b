package io.optcheck.theory.conf;

import io.optcheck.api.MethodKind;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.method.plugin.ReferencePlugin;
import io.optcheck.result.Result;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.TheoremRunner;

/** Exploration main (not a test): every conformance property on every reference kind. */
public final class ConformanceProbe {
    public static void main(String[] args) {
        int tries = Integer.parseInt(args.length > 0 ? args[0] : "100");
        for (MethodKind k : MethodKind.values()) {
            PluginProvider p = PluginProvider.of(new ReferencePlugin(k));
            for (ConformanceProperty c : Conformance.all(p)) {
                for (Regime r : c.regimes()) {
                    long t0 = System.nanoTime();
                    Result res = TheoremRunner.run(c, r, tries, RunSettings.ci());
                    System.out.printf(
                            "%-12s %-32s %-24s %-14s %-6s worst=%s %dms %s%n",
                            k.id(),
                            c.id(),
                            r.id(),
                            res.outcome(),
                            res.verdict(),
                            res.worstRatio(),
                            (System.nanoTime() - t0) / 1_000_000,
                            res.counterexample() != null
                                    ? res.counterexample().summary()
                                    : res.error() != null ? res.error().message() : "");
                }
            }
        }
    }
}
