package io.optcheck.theory.bench;

import io.optcheck.prop.PropertyResult;
import io.optcheck.result.Expected;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.CheckFailure;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Power of every breaking regime of the built-in catalog at its CI tries (DESIGN.md: a missed
 * break is a false "held" verdict; the goal is power &gt;= 0.99). For property seeds from..to,
 * each regime expected to break runs exactly as a CI or {@code --quick} run runs it (the spec's CI
 * tries, edge cases on, the catalog's false-alarm budget for statistical regimes), but stops at
 * the first counterexample without shrinking: detection only. A catch is a violation or a
 * refusal (which counts as broken where a break is expected); an error is not. Prints
 * catches/N per regime, the seeds that missed, and the regimes below 0.99. Not a test: nothing
 * is asserted.
 *
 * <pre>
 * mvn -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=io.optcheck.theory.bench.BreakPowerBench \
 *   -Dexec.args="1 100 [theorem-id-prefix ...]"
 * </pre>
 *
 * The seed range can be split over processes (e.g. "1 50" and "51 100"); their counts add.
 */
public final class BreakPowerBench {

    private BreakPowerBench() {}

    public static void main(String[] args) {
        long from = args.length > 0 ? Long.parseLong(args[0]) : 1;
        long to = args.length > 1 ? Long.parseLong(args[1]) : 100;
        List<String> prefixes = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        Catalog catalog = Catalog.builtIn();
        List<Theorem<?>> all = catalog.theorems();
        // The false-alarm budget is split over the statistical regimes of the whole catalog, as in a full run.
        int statistical = (int) all.stream()
                .flatMap(t -> t.regimes().stream().filter(r -> TheoremRunner.isStatistical(t, r)))
                .count();
        RunSettings settings = RunSettings.ci().withStatisticalRegimeRuns(statistical);
        long n = to - from + 1;
        List<String> weak = new ArrayList<>();
        System.out.printf(
                Locale.ROOT, "breaking regimes at CI tries, seeds %d..%d (detection only, no shrinking)%n", from, to);
        for (Theorem<?> t : all) {
            if (!prefixes.isEmpty() && prefixes.stream().noneMatch(p -> t.id().startsWith(p))) {
                continue;
            }
            int tries = Specs.load(t.id()).ciTries();
            for (Regime r : t.regimes()) {
                if (r.expected() != Expected.BREAKS || t.notApplicable(r).isPresent()) {
                    continue;
                }
                long t0 = System.nanoTime();
                int caught = 0;
                int errors = 0;
                List<Long> missed = new ArrayList<>();
                for (long seed = from; seed <= to; seed++) {
                    Outcome o = detect(t, r, tries, settings.withSeed(seed));
                    if (o == Outcome.CAUGHT) {
                        caught++;
                    } else {
                        missed.add(seed);
                        if (o == Outcome.ERROR) {
                            errors++;
                        }
                    }
                }
                double power = (double) caught / n;
                String line = String.format(
                        Locale.ROOT,
                        "%-45s %-38s tries %5d  caught %4d/%d  power %.3f  %6.1f s%s%s",
                        t.id(),
                        r.id(),
                        tries,
                        caught,
                        n,
                        power,
                        (System.nanoTime() - t0) / 1e9,
                        errors > 0 ? "  errors " + errors : "",
                        missed.isEmpty() ? "" : "  missed at seeds " + abbreviate(missed));
                System.out.println(line);
                if (power < 0.99) {
                    weak.add(t.id() + "/" + r.id() + String.format(Locale.ROOT, " (%.3f)", power));
                }
            }
        }
        System.out.println(
                weak.isEmpty()
                        ? "every breaking regime has power >= 0.99 over these seeds"
                        : "below 0.99: " + String.join(", ", weak));
    }

    enum Outcome {
        CAUGHT,
        HELD,
        ERROR
    }

    static <I> Outcome detect(Theorem<I> t, Regime r, int tries, RunSettings s) {
        try {
            Theorem<I> budgeted = TheoremRunner.withBudget(t, r, tries, s);
            PropertyResult<I> res = TheoremRunner.property(budgeted, r, tries, s.seed(), s.edgeCases())
                    .shrinkBudget(0)
                    .run();
            if (res.passed()) {
                return Outcome.HELD;
            }
            if (res.failed() && res.failure() instanceof CheckFailure cf && cf.kind() != CheckFailure.Kind.ERROR) {
                return Outcome.CAUGHT;
            }
            return Outcome.ERROR;
        } catch (RuntimeException e) {
            return Outcome.ERROR;
        }
    }

    static String abbreviate(List<Long> seeds) {
        List<Long> shown = seeds.size() > 12 ? seeds.subList(0, 12) : seeds;
        return shown.toString() + (seeds.size() > 12 ? " and " + (seeds.size() - 12) + " more" : "");
    }
}
