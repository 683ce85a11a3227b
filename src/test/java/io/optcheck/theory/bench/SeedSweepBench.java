package io.optcheck.theory.bench;

import io.optcheck.result.Expected;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Spec;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The seed sweep: the built-in catalog at {@code --quick} depth (the same settings and tries as
 * {@code ./optcheck run --quick --seed S}) for seeds from..to in one JVM, printing the fail
 * verdicts of each seed and the total. The goal is 0: a fail of the built-in catalog is a false
 * alarm (a holds regime "violated") or a missed break (a breaking regime "held"). Not a test:
 * nothing is asserted. At the end it prints, for every breaking regime, on how many seeds the
 * break was caught (the same measurement as {@link BreakPowerBench}, here with shrinking).
 *
 * <p>Regimes expected {@code none} are left out: their verdict is {@code info} whatever they
 * observe (see {@link io.optcheck.result.Verdicts}), so they cannot fail, and two of them take a
 * third of a quick run. Observations have no verdict and are left out too. An exception a regime
 * throws counts as a fail, as in the main command. The catalog is built afresh for every seed.
 *
 * <pre>
 * mvn -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=io.optcheck.theory.bench.SeedSweepBench \
 *   -Dexec.args="1 100"
 * </pre>
 *
 * A third argument, comma-separated theorem-id prefixes, sweeps only those theorems.
 *
 * Split the range over processes ("1 50" and "51 100") and add their totals.
 */
public final class SeedSweepBench {

    private SeedSweepBench() {}

    public static void main(String[] args) {
        long from = args.length > 0 ? Long.parseLong(args[0]) : 1;
        long to = args.length > 1 ? Long.parseLong(args[1]) : 100;
        // Optional: comma-separated theorem-id prefixes (re-sweep only the theorems a change touched).
        List<String> prefixes = args.length > 2 ? List.of(args[2].split(",")) : List.of("");
        // Per breaking regime: on how many seeds the break was caught (broken or refused), as in BreakPowerBench.
        Map<String, Integer> caught = new TreeMap<>();
        int totalFails = 0;
        int totalResults = 0;
        long t0 = System.nanoTime();
        for (long seed = from; seed <= to; seed++) {
            long s0 = System.nanoTime();
            List<String> fails = new ArrayList<>();
            int results = 0;
            List<Theorem<?>> theorems = Catalog.builtIn().theorems();
            RunSettings settings = new RunSettings(RunSettings.Depth.QUICK, 0, seed, true)
                    .withStatisticalRegimeRuns((int) theorems.stream()
                            .flatMap(t -> t.regimes().stream().filter(r -> TheoremRunner.isStatistical(t, r)))
                            .count());
            for (Theorem<?> t : theorems) {
                if (prefixes.stream().noneMatch(t.id()::startsWith)) {
                    continue;
                }
                Spec spec = Specs.load(t.id());
                for (Regime r : t.regimes()) {
                    if (r.expected() == Expected.NONE) {
                        continue;
                    }
                    results++;
                    String id = t.id() + "/" + r.id();
                    try {
                        Result res = TheoremRunner.run(
                                t, r, settings.triesFor(r, spec.ciTries(), spec.fullTries()), settings);
                        if (r.expected() == Expected.BREAKS) {
                            boolean broke = res.outcome() == Outcome.BROKEN || res.outcome() == Outcome.REFUSED;
                            caught.merge(id, broke ? 1 : 0, Integer::sum);
                        }
                        if (res.verdict() == Verdict.FAIL) {
                            fails.add(id + " " + res.outcome().json()
                                    + (res.counterexample() != null
                                            ? " [" + res.counterexample().replay() + "]"
                                            : "")
                                    + (res.error() != null ? " (" + res.error().message() + ")" : ""));
                        }
                    } catch (RuntimeException | StackOverflowError e) {
                        fails.add(id + " threw " + e);
                    }
                }
            }
            totalFails += fails.size();
            totalResults += results;
            System.out.printf(
                    Locale.ROOT,
                    "seed %d: %d fail of %d verdicts in %.1f s%n",
                    seed,
                    fails.size(),
                    results,
                    (System.nanoTime() - s0) / 1e9);
            for (String f : fails) {
                System.out.println("  FAIL " + f);
            }
            System.out.flush();
        }
        long n = to - from + 1;
        System.out.println("breaking regimes, seeds on which the break was caught:");
        caught.forEach((id, c) -> System.out.printf(Locale.ROOT, "  %-70s %d/%d%n", id, c, n));
        System.out.printf(
                Locale.ROOT,
                "seeds %d..%d: %d fail verdicts in %d results, %.1f s%n",
                from,
                to,
                totalFails,
                totalResults,
                (System.nanoTime() - t0) / 1e9);
    }
}
